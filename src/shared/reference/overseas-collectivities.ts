/**
 * The French overseas collectivities that have INSEE codes in the 97x–98x series but are not départements, so
 * belong to no région: Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna, French
 * Polynesia, the French Southern and Antarctic Lands, New Caledonia and Clipperton.
 * Shared by the server and the web app.
 */

export interface OverseasCollectivity {
  /** INSEE code, three digits ('975'). */
  code: string;
  /** Official name, as INSEE spells it. */
  name: string;
}

export const OVERSEAS_COLLECTIVITIES = [
  { code: '975', name: 'Saint-Pierre-et-Miquelon' },
  { code: '977', name: 'Saint-Barthélemy' },
  { code: '978', name: 'Saint-Martin' },
  { code: '984', name: 'Terres australes et antarctiques françaises' },
  { code: '986', name: 'Wallis-et-Futuna' },
  { code: '987', name: 'Polynésie française' },
  { code: '988', name: 'Nouvelle-Calédonie' },
  { code: '989', name: 'La Passion-Clipperton' },
] as const satisfies readonly OverseasCollectivity[];

export type OverseasCollectivityCode = (typeof OVERSEAS_COLLECTIVITIES)[number]['code'];

const BY_CODE: ReadonlyMap<string, OverseasCollectivity> = new Map(OVERSEAS_COLLECTIVITIES.map((c) => [c.code, c]));

/** The overseas collectivity with this INSEE code ('988'), or undefined. */
export function findOverseasCollectivity(code: string): OverseasCollectivity | undefined {
  return BY_CODE.get(code);
}
