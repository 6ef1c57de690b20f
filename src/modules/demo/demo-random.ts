/**
 * Deterministic randomness for demo data: a seeded generator per record, and UUIDs derived from the seed. Nothing
 * here reads the clock or Math.random, so a seed always gives the same data, whatever the batch size.
 */
import type { Weighted } from './demo-data.ts';

/** Murmur3's finaliser: a bijection on 32-bit integers that spreads every input bit over the output. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a few 32-bit integers (Murmur3's block step), to seed one record's generator. */
export function hash32(...parts: number[]): number {
  let h = 0x9747b28c;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return mix32(h ^ parts.length);
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  pickWeighted<T>(list: Weighted<T>): T;
  /** Up to `count` distinct items of a weighted list. */
  sample<T>(list: Weighted<T>, count: number): T[];
}

/** mulberry32: a tiny generator with a 32-bit state, plenty for demo data and fast. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pickWeighted = <T>(list: Weighted<T>): T => {
    const target = next() * list.total;
    let low = 0;
    let high = list.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return list.items[low]!;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    pickWeighted,
    sample(list, count) {
      const chosen: typeof list.items[number][] = [];
      // A few extra draws make up for repeats; a short list simply gives fewer items.
      for (let attempt = 0; attempt < count * 3 && chosen.length < count; attempt++) {
        const item = pickWeighted(list);
        if (!chosen.includes(item)) chosen.push(item);
      }
      return chosen;
    },
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hexWord(word: number): string {
  return HEX[(word >>> 24) & 0xff]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
}

/** What a derived UUID names: the record itself, one of its roles, or one of its links. */
export const UUID_PARTY = 0;
export const UUID_ROLE = 1;
export const UUID_LINK = 2;

/**
 * Version-4-shaped UUIDs derived from the seed, a record's customer number sequence, what they name and an index.
 * Distinct (sequence, kind, index) give distinct UUIDs for one seed: the first 32 bits are the sequence shifted by
 * the seed, the last 32 bits a bijection of (kind, index) given the first, and the version and variant bits sit in
 * the two middle words. Customer number sequences never repeat in a workspace, so neither do these UUIDs, however
 * many times demo data is loaded.
 *
 * The first 32 bits grow with the sequence, as in UUIDv7: a batch's keys land at the end of the primary-key and
 * party_id indexes instead of all over them, which keeps a million-record load from thrashing the buffer cache.
 */
export function demoUuids(seed: number): (sequence: number, kind: number, index: number) => string {
  const seedA = hash32(seed, 0x51);
  const seedB = hash32(seed, 0xb7);
  return (sequence, kind, index) => {
    const high = Math.floor(sequence / 4294967296) & 0xff;
    const a = (sequence + seedA) >>> 0;
    // Still one-to-one: knowing a, the xor can be undone.
    const b = (mix32(((kind & 0xff) | ((index & 0xffff) << 8) | (high << 24)) ^ seedB) ^ mix32(a ^ 0x27d4eb2f)) >>> 0;
    const c = ((mix32(a ^ b ^ 0x9e3779b9) & 0xffff0fff) | 0x00004000) >>> 0;
    const d = ((mix32(b ^ seedA ^ 0x7f4a7c15) & 0x3fffffff) | 0x80000000) >>> 0;
    const hc = hexWord(c);
    const hd = hexWord(d);
    return `${hexWord(a)}-${hc.slice(0, 4)}-${hc.slice(4)}-${hd.slice(0, 4)}-${hd.slice(4)}${hexWord(b)}`;
  };
}
