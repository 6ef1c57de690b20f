/**
 * Blocking: which pairs are worth scoring. Comparing every record with every other is quadratic (10^12 pairs for a
 * million people); instead each record gets a few keys (its phonetic family name and first initial, its birth
 * date, its e-mail…), and only records sharing a key are compared. A block too big to compare all pairs (a
 * common name, a shared switchboard) is sorted and each record is compared with its next neighbours only (the
 * sorted-neighbourhood method). A pair sharing several keys is scored once, in the first block that compared it.
 */
import type { Prepared } from './dedup-record.ts';
import { cachedPhonetic } from './dedup-record.ts';

/**
 * A block is compared pair by pair up to this size… (a record of a block of n meets (n - 1) / 2 others on average;
 * beyond about 15 the sorted neighbourhood below costs less.)
 */
export const BLOCK_CAP = 16;
/** …beyond it, each record meets the next WINDOW - 1 records in the block's sorted order. */
export const WINDOW = 8;

type KeyOf = (record: Prepared) => string | null;

function personKeys(): KeyOf[] {
  return [
    (r) => (r.lastPhonetic && r.first ? `${r.lastPhonetic}|${r.first[0]}` : null),
    (r) => (r.firstPhonetic && r.postcode ? `${r.firstPhonetic}|${r.postcode}` : null),
    (r) => r.birth || null,
    (r) => {
      // The two names in alphabetical order of their codes: a record with first and last names swapped meets
      // its twin here.
      if (!r.lastPhonetic || !r.first) return null;
      const firstAsFamily = cachedPhonetic(r.first, true);
      return r.lastPhonetic < firstAsFamily ? `${r.lastPhonetic}|${firstAsFamily}` : `${firstAsFamily}|${r.lastPhonetic}`;
    },
    (r) => r.email || null,
    (r) => r.phone || null,
    (r) => r.externalId || null,
    addressKey,
  ];
}

/**
 * The postcode, the house number and the street's last word ("paix" of "rue de la paix"): one building, where a
 * person whose names both changed can still be found. Without the street word, every "12" of a postcode would
 * be one block.
 */
function addressKey(record: Prepared): string | null {
  if (!record.postcode || !record.streetNumber || !record.street) return null;
  const lastWord = record.street.slice(record.street.lastIndexOf(' ') + 1);
  return `${record.postcode}|${record.streetNumber}|${lastWord}`;
}

function organisationKeys(): KeyOf[] {
  return [
    (r) => r.companyKey || null,
    (r) => r.siret || null,
    (r) => r.siren || null,
    (r) => r.email || null,
    (r) => r.phone || null,
    (r) => r.website || null,
    (r) => r.externalId || null,
    addressKey,
  ];
}

/** The order inside a big block: neighbours in this order are the pairs compared. */
function sortKey(record: Prepared): string {
  return record.input.kind === 'person' ? `${record.last} ${record.first} ${record.birth}` : `${record.company} ${record.postcode}`;
}

interface KeyPass {
  blockOf: Int32Array;
  positionOf: Int32Array;
  capped: Uint8Array;
}

function wasCompared(pass: KeyPass, i: number, j: number): boolean {
  const block = pass.blockOf[i]!;
  if (block < 0 || block !== pass.blockOf[j]) return false;
  return pass.capped[block] === 0 || Math.abs(pass.positionOf[i]! - pass.positionOf[j]!) < WINDOW;
}

function comparedBefore(passes: readonly KeyPass[], i: number, j: number): boolean {
  for (let k = 0; k < passes.length; k += 1) if (wasCompared(passes[k]!, i, j)) return true;
  return false;
}

export interface BlockingOptions {
  /** When given, only pairs with at least one record flagged here are proposed (an import's records). */
  mustInclude?: Uint8Array;
}

/**
 * Calls `onPair(i, j)` (indexes into `records`, i ≠ j) once for every pair that shares a blocking key, big blocks
 * being walked by sorted neighbourhood. All records must be of one kind.
 */
export function forEachCandidatePair(records: Prepared[], onPair: (i: number, j: number) => void, options: BlockingOptions = {}): void {
  const count = records.length;
  if (count < 2) return;
  const keys = records[0]!.input.kind === 'person' ? personKeys() : organisationKeys();
  const passes: KeyPass[] = [];
  const must = options.mustInclude;
  let sortKeys: string[] | null = null;

  for (const keyOf of keys) {
    const blockOf = new Int32Array(count).fill(-1);
    const positionOf = new Int32Array(count);
    const ids = new Map<string, number>();
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const key = keyOf(records[i]!);
      if (key === null) continue;
      let block = ids.get(key);
      if (block === undefined) {
        block = sizes.length;
        ids.set(key, block);
        sizes.push(0);
      }
      blockOf[i] = block;
      sizes[block]! += 1;
    }
    ids.clear();
    // Counting sort of the records by block, so each block is a slice of `members`.
    const starts = new Int32Array(sizes.length + 1);
    for (let b = 0; b < sizes.length; b += 1) starts[b + 1] = starts[b]! + sizes[b]!;
    const fill = starts.slice(0, sizes.length);
    const members = new Int32Array(starts[sizes.length]!);
    for (let i = 0; i < count; i += 1) {
      const block = blockOf[i]!;
      if (block >= 0) members[fill[block]!++] = i;
    }
    const capped = new Uint8Array(sizes.length);
    const pass: KeyPass = { blockOf, positionOf, capped };

    for (let b = 0; b < sizes.length; b += 1) {
      const size = sizes[b]!;
      if (size < 2) continue;
      const block = members.subarray(starts[b]!, starts[b + 1]!);
      if (must && !block.some((i) => must[i] === 1)) continue;
      const big = size > BLOCK_CAP;
      if (big) {
        capped[b] = 1;
        sortKeys ??= records.map(sortKey);
        const order = sortKeys;
        block.sort((x, y) => (order[x]! < order[y]! ? -1 : order[x]! > order[y]! ? 1 : x - y));
      }
      for (let position = 0; position < size; position += 1) positionOf[block[position]!] = position;
      const reach = big ? WINDOW - 1 : size;
      for (let x = 0; x < size; x += 1) {
        const i = block[x]!;
        const last = Math.min(size, x + 1 + reach);
        for (let y = x + 1; y < last; y += 1) {
          const j = block[y]!;
          if (must && must[i] !== 1 && must[j] !== 1) continue;
          if (!comparedBefore(passes, i, j)) onPair(i, j);
        }
      }
    }
    passes.push(pass);
  }
}
