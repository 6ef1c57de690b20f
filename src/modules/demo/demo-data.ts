/**
 * Reference lists behind `rapport demo`: French first names by birth cohort, surnames, communes with their postcodes,
 * streets, company names by activity, job titles, interests and tags. Facts where facts matter (postcodes, NAF codes,
 * the rough frequency of names and the size of towns); weights are relative, not counts.
 *
 * Lists are written as compact 'Name:weight, …' strings and parsed once when the module loads.
 */
import { checkFrenchPostcode } from '../../shared/contact/postcode.ts';
import { checkNafCode } from '../../shared/identifiers/naf.ts';

export interface Weighted<T> {
  readonly items: readonly T[];
  /** Running totals of the weights, for a binary search. */
  readonly cumulative: Float64Array;
  readonly total: number;
}

/** A weighted list from items and their weights. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    total += weight;
    cumulative[i] = total;
  });
  return { items: entries.map(([item]) => item), cumulative, total };
}

/** 'Marie:30, Jeanne:14' → a weighted list of names. */
function names(list: string): Weighted<string> {
  return weighted(
    list.split(',').map((entry) => {
      const [name, weight] = entry.split(':');
      return [name!.trim(), Number(weight)] as const;
    }),
  );
}

// First names by birth cohort: the names French parents chose in those years (INSEE, fichier des prénoms), roughly
// in their order of popularity. A person born in 1952 is called Monique or Alain, one born in 1995 Manon or Thomas.
const COHORTS = [
  {
    bornUntil: 1949,
    female: names(`Marie:30, Jeanne:14, Monique:12, Jacqueline:12, Simone:8, Denise:8, Yvette:7, Paulette:6, Suzanne:7,
      Odette:5, Germaine:5, Madeleine:7, Colette:6, Josette:5, Andrée:5, Christiane:6, Lucienne:4, Geneviève:6,
      Yvonne:6, Françoise:8`),
    male: names(`Jean:30, André:14, Pierre:14, René:10, Michel:12, Marcel:9, Jacques:12, Roger:8, Louis:9, Robert:8,
      Claude:8, Bernard:8, Georges:7, Henri:7, Maurice:6, Raymond:6, Paul:7, Lucien:4, Roland:4, Guy:5`),
  },
  {
    bornUntil: 1969,
    female: names(`Marie:10, Nathalie:12, Isabelle:14, Sylvie:14, Catherine:14, Martine:12, Christine:12, Françoise:10,
      Véronique:10, Brigitte:8, Patricia:9, Chantal:8, Nicole:8, Dominique:6, Valérie:8, Annie:5, Danielle:5,
      Évelyne:5, Pascale:5, Corinne:6`),
    male: names(`Philippe:14, Alain:12, Patrick:13, Michel:12, Jean-Pierre:9, Daniel:10, Christian:10, Bernard:9,
      Éric:10, Pascal:10, Gérard:9, Thierry:9, Jean-Claude:7, Dominique:6, François:8, Jacques:6, Didier:8, Serge:6,
      Joël:5, Denis:5`),
  },
  {
    bornUntil: 1989,
    female: names(`Nathalie:10, Stéphanie:12, Sandrine:11, Céline:12, Valérie:9, Isabelle:7, Aurélie:11, Virginie:10,
      Karine:8, Émilie:10, Julie:11, Sophie:10, Laetitia:7, Delphine:8, Séverine:7, Caroline:7, Élodie:8, Audrey:8,
      Mélanie:7, Anne:5`),
    male: names(`Nicolas:14, Christophe:12, Stéphane:12, Sébastien:12, David:10, Frédéric:10, Julien:11, Laurent:10,
      Olivier:9, Jérôme:8, Guillaume:9, Cédric:7, Vincent:8, Thomas:7, Mickaël:6, Romain:6, Alexandre:7, Fabrice:6,
      Arnaud:6, Damien:6`),
  },
  {
    bornUntil: 9999,
    female: names(`Camille:12, Léa:12, Manon:12, Chloé:10, Sarah:9, Laura:8, Marine:7, Pauline:7, Emma:8, Inès:7,
      Océane:6, Julie:6, Marie:5, Anaïs:6, Mathilde:6, Clara:6, Lucie:6, Justine:6, Morgane:5, Jade:5`),
    male: names(`Thomas:14, Lucas:12, Hugo:10, Maxime:10, Alexandre:8, Antoine:8, Quentin:8, Kevin:7, Nicolas:6,
      Théo:8, Romain:6, Clément:7, Julien:5, Mathieu:5, Paul:5, Louis:5, Nathan:7, Enzo:6, Yanis:5, Mehdi:4`),
  },
] as const;

