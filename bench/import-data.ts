/**
 * The people file the import benchmark reads: a French spreadsheet export (`;`, dd/mm/yyyy dates, phones as
 * people type them, a few broken rows), written as a stream so that a million rows never sit in memory, and the
 * same people as stored values for the raw bulk-insert baseline.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { familyName, FIRST } from './french-names.ts';

const CITIES: [string, string][] = [
  ['75011', 'Paris'],
  ['69003', 'Lyon'],
  ['13001', 'Marseille'],
  ['31000', 'Toulouse'],
  ['44000', 'Nantes'],
  ['67000', 'Strasbourg'],
  ['33000', 'Bordeaux'],
  ['59000', 'Lille'],
];
const STREETS = ['rue des Tilleuls', 'avenue de la Gare', 'boulevard Victor Hugo', 'place du Marché', 'chemin des Vignes', 'rue de la République',
  'rue Pasteur', 'allée des Peupliers', 'impasse des Lilas', 'rue Jean Jaurès', 'avenue Foch', 'rue du Moulin', 'quai de la Loire', 'route de Lyon'];

/** A number from 0 to 1 drawn from the row number and a salt, the same on every run. */
function draw(i: number, salt: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}
const pick = <T>(list: readonly T[], i: number, salt: number): T => list[Math.floor(draw(i, salt) * list.length)]!;

export const HEADERS = ['Civilité', 'Prénom', 'Nom', 'Date de naissance', 'Email', 'Téléphone portable', 'Adresse', 'Code postal', 'Ville', 'Tags'];

/** One person of the file, as its cells and as the values the database keeps. */
export interface BenchPerson {
  cells: string[];
  stored: {
    civility: 'mr' | 'ms';
    firstName: string;
    lastName: string;
    birthDate: string;
    email: string;
    phone: string;
    line1: string;
    postcode: string;
    city: string;
    tags: string[];
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The i-th person, drawn at random but the same on every run (given names, towns and streets repeat as in a real
 * base, family names seldom, so the duplicate scan has some homonyms to tell apart). Every 500th row is broken (a bad date and a bad phone).
 */
export function benchPerson(i: number): BenchPerson {
  const first = pick(FIRST, i, 1);
  const last = familyName(draw(i, 2), draw(i, 9), draw(i, 10));
  const [postcode, city] = pick(CITIES, i, 3);
  const day = 1 + Math.floor(draw(i, 4) * 28);
  const month = 1 + Math.floor(draw(i, 5) * 12);
  const year = 1935 + Math.floor(draw(i, 6) * 70);
  const mobile = 600000000 + (i % 99_999_999);
  const digits = `0${mobile}`;
  const spaced = digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  const email = `${first}.${last}.${i}@exemple.fr`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const line1 = `${1 + Math.floor(draw(i, 7) * 300)} ${pick(STREETS, i, 8)}`;
  const tags = i % 3 === 0 ? ['salon-2026', 'newsletter'] : ['newsletter'];
  const civility = i % 2 === 0 ? 'ms' : 'mr';
  const broken = i % 500 === 499;
  const cells = [
    civility === 'ms' ? 'Mme' : 'M.',
    first,
    last.toUpperCase(),
    broken ? `31/02/${year}` : `${pad(day)}/${pad(month)}/${year}`,
    email,
    broken ? '06 12' : spaced,
    line1,
    postcode,
    city,
    tags.join(', '),
  ];
  return {
    cells,
    stored: { civility, firstName: first, lastName: last, birthDate: `${year}-${pad(month)}-${pad(day)}`, email, phone: `+33${digits.slice(1)}`, line1, postcode, city, tags },
  };
}

function csvCell(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes `rows` people to `file` (UTF-8 with BOM, `;`), streaming. */
export async function writePeopleCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('\uFEFF' + HEADERS.join(';') + '\r\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += benchPerson(i).cells.map(csvCell).join(';') + '\r\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
