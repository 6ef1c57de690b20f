/** fast-check arbitraries shared by the contact tests. */
import fc from 'fast-check';

/**
 * Any text a form could send: printable ASCII, graphemes from all of Unicode, and raw UTF-16 code units (lone
 * surrogates included), the last built by hand because fast-check's 'binary' unit is slow to warm up.
 */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
);