/** Names given to girls and boys alike, for people whose gender is 'other'. */
export const EPICENE_FIRST_NAMES = names(
  'Camille:10, Dominique:6, Claude:4, Sacha:5, Alix:4, Charlie:4, Morgan:3, Eden:3, Noa:3, Andrea:2',
);

/** The first names of a birth year, for women or for men. */
export function firstNamesFor(birthYear: number, gender: 'female' | 'male'): Weighted<string> {
  const cohort = COHORTS.find((c) => birthYear <= c.bornUntil) ?? COHORTS[COHORTS.length - 1]!;
  return cohort[gender];
}

/** The most frequent surnames in France (INSEE), with the names of Brittany, the overseas départements and immigration. */
export const LAST_NAMES = names(`Martin:235, Bernard:105, Thomas:97, Petit:92, Robert:90, Richard:89, Durand:85,
  Dubois:84, Moreau:82, Laurent:80, Simon:77, Michel:77, Lefebvre:75, Leroy:72, Roux:69, David:68, Bertrand:67,
  Morel:66, Fournier:65, Girard:65, Bonnet:63, Dupont:63, Lambert:62, Fontaine:61, Rousseau:60, Vincent:60, Muller:59,
  Lefèvre:58, Faure:58, André:57, Mercier:56, Blanc:55, Guérin:54, Boyer:54, Garnier:54, Chevalier:53, François:53,
  Legrand:53, Gauthier:52, Garcia:52, Perrin:51, Robin:50, Clément:49, Morin:49, Nicolas:48, Henry:48, Roussel:48,
  Mathieu:47, Gautier:47, Masson:47, Marchand:46, Duval:46, Denis:46, Dumont:45, Marie:45, Lemaire:45, Noël:44,
  Meyer:44, Dufour:44, Meunier:43, Brun:43, Blanchard:43, Giraud:42, Joly:42, Rivière:42, Lucas:42, Brunet:41,
  Gaillard:41, Barbier:41, Arnaud:41, Martinez:40, Gérard:40, Roche:40, Renard:40, Schmitt:40, Roy:39, Leroux:39,
  Colin:39, Vidal:38, Caron:38, Picard:38, Roger:38, Fabre:38, Aubert:38, Lemoine:37, Renaud:37, Dumas:37, Lacroix:37,
  Olivier:37, Philippe:36, Bourgeois:36, Pierre:36, Benoît:35, Rey:35, Leclerc:35, Payet:35, Rolland:34, Leclercq:34,
  Guillaume:34, Lecomte:34, Lopez:34, Jean:33, Dupuy:33, Guillot:33, Hubert:33, Berger:33, Carpentier:32, Sanchez:32,
  Dupuis:32, Moulin:32, Louis:31, Deschamps:31, Huet:31, Vasseur:31, Perez:31, Boucher:30, Fleury:30, Royer:30,
  Klein:30, Jacquet:30, Adam:30, Paris:29, Poirier:29, Marty:29, Aubry:29, Guyot:29, Carré:29, Charles:28, Renault:28,
  Charpentier:28, Ménard:28, Maillard:28, Baron:28, Bertin:28, Bailly:28, Hervé:27, Schneider:27, Fernandez:27,
  Le Gall:27, Collet:27, Léger:27, Bouvier:26, Julien:26, Prévost:26, Millet:26, Perrot:26, Daniel:26, Le Roux:26,
  Cousin:26, Germain:25, Breton:25, Besson:25, Langlois:25, Rémy:25, Le Goff:25, Pelletier:25, Lévêque:25, Perrier:24,
  Leblanc:24, Barré:24, Lebrun:24, Marchal:24, Weber:24, Mallet:24, Hamon:24, Boulanger:23, Jacob:23, Monnier:23,
  Michaud:23, Rodriguez:23, Guichard:23, Gillet:23, Étienne:23, Grondin:23, Poulain:22, Tessier:22, Chevallier:22,
  Collin:22, Chauvin:22, Da Silva:22, Bouchet:22, Gay:22, Lemaître:22, Bénard:22, Maréchal:22, Humbert:22, Reynaud:22,
  Antoine:22, Hoarau:22, Perret:22, Barthélemy:21, Cordier:21, Pichon:21, Lejeune:21, Gilbert:21, Lamy:21,
  Delaunay:21, Pasquier:21, Carlier:21, Laporte:21, Nguyen:20, Dos Santos:20, Ferreira:18, Martins:18, Rodrigues:16,
  N'Diaye:15, Diallo:14, Cohen:14, Wagner:14, Benali:12, Haddad:12, Traoré:12, Lévy:12, Hoffmann:12, Le Bihan:12,
  Le Floch:10, Kaya:8, Ben Ahmed:8`);

export interface Commune {
  name: string;
  postcode: string;
  /** INSEE codes of the département and région the postcode points to. */
  departement: string;
  region: string;
  /** Relative weight: the population, in thousands. */
  population: number;
}

