/** fast-check arbitraries shared by the identifier tests. */
import fc from 'fast-check';

/** A string of exactly `length` ASCII digits. */
export function digits(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
}

/**
 * Any text a form could send: printable ASCII, graphemes from all of Unicode, and raw UTF-16 code units (lone
 * surrogates included). Built from code units rather than fast-check's 'binary' unit, which costs ~0.6 s to warm up.
 */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
);
