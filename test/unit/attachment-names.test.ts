/**
 * File names from clients, made safe: whatever arrives, the stored name has no path, no control or direction
 * characters, a bounded length and its extension, and sanitising it again changes nothing; the header naming
 * it is plain ASCII and gives the exact name back to a client that decodes RFC 5987.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentDisposition, extensionOf, sanitiseFileName } from '../../src/modules/interactions/attachment-names.ts';

const tricky = fc.constantFrom(
  'C:\\fakepath\\facture.pdf',
  '../../etc/passwd',
  '.htaccess',
  'rapport\u202Efdp.exe',
  'a\u0000b\u001f\u007f.txt',
  'devis "final".docx',
  '   ',
  '...',
  'Relevé « mars » 2026.png',
  '日本語のファイル.pdf',
  '😀 photo.heic',
  '\ud800lone.png',
  'x'.repeat(400) + '.xlsx',
  '%41%42.txt',
  "l'été (1) *.csv",
);
const names = fc.oneof(tricky, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

/** The value of `filename*` decoded as a browser does. */
function decodedName(header: string): string {
  const match = /filename\*=UTF-8''([^;\s]*)$/.exec(header);
  assert.ok(match, header);
  return decodeURIComponent(match[1]!);
}

test('a sanitised name is safe, bounded, stable and never empty', () => {
  fc.assert(
    fc.property(names, (raw) => {
      const name = sanitiseFileName(raw);
      assert.ok(name.length > 0);
      assert.ok(Array.from(name).length <= 180, `too long: ${name.length}`);
      assert.doesNotMatch(name, /[\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>:"|?*]/);
      assert.doesNotMatch(name, /^[\s.]|[\s.]$/);
      assert.equal(name, name.normalize('NFC'));
      assert.equal(sanitiseFileName(name), name, 'idempotent');
    }),
    { numRuns: 2000 },
  );
});

test('the last path segment is the name, and a long name keeps its extension', () => {
  assert.equal(sanitiseFileName('C:\\fakepath\\facture.pdf'), 'facture.pdf');
  assert.equal(sanitiseFileName('../../etc/passwd'), 'passwd');
  assert.equal(sanitiseFileName('rapport\u202Efdp.exe'), 'rapportfdp.exe');
  assert.equal(sanitiseFileName('.htaccess'), 'htaccess');
  assert.equal(sanitiseFileName('   '), 'file');
  const long = sanitiseFileName('x'.repeat(400) + '.xlsx');
  assert.equal(long.length, 180);
  assert.equal(extensionOf(long), 'xlsx');
  assert.equal(extensionOf('archive.tar.GZ'), 'gz');
  assert.equal(extensionOf('README'), '');
});

test('Content-Disposition is ASCII, quotes safely, and decodes back to the exact name', () => {
  fc.assert(
    fc.property(names, fc.constantFrom('attachment' as const, 'inline' as const), (raw, disposition) => {
      const name = sanitiseFileName(raw);
      const header = contentDisposition(disposition, name);
      assert.match(header, /^[\x20-\x7e]*$/, 'printable ASCII only');
      const parts = /^(attachment|inline); filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]*)$/.exec(header);
      assert.ok(parts, header);
      assert.equal(parts[1], disposition);
      assert.equal(decodedName(header), name);
    }),
    { numRuns: 2000 },
  );
  assert.equal(
    contentDisposition('attachment', 'Relevé «mars».pdf'),
    `attachment; filename="Releve _mars_.pdf"; filename*=UTF-8''Relev%C3%A9%20%C2%ABmars%C2%BB.pdf`,
  );
  assert.equal(contentDisposition('inline', "l'été (1).csv"), `inline; filename="l'ete (1).csv"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.csv`);
});