// Communes with their postcodes (several for the cities La Poste divides) and their population in thousands.
// 'Paris|75001-75020|2100' is Paris with the postcodes 75001 to 75020.
const COMMUNE_LIST = `
Paris|75001-75020|2100; Boulogne-Billancourt|92100|120; Nanterre|92000|95; Courbevoie|92400|80;
Issy-les-Moulineaux|92130|68; Levallois-Perret|92300|65; Neuilly-sur-Seine|92200|60; Rueil-Malmaison|92500|78;
Colombes|92700|85; Montreuil|93100|110; Saint-Denis|93200|113; Aubervilliers|93300|88; Créteil|94000|92;
Vitry-sur-Seine|94400|95; Vincennes|94300|50; Versailles|78000|85; Saint-Germain-en-Laye|78100|45;
Argenteuil|95100|110; Cergy|95000|66; Évry-Courcouronnes|91000|67; Massy|91300|50; Meaux|77100|56; Melun|77000|41;
Fontainebleau|77300|15;
Tours|37000 37100 37200|137; Orléans|45000 45100|117; Bourges|18000|64; Blois|41000|46; Chartres|28000|39;
Châteauroux|36000|43; Amboise|37400|13; Chinon|37500|8; Vierzon|18100|26; Dreux|28100|31; Montargis|45200|14;
Dijon|21000|159; Besançon|25000|119; Beaune|21200|20; Auxerre|89000|35; Chalon-sur-Saône|71100|45; Mâcon|71000|34;
Belfort|90000|46; Nevers|58000|33; Lons-le-Saunier|39000|17; Vesoul|70000|15; Vézelay|89450|1; Pontarlier|25300|17;
Dole|39100|23; Autun|71400|13; Sens|89100|26;
Rouen|76000 76100|114; Le Havre|76600|166; Caen|14000|108; Cherbourg-en-Cotentin|50100|79; Évreux|27000|47;
Alençon|61000|26; Dieppe|76200|28; Deauville|14800|4; Saint-Lô|50000|19; Giverny|27620|1; Étretat|76790|1;
Honfleur|14600|7; Granville|50400|12; Lisieux|14100|20; Fécamp|76400|18;
Lille|59000 59160 59260 59800|236; Roubaix|59100|98; Tourcoing|59200|98; Villeneuve-d'Ascq|59650|62;
Dunkerque|59140|86; Valenciennes|59300|43; Amiens|80000 80080 80090|134; Arras|62000|41; Calais|62100|67;
Boulogne-sur-Mer|62200|40; Lens|62300|31; Beauvais|60000|56; Compiègne|60200|40; Saint-Quentin|02100|53;
Laon|02000|24; Abbeville|80100|23; Cambrai|59400|32; Maubeuge|59600|29; Soissons|02200|28;
Strasbourg|67000 67100 67200|290; Reims|51100|181; Metz|57000 57050|120; Mulhouse|68100 68200|108;
Nancy|54000 54100|105; Colmar|68000|68; Troyes|10000|61; Charleville-Mézières|08000|46;
Châlons-en-Champagne|51000|44; Épinal|88000|32; Thionville|57100|41; Haguenau|67500|35; Chaumont|52000|22;
Bar-le-Duc|55000|15; Riquewihr|68340|1; Épernay|51200|22; Obernai|67210|11; Sedan|08200|16; Verdun|55100|17;
Saint-Dié-des-Vosges|88100|20; Sarreguemines|57200|21; Sélestat|67600|19;
Nantes|44000 44100 44200 44300|320; Saint-Nazaire|44600|72; Angers|49000 49100|157; Le Mans|72000 72100|145;
Laval|53000|50; La Roche-sur-Yon|85000|57; Cholet|49300|54; Les Sables-d'Olonne|85100|48; Saumur|49400|26;
Ancenis-Saint-Géréon|44150|11; Château-Gontier-sur-Mayenne|53200|17; La Flèche|72200|15; Challans|85300|21;
Rennes|35000 35200 35700|222; Brest|29200|140; Quimper|29000|63; Lorient|56100|57; Vannes|56000|54;
Saint-Malo|35400|47; Saint-Brieuc|22000|44; Lannion|22300|20; Concarneau|29900|19; Carnac|56340|4;
Locronan|29180|1; Dinan|22100|15; Paimpol|22500|7; Fougères|35300|20; Vitré|35500|18; Morlaix|29600|15;
Pontivy|56300|15;
Bordeaux|33000 33100 33200 33300 33800|261; Mérignac|33700|72; Pessac|33600|65; Limoges|87000 87100|130;
Poitiers|86000|89; La Rochelle|17000|78; Pau|64000|76; Bayonne|64100|52; Biarritz|64200|25; Angoulême|16000|42;
Niort|79000|60; Périgueux|24000|30; Brive-la-Gaillarde|19100|46; Agen|47000|33; Mont-de-Marsan|40000|30;
Arcachon|33120|11; Guéret|23000|13; Cognac|16100|19; Tulle|19000|14; Rochefort|17300|24; Saint-Émilion|33330|2;
Sarlat-la-Canéda|24200|9; Bergerac|24100|26; Dax|40100|21; Saintes|17100|25; Royan|17200|19; Libourne|33500|25;
Villeneuve-sur-Lot|47300|22; Bressuire|79300|19; Châtellerault|86100|31; Ussel|19200|9; Saint-Junien|87200|11;
Toulouse|31000 31100 31200 31300 31400 31500|504; Montpellier|34000 34070 34080 34090|299; Nîmes|30000 30900|149;
Perpignan|66000 66100|120; Béziers|34500|79; Narbonne|11100|56; Carcassonne|11000|46; Albi|81000|49;
Montauban|82000|61; Tarbes|65000|42; Rodez|12000|24; Castres|81100|42; Sète|34200|44; Auch|32000|22; Cahors|46000|19;
Foix|09000|10; Mende|48000|12; Alès|30100|43; Colomiers|31770|39; Rocamadour|46500|1; Collioure|66190|3;
Lourdes|65100|13; Millau|12100|22; Figeac|46100|10; Uzès|30700|8; Pézenas|34120|8; Saint-Gaudens|31800|11;
Pamiers|09100|15; Lunel|34400|26; Bagnols-sur-Cèze|30200|18; Limoux|11300|10;
Lyon|69001-69009|522; Villeurbanne|69100|156; Vénissieux|69200|66; Saint-Étienne|42000 42100|173;
Grenoble|38000 38100|158; Clermont-Ferrand|63000 63100|147; Annecy|74000|131; Chambéry|73000|60; Valence|26000|64;
Bourg-en-Bresse|01000|42; Roanne|42300|35; Vichy|03200|25; Montluçon|03100|34; Moulins|03000|19; Aurillac|15000|25;
Le Puy-en-Velay|43000|19; Aubenas|07200|12; Annemasse|74100|37; Thonon-les-Bains|74200|36; Vienne|38200|30;
Privas|07000|8; Montélimar|26200|40; Chamonix-Mont-Blanc|74400|9; Megève|74120|3; Annonay|07100|17;
Oyonnax|01100|22; Issoire|63500|15; Thiers|63300|11; Aix-les-Bains|73100|31; Albertville|73200|19;
Romans-sur-Isère|26100|33; Voiron|38500|20; Bourgoin-Jallieu|38300|29; Villefranche-sur-Saône|69400|36;
Marseille|13001-13016|870; Nice|06000 06100 06200 06300|342; Toulon|83000 83100 83200|178;
Aix-en-Provence|13090 13100|147; Avignon|84000|91; Cannes|06400|74; Antibes|06600|74; Fréjus|83600|55;
Hyères|83400|56; Arles|13200|51; Gap|05000|41; Digne-les-Bains|04000|16; Manosque|04100|22; Menton|06500|30;
Grasse|06130|50; Salon-de-Provence|13300|45; Martigues|13500|49; Aubagne|13400|47; Carpentras|84200|29;
Orange|84100|28; Gordes|84220|2; Cassis|13260|7; Saint-Tropez|83990|4; Draguignan|83300|40; Brignoles|83170|17;
Cavaillon|84300|26; Istres|13800|43; Briançon|05100|11; Sisteron|04200|8;
Ajaccio|20000 20090|72; Bastia|20200 20600|48; Porto-Vecchio|20137|12; Corte|20250|7; Calvi|20260|6;
Pointe-à-Pitre|97110|15; Les Abymes|97139|53; Fort-de-France|97200|75; Cayenne|97300|63;
Saint-Denis|97400|153; Saint-Pierre|97410|85; Saint-Paul|97460|105; Mamoudzou|97600|71`;

