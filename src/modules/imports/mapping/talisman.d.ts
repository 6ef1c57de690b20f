// talisman ships no types: the part the mapping suggestion uses. Written as a function declaration so that it
// merges with the same declaration made elsewhere for duplicate detection.
declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal). */
  export default function jaroWinkler(a: string, b: string): number;
}
