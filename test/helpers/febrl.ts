/**
 * The FEBRL synthetic person records (test/fixtures/febrl) read as people, with the true duplicate pairs, and the
 * pairwise precision / recall / F1 of a set of predicted pairs.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FebrlPerson {
  recId: string;
  firstName: string | null;
  lastName: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  postcode: string | null;
  country: string;
  birthDate: string | null;
  externalId: string | null;
}

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'febrl');

function blankToNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** YYYYMMDD to YYYY-MM-DD when it is a real calendar date; null otherwise. */
export function febrlDate(text: string | null): string | null {
  if (!text || !/^\d{8}$/.test(text)) return null;
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Reads one FEBRL file ('dataset1' or 'dataset2') as people. */
export function loadFebrl(name: 'dataset1' | 'dataset2'): FebrlPerson[] {
  const lines = fs.readFileSync(path.join(FIXTURES, `${name}.csv`), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map(blankToNull);
    const cell = (index: number): string | null => cells[index] ?? null;
    const line1 = [cell(3), cell(4)].filter(Boolean).join(' ');
    return {
      recId: cell(0)!,
      firstName: cell(1),
      lastName: cell(2),
      line1: line1 === '' ? null : line1,
      line2: cell(5),
      city: cell(6),
      postcode: cell(7),
      country: 'AU',
      birthDate: febrlDate(cell(9)),
      externalId: cell(10),
    };
  });
}

/** The original a record stands for ("rec-12-dup-0" → "12"). */
function entityOf(recId: string): string {
  return recId.split('-')[1]!;
}

/** Every pair of records (as "i|j" with i < j, indexes into `people`) that stand for the same person. */
export function truePairs(people: FebrlPerson[]): Set<string> {
  const byEntity = new Map<string, number[]>();
  people.forEach((person, index) => {
    const group = byEntity.get(entityOf(person.recId)) ?? [];
    group.push(index);
    byEntity.set(entityOf(person.recId), group);
  });
  const pairs = new Set<string>();
  for (const group of byEntity.values()) {
    for (let x = 0; x < group.length; x += 1) for (let y = x + 1; y < group.length; y += 1) pairs.add(pairKey(group[x]!, group[y]!));
  }
  return pairs;
}

export function pairKey(i: number, j: number): string {
  return i < j ? `${i}|${j}` : `${j}|${i}`;
}

export interface Quality {
  truePairs: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Pairwise precision, recall and F1 of predicted pairs against the truth. */
export function quality(predicted: Set<string>, truth: Set<string>): Quality {
  let correct = 0;
  for (const pair of predicted) if (truth.has(pair)) correct += 1;
  const precision = predicted.size === 0 ? 0 : correct / predicted.size;
  const recall = truth.size === 0 ? 0 : correct / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs: truth.size, predicted: predicted.size, correct, precision, recall, f1 };
}
