// The parts of talisman (plain JavaScript, no bundled types) that duplicate detection uses.
declare module 'talisman/phonetics/french/fonem.js' {
  /** The FONEM code of a French family name (upper-case letters, with `ST-` for a leading saint). */
  export default function fonem(name: string): string;
}

declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity between two strings, 0 (nothing alike) to 1 (equal). */
  export default function jaroWinkler(a: string, b: string): number;
}