function postcodesOf(spec: string): string[] {
  const range = /^(\d{5})-(\d{5})$/.exec(spec);
  if (!range) return spec.split(' ');
  const [from, to] = [Number(range[1]), Number(range[2])];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(5, '0'));
}

function parseCommunes(list: string): Commune[] {
  return list.split(';').flatMap((entry) => {
    const [name, postcodes, population] = entry.trim().split('|');
    const codes = postcodesOf(postcodes!);
    return codes.map((postcode) => {
      const place = checkFrenchPostcode(postcode);
      if (!place.ok || !place.region) throw new Error(`demo data: ${postcode} (${name}) is not a postcode of a département`);
      // A city's population is shared between its postcodes, so Paris as a whole keeps its weight.
      return { name: name!, postcode, departement: place.departement.code, region: place.region.code, population: Number(population) / codes.length };
    });
  });
}

/** Communes weighted by population, each postcode of a divided city as its own entry. */
export const COMMUNES: Weighted<Commune> = weighted(parseCommunes(COMMUNE_LIST).map((c) => [c, c.population] as const));

/** Streets found in most French towns. */
export const STREETS = names(`rue de la République:10, rue Victor Hugo:10, rue Jean Jaurès:9, avenue du Général de Gaulle:8,
  rue Pasteur:8, place de la Mairie:4, rue de l'Église:8, chemin des Vignes:4, allée des Tilleuls:4, boulevard Gambetta:5,
  rue Jules Ferry:7, rue du Moulin:7, impasse des Lilas:4, rue des Écoles:7, avenue de la Gare:7, rue Nationale:6,
  rue de Verdun:6, rue Carnot:6, rue du Stade:5, rue des Jardins:5, rue Émile Zola:6, rue Voltaire:6, rue de la Paix:5,
  rue du Château:6, rue des Acacias:4, rue du Général Leclerc:6, avenue Foch:4, rue Anatole France:5, rue Jean Moulin:6,
  rue du 8 Mai 1945:5, rue du 11 Novembre:4, rue de la Liberté:5, rue des Roses:4, rue des Peupliers:4,
  chemin du Lavoir:3, rue de la Fontaine:5, rue Saint-Martin:4, place du Marché:4, rue du Port:3, avenue des Pins:3,
  rue des Cerisiers:3, rue Alsace-Lorraine:3, boulevard de la Liberté:3, rue Paul Bert:4, rue Gabriel Péri:4,
  rue Lamartine:4, rue Molière:4, rue Jean de La Fontaine:3, rue Georges Clemenceau:5, route de la Forêt:3`);

