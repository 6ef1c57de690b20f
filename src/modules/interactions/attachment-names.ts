/**
 * File names as people send them, made safe to store and to send back. A name arrives from the browser and
 * leaves in a Content-Disposition header, so it must not carry a path, control characters, characters that
 * reverse the text direction (`invoice‮fdp.exe` shown as `invoiceexe.pdf`), or break the header.
 */

const MAX_CHARACTERS = 180;
const MAX_EXTENSION = 16;
// C0 and C1 controls, DEL, bidirectional controls and marks, and what Windows refuses in a name.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with any unpaired UTF-16 surrogate replaced, so it can be encoded as UTF-8. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

function onePass(raw: string): string {
  // Old browsers send C:\fakepath\name and some tools a full path: only the last segment is the name.
  const last = wellFormed(raw).split(/[\\/]/).pop() ?? '';
  let name = last.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ');
  // No hidden files, no `..`, no trailing dots or spaces (which Windows drops).
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const characters = Array.from(name);
  if (characters.length > MAX_CHARACTERS) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
    const keep = extension.length > 1 && extension.length <= MAX_EXTENSION + 1 ? extension : [];
    name = [...characters.slice(0, MAX_CHARACTERS - keep.length), ...keep].join('').normalize('NFC');
  }
  return name;
}

/**
 * A file name safe to store and show: the last path segment, without control or direction characters, at
 * most 180 characters (the extension kept), `file` when nothing is left. Sanitising twice changes nothing.
 */
export function sanitiseFileName(raw: string): string {
  let name = raw;
  // Each step can expose work for another (a cut leaves a trailing dot): repeat until nothing changes.
  for (let pass = 0; pass < 4; pass++) {
    const next = onePass(name);
    if (next === name) break;
    name = next;
  }
  return name === '' ? 'file' : name;
}

/** The extension of a file name, lower case without the dot, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** RFC 5987 `ext-value` characters left as they are; everything else is percent-encoded from UTF-8. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The plain-ASCII name old clients read from `filename=`: accents dropped, anything else an underscore. */
function asciiFallback(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return plain.trim() === '' ? 'file' : plain;
}

/**
 * A Content-Disposition header value naming the file both ways (RFC 6266): an ASCII `filename` for old
 * clients and the exact name as UTF-8 in `filename*` (RFC 5987), which current browsers prefer.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const name = wellFormed(fileName);
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
