/**
 * The demo's catalogue: a French garden centre and delicatessen that also serves businesses (office plants and
 * their upkeep, corporate gifts, terraces) — some sixty products and services in eight categories, with prices,
 * costs (margins of 20 to 60 %) and the VAT rate French law gives each (20 %, 10 % for live plants, seeds and
 * organic soil improvers or work in a home, 5.5 % for food and books). Also what a basket is made of: which
 * products sell in which season and in what quantities.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { weighted, type Weighted } from './demo-data.ts';
import type { Random } from './demo-random.ts';

/** When a product sells best: garden season (March to July), autumn planting, the gift season, or all year. */
export type Season = 'garden' | 'autumn' | 'gifts' | 'always';

export interface CatalogueItem {
  sku: string;
  name: string;
  category: string;
  kind: 'product' | 'service';
  priceCents: number;
  costCents: number;
  vatRate: number;
  season: Season;
  /** How often it is chosen, relative to the others of its season. */
  popularity: number;
  /** Businesses buy it (and in what quantities: from, to). Null: only private customers do. */
  business: readonly [number, number] | null;
  /** Only businesses buy it. */
  businessOnly: boolean;
}

/** A catalogue item with its row id in the workspace. */
export interface Product extends CatalogueItem {
  id: string;
}

export const CATEGORIES = [
  'Outillage de jardin',
  'Plantes et semences',
  'Arrosage',
  'Mobilier et aménagement extérieur',
  'Engrais et soins des plantes',
  'Décoration et cadeaux',
  'Épicerie fine',
  'Services',
] as const;

// SKU | name | price | cost | VAT | season | popularity | quantities businesses take (from-to; * only businesses; - none)
const ITEMS = `
OUT-001|Sécateur professionnel lame franche|34.90|15.20|20|garden|8|2-10
OUT-002|Bêche forgée manche en frêne|42.00|21.50|20|autumn|4|2-6
OUT-003|Râteau à gazon 24 dents|19.90|8.90|20|garden|5|-
OUT-004|Cisaille à haie télescopique|59.00|31.00|20|garden|3|-
OUT-005|Tondeuse thermique 46 cm|389.00|262.00|20|garden|2|1-2
OUT-006|Taille-haie sans fil 18 V|149.00|98.00|20|garden|3|1-3
OUT-007|Gants de jardinage en cuir (paire)|14.90|6.20|20|always|9|5-20
OUT-008|Brouette 100 L roue gonflable|79.00|44.00|20|garden|2|1-3
PLA-001|Olivier en pot Ø 30 cm|89.00|41.00|10|garden|4|2-12
PLA-002|Rosier buisson « Pierre de Ronsard »|24.90|10.40|10|garden|7|-
PLA-003|Lavande officinale (lot de 6)|29.90|12.00|10|garden|7|2-10
PLA-004|Plants de tomates anciennes (barquette de 6)|8.90|3.80|10|garden|9|-
PLA-005|Semences potagères bio (sachet)|3.50|1.50|10|garden|10|-
PLA-006|Hortensia « Annabelle » conteneur 5 L|27.50|11.50|10|garden|5|-
PLA-007|Ficus lyrata de bureau 120 cm|119.00|58.00|10|always|3|2-15
PLA-008|Bulbes de tulipes (filet de 25)|12.90|5.40|10|autumn|8|-
PLA-009|Haie de photinias (lot de 10)|149.00|72.00|10|autumn|3|1-5
ARR-001|Tuyau d'arrosage 25 m anti-torsion|44.90|22.00|20|garden|6|1-4
ARR-002|Programmateur d'arrosage 2 voies|69.00|38.00|20|garden|3|1-3
ARR-003|Récupérateur d'eau de pluie 500 L|129.00|74.00|20|garden|2|-
ARR-004|Arrosoir galvanisé 10 L|36.00|16.50|20|always|5|-
ARR-005|Kit goutte-à-goutte pour potager|54.90|26.00|20|garden|4|-
ARR-006|Pistolet d'arrosage 7 jets|16.90|6.80|20|garden|6|-
MOB-001|Salon de jardin en teck 6 places|1290.00|820.00|20|garden|1|1-3
MOB-002|Chaise longue en acacia|189.00|112.00|20|garden|2|2-12
MOB-003|Parasol déporté 3 m|249.00|150.00|20|garden|2|1-6
MOB-004|Jardinière en terre cuite 80 cm|59.00|27.00|20|garden|4|4-20
MOB-005|Barbecue à charbon 57 cm|219.00|138.00|20|garden|2|-
MOB-006|Banc de jardin en fonte|329.00|190.00|20|garden|1|1-4
MOB-007|Guirlande lumineuse solaire 10 m|29.90|12.50|20|gifts|5|2-10
MOB-008|Bac potager surélevé en pin|139.00|70.00|20|garden|2|1-4
SOI-001|Terreau universel bio 50 L|14.90|6.40|10|garden|10|10-40
SOI-002|Engrais organique fleurs et rosiers 5 kg|24.90|10.50|10|garden|6|2-10
SOI-003|Paillage de chanvre 100 L|19.90|8.50|20|garden|4|5-20
SOI-004|Purin d'ortie prêt à l'emploi 5 L|17.50|7.20|10|garden|4|-
SOI-005|Gazon regarnissant 1 kg|16.90|7.20|10|autumn|5|2-10
SOI-006|Pots en terre cuite (lot de 3)|22.00|9.80|20|always|6|4-20
SOI-007|Anti-limaces bio 1 kg|12.90|5.20|20|garden|4|-
DEC-001|Bougie parfumée figuier 200 g|24.00|10.20|20|gifts|8|10-60
DEC-002|Coffret cadeau « Jardinier gourmand »|49.00|24.00|20|gifts|6|10-80
DEC-003|Mangeoire à oiseaux en bois|34.90|14.00|20|autumn|4|-
DEC-004|Lanterne en métal vieilli|39.00|16.50|20|gifts|4|-
DEC-005|Plaid en laine 130 × 170 cm|69.00|31.00|20|gifts|4|-
DEC-006|Couronne de Noël naturelle Ø 40 cm|45.00|19.00|20|gifts|5|2-10
DEC-007|Sapin de Noël Nordmann 150-175 cm|49.90|22.00|10|gifts|6|1-6
DEC-008|Livre « Le potager en permaculture »|29.90|19.40|5.5|always|3|-
EPI-001|Miel de lavande 500 g|12.90|6.80|5.5|always|8|10-60
EPI-002|Confiture extra de figues 370 g|7.50|3.40|5.5|always|8|-
EPI-003|Huile d'olive vierge extra 75 cl|18.90|10.20|5.5|always|6|6-24
EPI-004|Tisane du jardin bio (boîte de 20)|8.90|3.80|5.5|always|6|-
EPI-005|Coffret de chocolats pralinés 375 g|32.00|15.50|20|gifts|7|10-100
EPI-006|Cidre fermier brut 75 cl|6.90|3.20|20|always|5|12-48
EPI-007|Coffret gourmand d'affaires|59.00|33.00|20|gifts|3|20-150
EPI-008|Terrine de campagne artisanale 180 g|6.50|2.90|5.5|always|5|-
SRV-001|Entretien de jardin (demi-journée)|180.00|110.00|20|garden|3|1-2
SRV-002|Taille de haies jusqu'à 20 m|240.00|140.00|20|autumn|3|1-2
SRV-003|Création de massif (forfait)|850.00|520.00|20|garden|1|1-1
SRV-004|Installation d'arrosage automatique|690.00|410.00|10|garden|1|-
SRV-005|Contrat d'entretien des plantes de bureau (mois)|290.00|150.00|20|always|0|*1-1
SRV-006|Livraison et mise en place|49.00|30.00|20|always|2|1-1
SRV-007|Atelier rempotage (par personne)|35.00|14.00|20|garden|2|-
SRV-008|Location de plantes pour un événement (jour)|390.00|180.00|20|always|1|*1-1`;