/** Addresses of business parks and shop streets, for head offices. */
export const BUSINESS_STREETS = names(`rue de l'Industrie:8, rue des Artisans:6, avenue de l'Europe:7, rue du Commerce:6,
  allée de l'Innovation:3, rue Gustave Eiffel:5, rue Denis Papin:4, rue Ampère:4, avenue Pierre Mendès France:3,
  boulevard de l'Océan:2, rue de la République:6, avenue du Général de Gaulle:5, rue Nationale:4, place du Marché:3,
  rue Jean Jaurès:5, rue des Entrepreneurs:4, rue Louis Blériot:4, chemin des Prés:2`);

export const HOME_LINE2 = names(`Bâtiment A:4, Bâtiment B:4, Bâtiment C:2, Escalier 2:2, Résidence Les Tilleuls:3,
  Résidence du Parc:3, Résidence Les Hortensias:2, Appartement 12:2, Appartement 24:2, Appartement 3:2, Le Clos fleuri:1`);

export const BUSINESS_LINE2 = names(`ZA des Portes:4, ZI Nord:3, Parc d'activités du Moulin:3, Zone artisanale:3,
  Bâtiment B:3, CS 30012:2, Espace Entreprises:2, Technopôle:2, Pépinière d'entreprises:1`);

/**
 * Lines of business: a real NAF rév. 2 subclass, name patterns ({last} a surname, {city} the town, {ofCity} 'de' and
 * the town as French writes it, {word} a brand word, {first} a first name), typical legal forms, how many people such firms employ and their revenue per head.
 */
export interface Sector {
  naf: string;
  label: string;
  names: readonly string[];
  forms: readonly string[];
  /** Relative weights of the head-count band codes. */
  size: 'craft' | 'small' | 'mid' | 'large';
  revenuePerHead: number;
  weight: number;
}

