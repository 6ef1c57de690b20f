/**
 * French postcodes (codes postaux): a format check, and the département and région a postcode points to.
 * Shared by the server and the web app, so nothing here may import from Node.
 *
 * A postcode names a distribution office, not a commune, and La Poste drew them before today's boundaries: a few
 * communes carry a postcode of a neighbouring département. The département found here is the one the postcode's
 * digits say, which is right for all but those few; the commune's INSEE code is the authority when we have it.
 */
import { findDepartement, regionOf } from '../reference/departements.ts';
import { findOverseasCollectivity, type OverseasCollectivity } from '../reference/overseas-collectivities.ts';

export interface Place {
  code: string;
  name: string;
}

export type PostcodeResult =
  | {
      ok: true;
      postcode: string;
      /** The département, or for an overseas collectivity (Saint-Pierre-et-Miquelon, Polynésie…) the collectivity. */
      departement: Place;
      /** Undefined for the overseas collectivities, which belong to no région. */
      region: Place | undefined;
    }
  | { ok: false; code: PostcodeProblem; rule: string };

/**
 * Why a postcode was refused, as a stable code (safe to key translations on), with the rule it breaks in English,
 * worded to follow a field name (`postcode must be 5 digits`).
 */
export const POSTCODE_RULES = {
  empty: 'must not be empty',
  format: 'must be 5 digits',
  unknown: 'is not a French postcode',
  monaco: 'is a Monaco postcode: choose Monaco as the country',
} as const;

export type PostcodeProblem = keyof typeof POSTCODE_RULES;

/** 5 digits, with the space some people put after the département ('75 008'). */
const POSTCODE = /^(\d{2}) ?(\d{3})$/;

/** Postcodes of overseas collectivities: those of Saint-Barthélemy and Saint-Martin sit in Guadeloupe's 971 range. */
const COLLECTIVITY_BY_POSTCODE: Readonly<Record<string, string>> = { '97133': '977', '97150': '978' };
const COLLECTIVITY_PREFIXES: ReadonlySet<string> = new Set(['975', '984', '986', '987', '988']);

/**
 * Checks a French postcode and finds where it points: metropolitan départements by their first two digits,
 * Corsica by range (20000–20199 Corse-du-Sud 2A, 20200–20999 Haute-Corse 2B), overseas départements by their first
 * three digits (971–974, 976), and the overseas collectivities (975, 984, 986–988, 97133 Saint-Barthélemy,
 * 97150 Saint-Martin) as a département-like place without a région. Monaco's 980xx postcodes are refused with a
 * rule of their own, since Monaco is another country whose addresses should say so. Never throws.
 */
export function checkFrenchPostcode(input: string): PostcodeResult {
  const text = input.trim();
  if (text === '') return refuse('empty');
  const match = POSTCODE.exec(text);
  if (!match) return refuse('format');
  const postcode = `${match[1]}${match[2]}`;
  if (postcode.startsWith('980')) return refuse('monaco');

  const collectivity = overseasCollectivityOf(postcode);
  if (collectivity) {
    return { ok: true, postcode, departement: place(collectivity), region: undefined };
  }
  const departement = findDepartement(departementCode(postcode));
  if (!departement) return refuse('unknown');
  return { ok: true, postcode, departement: place(departement), region: place(regionOf(departement)) };
}

function overseasCollectivityOf(postcode: string): OverseasCollectivity | undefined {
  const prefix = postcode.slice(0, 3);
  const code = COLLECTIVITY_BY_POSTCODE[postcode] ?? (COLLECTIVITY_PREFIXES.has(prefix) ? prefix : undefined);
  return code === undefined ? undefined : findOverseasCollectivity(code);
}

/** The INSEE code the postcode's digits point to; it may name no département ('00', '96', '970'), checked after. */
function departementCode(postcode: string): string {
  const prefix = postcode.slice(0, 2);
  if (prefix === '20') return Number(postcode) < 20200 ? '2A' : '2B';
  if (prefix === '97' || prefix === '98') return postcode.slice(0, 3);
  return prefix;
}

function place(entry: Place): Place {
  return { code: entry.code, name: entry.name };
}

function refuse(code: PostcodeProblem): PostcodeResult {
  return { ok: false, code, rule: POSTCODE_RULES[code] };
}