const PREFIX_CATEGORY: Readonly<Record<string, (typeof CATEGORIES)[number]>> = {
  OUT: 'Outillage de jardin', PLA: 'Plantes et semences', ARR: 'Arrosage', MOB: 'Mobilier et aménagement extérieur',
  SOI: 'Engrais et soins des plantes', DEC: 'Décoration et cadeaux', EPI: 'Épicerie fine', SRV: 'Services',
};

const cents = (text: string) => Math.round(Number(text) * 100);

export const CATALOGUE: readonly CatalogueItem[] = ITEMS.trim().split('\n').map((line) => {
  const [sku, name, price, cost, vat, season, popularity, business] = line.split('|') as [string, string, string, string, string, Season, string, string];
  const range = business === '-' ? null : (business.replace('*', '').split('-').map(Number) as [number, number]);
  return {
    sku, name, category: PREFIX_CATEGORY[sku.slice(0, 3)]!, kind: sku.startsWith('SRV') ? 'service' : 'product',
    priceCents: cents(price), costCents: cents(cost), vatRate: Number(vat), season, popularity: Number(popularity), business: range,
    businessOnly: business.startsWith('*'),
  };
});

/** The office-plant upkeep contract businesses pay every month, and the plant hire of their events. */
export const OFFICE_PLANTS_CONTRACT = 'SRV-005';
export const EVENT_PLANT_HIRE = 'SRV-008';

/**
 * Adds the catalogue to the workspace (what is already there by SKU or category name is kept as it is) and
 * returns the products with their ids and the prices and costs the workspace has for them.
 */