export const SECTORS: Weighted<Sector> = weighted(
  (
    [
      ['62.01Z', 'Programmation informatique', ['{word} Informatique', '{word} Soft', '{word} Digital', '{word} Logiciels'], ['SAS', 'SASU', 'SARL'], 'small', 110_000, 6],
      ['62.02A', 'Conseil en systèmes et logiciels informatiques', ['{word} Conseil IT', '{word} Systèmes', 'Groupe {word}'], ['SAS', 'SA'], 'mid', 120_000, 4],
      ['58.29C', "Édition de logiciels applicatifs", ['{word} Software', '{word} Solutions'], ['SAS'], 'mid', 140_000, 2],
      ['56.10A', 'Restauration traditionnelle', ['Restaurant {word}', 'Brasserie {ofCity}', 'Chez {first}', "L'Auberge {last}"], ['SARL', 'SAS', 'EURL'], 'craft', 70_000, 8],
      ['56.10C', 'Restauration de type rapide', ['{word} Burger', 'Snack {city}', 'Pizza {first}'], ['SARL', 'SASU'], 'craft', 60_000, 3],
      ['10.71C', 'Boulangerie et boulangerie-pâtisserie', ['Boulangerie {last}', 'Au Fournil {ofCity}', 'Maison {last}'], ['SARL', 'EURL', 'SAS'], 'craft', 75_000, 6],
      ['43.22A', "Travaux d'installation d'eau et de gaz", ['{last} Plomberie', 'Plomberie {city}', '{last} Chauffage'], ['SARL', 'EURL'], 'craft', 95_000, 5],
      ['43.21A', "Travaux d'installation électrique", ['{last} Électricité', 'Élec {city}', '{word} Électricité'], ['SARL', 'SAS', 'EURL'], 'craft', 100_000, 5],
      ['43.32A', 'Travaux de menuiserie bois et PVC', ['Menuiserie {last}', '{last} Fenêtres', 'Atelier Bois {city}'], ['SARL', 'EURL'], 'craft', 95_000, 4],
      ['41.20A', 'Construction de maisons individuelles', ['Maisons {word}', '{last} Construction', 'Les Bâtisseurs {ofCity}'], ['SAS', 'SARL'], 'small', 180_000, 3],
      ['45.20A', 'Entretien et réparation de véhicules automobiles légers', ['Garage {last}', 'Garage {ofCity}', '{last} Automobiles'], ['SARL', 'EURL'], 'craft', 120_000, 5],
      ['47.71Z', "Commerce de détail d'habillement en magasin spécialisé", ['Boutique {first}', '{word} Mode', 'Les Ateliers {last}'], ['SARL', 'SAS'], 'craft', 110_000, 4],
      ['47.11C', 'Supérettes', ['Épicerie {ofCity}', 'Alimentation {last}', 'Le Panier {word}'], ['SARL', 'SAS'], 'small', 250_000, 2],
      ['47.73Z', 'Commerce de détail de produits pharmaceutiques en magasin spécialisé', ['Pharmacie {last}', 'Pharmacie {ofCity}', 'Grande Pharmacie {word}'], ['SELARL', 'SARL'], 'small', 300_000, 3],
      ['69.20Z', 'Activités comptables', ['Cabinet {last}', '{last} Expertise', '{word} Audit'], ['SARL', 'SAS', 'SELARL'], 'small', 90_000, 4],
      ['69.10Z', 'Activités juridiques', ['{last} Avocats', 'Cabinet {last} & Associés'], ['SELARL', 'SCP'], 'small', 130_000, 2],
      ['70.22Z', 'Conseil pour les affaires et autres conseils de gestion', ['{word} Conseil', '{last} Consulting', 'Cabinet {word}'], ['SAS', 'SASU', 'EURL'], 'small', 150_000, 5],
      ['71.12B', 'Ingénierie, études techniques', ['{word} Ingénierie', 'Bureau d\'études {last}', '{word} Études'], ['SAS', 'SARL'], 'mid', 110_000, 3],
      ['73.11Z', 'Activités des agences de publicité', ['Agence {word}', 'Studio {word}', '{word} Communication'], ['SAS', 'SARL'], 'small', 120_000, 3],
      ['74.10Z', 'Activités spécialisées de design', ['Atelier {word}', '{first} Design'], ['SASU', 'EURL'], 'craft', 80_000, 1],
      ['68.31Z', 'Agences immobilières', ['{last} Immobilier', 'Agence immobilière {ofCity}', '{word} Immobilier'], ['SARL', 'SAS'], 'small', 130_000, 4],
      ['49.41A', 'Transports routiers de fret interurbains', ['Transports {last}', '{last} Logistique', '{word} Fret'], ['SAS', 'SARL'], 'mid', 140_000, 3],
      ['52.29A', 'Messagerie, fret express', ['{word} Express', 'Coursiers {ofCity}'], ['SAS'], 'mid', 130_000, 1],
      ['55.10Z', 'Hôtels et hébergement similaire', ['Hôtel {word}', 'Grand Hôtel {ofCity}', 'Le Relais {ofCity}'], ['SARL', 'SAS'], 'small', 80_000, 3],
      ['86.23Z', 'Pratique dentaire', ['Cabinet dentaire {last}', 'Centre dentaire {ofCity}'], ['SELARL', 'SCM'], 'craft', 150_000, 2],
      ['96.02A', 'Coiffure', ['{first} Coiffure', 'Salon {word}', "L'Atelier de {first}"], ['EURL', 'SARL', 'SASU'], 'craft', 50_000, 4],
      ['01.21Z', 'Culture de la vigne', ['Domaine {last}', 'Château {word}', 'Vignobles {last}'], ['SCEA', 'EARL', 'SAS'], 'craft', 150_000, 3],
      ['10.51C', 'Fabrication de fromage', ['Fromagerie {last}', 'Fromagerie {ofCity}'], ['SAS', 'SARL'], 'mid', 250_000, 1],
      ['25.62B', 'Mécanique industrielle', ['{last} Mécanique', '{word} Usinage', 'Ateliers {last}'], ['SAS', 'SARL'], 'mid', 130_000, 3],
      ['46.69B', 'Commerce de gros de fournitures et équipements industriels divers', ['{word} Équipements', '{last} Fournitures', '{word} Distribution'], ['SAS', 'SA'], 'mid', 400_000, 3],
      ['46.90Z', 'Commerce de gros non spécialisé', ['{word} Négoce', 'Comptoir {word}'], ['SAS', 'SA'], 'large', 450_000, 1],
      ['85.59A', "Formation continue d'adultes", ['{word} Formation', 'Institut {word}', 'Académie {last}'], ['SAS', 'SARL'], 'small', 90_000, 3],
      ['81.21Z', 'Nettoyage courant des bâtiments', ['{word} Propreté', '{last} Services', 'Net {city}'], ['SAS', 'SARL'], 'mid', 40_000, 3],
      ['31.09B', "Fabrication d'autres meubles et industries connexes de l'ameublement", ['Meubles {last}', 'Ébénisterie {last}'], ['SARL', 'SAS'], 'small', 120_000, 1],
      ['16.23Z', "Fabrication de charpentes et d'autres menuiseries", ['Charpentes {last}', '{word} Bois'], ['SARL', 'SAS'], 'small', 140_000, 1],
      ['93.13Z', 'Activités des centres de culture physique', ['{word} Fitness', 'Salle {word}', 'Club Forme {city}'], ['SAS', 'SARL'], 'small', 60_000, 2],
      ['47.61Z', 'Commerce de détail de livres en magasin spécialisé', ['Librairie {word}', 'Librairie {ofCity}'], ['SARL', 'SCOP'], 'craft', 140_000, 1],
      ['20.42Z', 'Fabrication de parfums et de produits pour la toilette', ['Savonnerie {word}', 'Laboratoires {last}'], ['SAS', 'SA'], 'large', 300_000, 1],
    ] as const
  ).map(([naf, label, patterns, forms, size, revenuePerHead, weight]) => {
    const check = checkNafCode(naf);
    if (!check.ok || check.value !== naf) throw new Error(`demo data: ${naf} is not a normalised NAF code`);
    return [{ naf, label, names: patterns, forms, size, revenuePerHead, weight }, weight] as const;
  }),
);

