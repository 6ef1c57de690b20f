/**
 * The character encoding of a text file, decided from its first bytes, and the decoding of the rest. Files come
 * from Excel (windows-1252 on French Windows, UTF-16 for "Unicode text"), from Google and phones (UTF-8), so the
 * guess must be right without asking: a byte order mark wins, then strict UTF-8 validity, else windows-1252
 * (which decodes every byte, so it is the safe last resort).
 */
import iconv from 'iconv-lite';
import type { Transform } from 'node:stream';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many bytes of the file's start the detection looks at. */
export const SAMPLE_BYTES = 256 * 1024;

const REPLACEMENT = '\uFFFD';

/**
 * The encoding of a file from a sample of its first bytes. `complete` says the sample is the whole file; when it
 * is not, a multi-byte character cut at the sample's end does not count against UTF-8.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  const checked = complete ? sample : sample.subarray(0, completeUtf8Length(sample));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(checked);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Excel's "Unicode text" sometimes has no byte order mark: mostly-Latin text in UTF-16 has a zero byte in every
 * other position, which no 8-bit text ever has.
 */
function utf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  const pairs = Math.min(2048, Math.floor(sample.length / 2));
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) zeroEven++;
    if (sample[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The length of the sample without a UTF-8 sequence cut short at its end. */
function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(4, end); back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? end - back : end;
  }
  return end;
}

/** True when iconv-lite can decode this encoding name (a user may choose another encoding than the detected one). */
export function isSupportedEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

/** Decodes a whole buffer (a sample), dropping a byte order mark. */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** A stream turning the file's bytes into text; bytes invalid in the encoding become U+FFFD, never an error. */
export function decoderStream(encoding: string): Transform {
  return iconv.decodeStream(encoding) as unknown as Transform;
}

/** The row problem for text that held bytes invalid in its encoding, or null when it has none. */
export function invalidBytesProblem(cells: readonly string[], encoding: string): string | null {
  if (!cells.some((cell) => cell.includes(REPLACEMENT))) return null;
  return `bytes not valid ${encoding === 'utf-8' ? 'UTF-8' : encoding} in this row (shown as ${REPLACEMENT}); choose another encoding if the file is not ${encoding}`;
}

/**
 * A short reason when decoded text is not text at all (a binary file), else null: text files have no NUL
 * characters and few control characters.
 */
export function binaryReason(text: string): string | null {
  if (text.length === 0) return null;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return 'it holds binary data (NUL bytes), not text';
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) controls++;
  }
  return controls > text.length * 0.05 ? 'it holds binary data, not text' : null;
}