export async function loadCatalogue(tx: Ctx, uuid: (index: number) => string, createdAt: string): Promise<Product[]> {
  const ws = tx.workspaceId;
  const categories = CATEGORIES.map((name, i) => ({ id: uuid(i), name }));
  await sql`
    insert into product_categories (workspace_id, id, name, created_at)
    select ${ws}::uuid, id, name, ${createdAt}::timestamptz from json_to_recordset(${JSON.stringify(categories)}::json) as c(id uuid, name text)
    on conflict do nothing`.execute(tx.db);
  const products = CATALOGUE.map((item, i) => ({
    id: uuid(100 + i), sku: item.sku, name: item.name, kind: item.kind, category: item.category,
    unit_price: (item.priceCents / 100).toFixed(2), unit_cost: (item.costCents / 100).toFixed(2), vat_rate: item.vatRate,
  }));
  await sql`
    insert into products (workspace_id, id, sku, name, kind, category_id, unit_price, unit_cost, vat_rate, created_at, updated_at)
    select ${ws}::uuid, p.id, p.sku, p.name, p.kind, c.id, p.unit_price, p.unit_cost, p.vat_rate, ${createdAt}::timestamptz, ${createdAt}::timestamptz
    from json_to_recordset(${JSON.stringify(products)}::json)
      as p(id uuid, sku text, name text, kind text, category text, unit_price numeric, unit_cost numeric, vat_rate numeric)
    left join product_categories c on c.workspace_id = ${ws} and lower(c.name) = lower(p.category)
    on conflict do nothing`.execute(tx.db);
  const { rows } = await sql<{ id: string; sku: string; name: string; unit_price: string; unit_cost: string; vat_rate: string }>`
    select id, sku, name, unit_price, unit_cost, vat_rate from products
    where workspace_id = ${ws} and sku = any(${CATALOGUE.map((c) => c.sku)}::text[])`.execute(tx.db);
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  return CATALOGUE.map((item) => {
    const row = bySku.get(item.sku)!;
    return { ...item, id: row.id, name: row.name, priceCents: cents(row.unit_price), costCents: cents(row.unit_cost), vatRate: Number(row.vat_rate) };
  });
}

/** How much each season's products sell in each month (January first). */
const SEASON_MONTHS: Readonly<Record<Season, readonly number[]>> = {
  garden: [0.2, 0.4, 1.2, 2, 2.2, 1.6, 1, 0.5, 0.5, 0.4, 0.2, 0.1],
  autumn: [0.2, 0.3, 0.8, 0.6, 0.3, 0.2, 0.2, 0.4, 1.4, 2, 1.4, 0.3],
  gifts: [0.2, 0.2, 0.2, 0.3, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 2, 3],
  always: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.5],
};

/** What a customer tends to buy: garden products, gifts, delicatessen, or a bit of everything. */
export type Taste = 'garden' | 'gifts' | 'pantry' | 'mixed';

const TASTE_CATEGORY_WEIGHT: Readonly<Record<Taste, Partial<Record<string, number>>>> = {
  garden: { 'Outillage de jardin': 1.5, 'Plantes et semences': 2, Arrosage: 1.5, 'Engrais et soins des plantes': 2, 'Épicerie fine': 0.2, 'Décoration et cadeaux': 0.3 },
  gifts: { 'Décoration et cadeaux': 3, 'Épicerie fine': 2.5, 'Outillage de jardin': 0.3, Arrosage: 0.2 },
  pantry: { 'Épicerie fine': 4, 'Engrais et soins des plantes': 1.5, 'Plantes et semences': 1.2, 'Mobilier et aménagement extérieur': 0.2 },
  mixed: {},
};

/**
 * The products a customer of this kind and taste picks from in each month, weighted; services are for those who
 * book them (private customers rarely do) and business-only items only for businesses.
 */
export function productChooser(products: readonly Product[], business: boolean, taste: Taste): (month: number) => Weighted<Product> {
  const lists = Array.from({ length: 12 }, (_, month) => weighted(products.flatMap((p) => {
    if (business ? p.business === null : p.businessOnly) return [];
    const service = p.kind === 'service' ? (business ? 0.6 : 0.15) : 1;
    const weight = p.popularity * SEASON_MONTHS[p.season][month]! * (TASTE_CATEGORY_WEIGHT[taste][p.category] ?? 1) * service;
    return weight > 0 ? [[p, weight] as const] : [];
  })));
  return (month) => lists[month]!;
}

const PRIVATE_QUANTITIES = weighted([[1, 74], [2, 18], [3, 5], [4, 2], [6, 1]] as const);

/** How many a customer takes of a product: private customers one or two, businesses what their trade needs. */
export function quantityOf(random: Random, product: CatalogueItem, business: boolean): number {
  if (product.kind === 'service') return 1;
  if (business && product.business) return random.int(product.business[0], product.business[1]);
  return random.pickWeighted(PRIVATE_QUANTITIES);
}