/** Head-count band codes by size of business, from the Sirene bands (see HEADCOUNT_BANDS). */
export const HEADCOUNT_PROFILES = {
  craft: weighted([['NN', 6], ['00', 10], ['01', 30], ['02', 24], ['03', 16], ['11', 10], ['12', 4]]),
  small: weighted([['00', 4], ['01', 14], ['02', 20], ['03', 20], ['11', 20], ['12', 14], ['21', 6], ['22', 2]]),
  mid: weighted([['02', 6], ['03', 12], ['11', 22], ['12', 26], ['21', 16], ['22', 10], ['31', 3], ['32', 3], ['41', 2]]),
  large: weighted([['12', 10], ['21', 18], ['22', 20], ['31', 10], ['32', 14], ['41', 12], ['42', 8], ['51', 5], ['52', 2], ['53', 1]]),
} as const;

/** Words for brand-like company names. */
export const BRAND_WORDS = names(`Horizon:5, Atlantique:4, Arvor:2, Provence:3, Azur:4, Boréal:2, Cèdre:2, Chêne:3,
  Tilleul:2, Armor:3, Oxygène:3, Hexa:2, Nova:4, Équinoxe:2, Cap Sud:2, Étoile:3, Lumière:3, Vallée:2, Rivage:2,
  Granit:2, Ardoise:2, Osmose:3, Synergie:3, Avenir:3, Ambre:2, Iris:2, Lys:2, Alizé:3, Mistral:3, Sirocco:1,
  Helios:2, Orion:3, Pégase:2, Odyssée:2, Vertical:2, Trident:1, Hermine:2, Cigale:2, Olivier:2, Lavande:2,
  Galet:2, Phare:3, Rempart:1, Belvédère:2, Canopée:2, Pivot:1, Prisme:2, Quartz:2, Sillage:2, Tramontane:1`);

/** Company names of the kind people cite as a competitor when they leave. */
export const COMPETITORS = names(`Distrinord:3, Maison Bréval:2, Azur Services:3, Proxipro:3, Groupe Altéa:2,
  Ouest Fournitures:2, Comptoir du Centre:2, Nexalis:2, Val de Loire Équipement:1, Sudalia:2`);

export const FORMER_CUSTOMER_REASONS = weighted([
  ['Prix jugé trop élevé', 5],
  ['Parti chez un concurrent', 6],
  ['Déménagement', 3],
  ['Insatisfait du service après-vente', 3],
  ["Cessation d'activité", 1],
  ['Besoin terminé', 2],
  ['Délais de livraison trop longs', 2],
] as const);

