/**
 * The line level of vCard files as phones and address books write them: cards split out of a stream, folded
 * lines joined, vCard 2.1's quoted-printable values (with their CHARSET) decoded and its bare parameters
 * ("TEL;CELL;PREF:") named, embedded photos dropped — so that every property reaches the parser in vCard 3.0
 * syntax, whatever version the card was written in.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import { decoderStream } from './encoding.ts';

export interface RawCard {
  /** 1 for the first card of the file. */
  position: number;
  /** The card's properties as vCard 3.0 content lines (VERSION included, BEGIN/END left out). */
  lines: string[];
  /** Problems found at the line level (a card cut short). */
  problems: string[];
  /** Bytes of the file read once the card ended (approximate for encodings other than UTF-8). */
  bytesRead: number;
}

/** Properties whose value is a list in vCard 3.0: their commas separate items and stay as they are. */
const LIST_PROPERTIES = new Set(['CATEGORIES', 'NICKNAME']);
/** vCard 2.1 parameters written without a name and what they stand for. */
const ENCODING_WORDS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** The cards of a vCard file, one at a time, read line by line from the stream. */
export async function* readCards(path: string, encoding: string): AsyncGenerator<RawCard> {
  const file = createReadStream(path);
  const lines = createInterface({ input: file.pipe(decoderStream(encoding)), crlfDelay: Infinity });
  let card: { lines: string[]; version: string; problems: string[] } | null = null;
  let pending: string | null = null; // the logical line being built
  let inBinary = false; // inside a base64 value written over several unindented lines (vCard 2.1)
  let position = 0;
  let bytesRead = 0;

  const flush = () => {
    if (pending !== null && card) {
      const normalised = normaliseLine(pending, card.version);
      if (normalised) card.lines.push(normalised);
    }
    pending = null;
  };

  try {
    for await (const line of lines) {
      bytesRead += Buffer.byteLength(line) + 1;
      if (!card) {
        if (/^\s*BEGIN:VCARD\s*$/i.test(line)) card = { lines: [], version: '3.0', problems: [] };
        continue;
      }
      if (pending !== null && /[;:]ENCODING=QUOTED-PRINTABLE[;:]|;QUOTED-PRINTABLE[;:]/i.test(head(pending)) && pending.endsWith('=')) {
        pending = pending.slice(0, -1) + line; // a quoted-printable soft line break
        continue;
      }
      if (/^[ \t]/.test(line)) {
        if (pending !== null) pending += card.version === '2.1' ? line : line.slice(1);
        continue;
      }
      if (inBinary && line.trim() !== '' && !/^[\w.-]+[;:]/.test(line)) continue;
      inBinary = false;
      flush();
      if (line.trim() === '') continue;
      if (/^END:VCARD\s*$/i.test(line)) {
        yield { position: ++position, lines: card.lines, problems: card.problems, bytesRead };
        card = null;
        continue;
      }
      if (/^BEGIN:VCARD\s*$/i.test(line)) {
        card.problems.push('this card has no END:VCARD line; the next card starts inside it');
        yield { position: ++position, lines: card.lines, problems: card.problems, bytesRead };
        card = { lines: [], version: '3.0', problems: [] };
        continue;
      }
      const version = /^VERSION:\s*(\S+)/i.exec(line);
      if (version) card.version = version[1]!;
      if (/ENCODING=(BASE64|B)\b|;BASE64[;:]/i.test(head(line))) inBinary = true;
      pending = line;
    }
    flush();
    if (card) {
      card.problems.push('the file ends inside this card (no END:VCARD line)');
      yield { position: ++position, lines: card.lines, problems: card.problems, bytesRead };
    }
  } finally {
    lines.close();
    file.destroy();
  }
}

/** The name and parameters of a content line: what comes before the first ':' outside quotes. */
function head(line: string): string {
  const colon = valueStart(line);
  return colon < 0 ? line : line.slice(0, colon + 1);
}

function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

/**
 * One content line in vCard 3.0 syntax, or null for a line to drop (an embedded photo or key). A line that is
 * not a property at all is passed on as it is: the parser names it as broken.
 */
export function normaliseLine(line: string, version: string): string | null {
  const colon = valueStart(line);
  if (colon < 0) return line;
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const name = nameWithGroup.replace(/^[\w-]+\./, '').toUpperCase();
  let value = line.slice(colon + 1);
  const params: string[] = [];
  let encoding = '';
  let charset = 'utf-8';
  for (const raw of rawParams) {
    const [key, ...rest] = raw.split('=');
    const upperKey = (key ?? '').trim().toUpperCase();
    if (rest.length === 0) {
      if (ENCODING_WORDS.has(upperKey)) encoding = upperKey;
      else if (upperKey) params.push(`TYPE=${upperKey}`);
    } else if (upperKey === 'ENCODING') encoding = rest.join('=').toUpperCase();
    else if (upperKey === 'CHARSET') charset = rest.join('=');
    else params.push(raw);
  }
  if (encoding === 'BASE64' || encoding === 'B') return null;
  if (name === 'VERSION') return 'VERSION:3.0';
  const legacy = version.startsWith('2');
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset);
  if (legacy || encoding === 'QUOTED-PRINTABLE') {
    value = value.replace(/\r\n|\r|\n/g, '\\n');
    // vCard 2.1 has no escaped commas: a comma there is text, except in list properties.
    if (!LIST_PROPERTIES.has(name)) value = value.replace(/(?<!\\),/g, '\\,');
  }
  return `${nameWithGroup}${params.map((param) => `;${param}`).join('')}:${value}`;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** Quoted-printable text ("Dup=C3=A9") back to characters, its bytes read in the card's CHARSET. */
export function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (text[i] === '=' && i === text.length - 1) {
      // a soft break left at the very end
    } else {
      for (const byte of Buffer.from(text[i]!, 'utf8')) bytes.push(byte);
    }
  }
  const known = iconv.encodingExists(charset) ? charset : 'utf-8';
  return iconv.decode(Buffer.from(bytes), known);
}
