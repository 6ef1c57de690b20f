/**
 * The 18 régions of France since 1 January 2016 (13 in metropolitan France, 5 overseas), with their INSEE codes
 * from the Code officiel géographique. Shared by the server and the web app.
 */

export interface Region {
  /** INSEE code: two digits, kept as text ('01' is not 1). */
  code: string;
  /** Official name, as INSEE spells it. */
  name: string;
}

export const REGIONS = [
  { code: '01', name: 'Guadeloupe' },
  { code: '02', name: 'Martinique' },
  { code: '03', name: 'Guyane' },
  { code: '04', name: 'La Réunion' },
  { code: '06', name: 'Mayotte' },
  { code: '11', name: 'Île-de-France' },
  { code: '24', name: 'Centre-Val de Loire' },
  { code: '27', name: 'Bourgogne-Franche-Comté' },
  { code: '28', name: 'Normandie' },
  { code: '32', name: 'Hauts-de-France' },
  { code: '44', name: 'Grand Est' },
  { code: '52', name: 'Pays de la Loire' },
  { code: '53', name: 'Bretagne' },
  { code: '75', name: 'Nouvelle-Aquitaine' },
  { code: '76', name: 'Occitanie' },
  { code: '84', name: 'Auvergne-Rhône-Alpes' },
  { code: '93', name: "Provence-Alpes-Côte d'Azur" },
  { code: '94', name: 'Corse' },
] as const satisfies readonly Region[];

export type RegionCode = (typeof REGIONS)[number]['code'];

const BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((region) => [region.code, region]));

/** The région with this INSEE code ('53'), or undefined. */
export function findRegion(code: string): Region | undefined {
  return BY_CODE.get(code);
}