/** Job titles in their masculine and feminine forms, with the part the holder plays in buying. */
export interface JobFunction {
  male: string;
  female: string;
  decisionRole: 'decision_maker' | 'influencer' | 'buyer' | 'user' | 'gatekeeper' | 'other';
  /** INSEE PCS group the job usually belongs to. */
  pcs: '2' | '3' | '4' | '5';
}

function job(male: string, female: string, decisionRole: JobFunction['decisionRole'], pcs: JobFunction['pcs']): JobFunction {
  return { male, female, decisionRole, pcs };
}

/** Who heads the firm, by legal form: a SARL has a gérant, a SAS a président, an SA a directeur général. */
export function headOf(form: string): JobFunction {
  if (form === 'SA') return job('Directeur général', 'Directrice générale', 'decision_maker', '3');
  if (form.startsWith('SAS')) return job('Président', 'Présidente', 'decision_maker', '2');
  return job('Gérant', 'Gérante', 'decision_maker', '2');
}

export const JOB_FUNCTIONS = weighted([
  [job('Directeur administratif et financier', 'Directrice administrative et financière', 'decision_maker', '3'), 4],
  [job('Directeur des achats', 'Directrice des achats', 'buyer', '3'), 3],
  [job('Responsable achats', 'Responsable achats', 'buyer', '3'), 5],
  [job('Acheteur', 'Acheteuse', 'buyer', '4'), 4],
  [job('Directeur commercial', 'Directrice commerciale', 'influencer', '3'), 4],
  [job('Responsable informatique', 'Responsable informatique', 'influencer', '3'), 4],
  [job('Directeur technique', 'Directrice technique', 'influencer', '3'), 3],
  [job('Responsable marketing', 'Responsable marketing', 'influencer', '3'), 3],
  [job('Responsable des ressources humaines', 'Responsable des ressources humaines', 'influencer', '3'), 3],
  [job('Comptable', 'Comptable', 'user', '4'), 5],
  [job('Chef de projet', 'Cheffe de projet', 'user', '3'), 4],
  [job('Technicien de maintenance', 'Technicienne de maintenance', 'user', '4'), 3],
  [job('Chargé de clientèle', 'Chargée de clientèle', 'user', '5'), 3],
  [job('Assistant de direction', 'Assistante de direction', 'gatekeeper', '5'), 4],
  [job('Office manager', 'Office manager', 'gatekeeper', '5'), 2],
  [job('Standardiste', 'Standardiste', 'gatekeeper', '5'), 1],
  [job('Conseiller juridique', 'Conseillère juridique', 'other', '3'), 1],
] as const);

export const CONSUMER_INTERESTS = names(`jardinage:8, cuisine:9, randonnée:7, vins:5, bricolage:7, lecture:7, voyages:9,
  cyclisme:5, photographie:4, musique:6, cinéma:6, football:5, yoga:4, décoration:6, high-tech:5, mode:5, bien-être:5,
  pêche:3, jeux de société:3, théâtre:2`);

export const BUSINESS_INTERESTS = names(`transition énergétique:4, cybersécurité:4, formation:5, export:3, RSE:4,
  logistique:3, digitalisation:5, recrutement:4, financement:3, intelligence artificielle:3`);

export const CONSUMER_TAGS = names(`newsletter:10, salon-2026:3, black-friday-2025:4, portes-ouvertes:3, à-rappeler:2,
  carte-fidélité:5, soldes-hiver:3`);

export const BUSINESS_TAGS = names(`salon-2026:5, appel-d-offres:3, partenaire-local:3, à-relancer:4, newsletter:5,
  export:2, salon-made-in-france:2`);

export const BUSINESS_NOTES = [
  'Rencontré au salon régional, intéressé par une démonstration.',
  'Souhaite un devis avant la fin du trimestre.',
  'Préfère être contacté le matin.',
  'Relation historique, à soigner.',
  "Budget validé pour l'an prochain.",
  'Demande une visite sur site avant de signer.',
] as const;

export const CONSUMER_NOTES = [
  'Préfère être appelé après 18 h.',
  'Vient surtout le samedi matin.',
  "A signalé un changement d'adresse récent.",
  'Intéressé par les ateliers du mois prochain.',
] as const;

/**
 * Mail domains for private people. They all end in .example, a top-level domain reserved by RFC 2606 that never
 * resolves: demo data must not point a campaign at a real mailbox.
 */
export const MAIL_DOMAINS = names(`courriel.example:10, messagerie.example:8, boitemail.example:6, webmail.example:5,
  net-france.example:4, mel.example:2`);

/** Top-level domain of every demo website and company mailbox (see MAIL_DOMAINS). */
export const DEMO_TLD = 'example';
