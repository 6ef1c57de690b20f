/**
 * Value converters of imports: numbers, dates, instants, yes/no, lists and enums as French and English files
 * write them, known answers and the reason given when a value cannot be read; formatted values read back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBoolean, parseDate, parseDateTime, parseEnum, parseInteger, parseNumber, splitList, type Converted } from '../../src/modules/imports/mapping/convert.ts';

function value<T>(result: Converted<T>): T {
  assert.ok('value' in result, `expected a value, got ${JSON.stringify(result)}`);
  return result.value;
}

function reason(result: Converted<unknown>): string {
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

test('numbers: French and English writing, currency, percent, special spaces; what is refused and why', () => {
  assert.equal(value(parseNumber('1 234,56 €', ',')), 1234.56);
  assert.equal(value(parseNumber('1\u202f234,56', ',')), 1234.56);
  assert.equal(value(parseNumber('1\u00a0234', 'auto')), 1234);
  assert.equal(value(parseNumber('1,234.56', '.')), 1234.56);
  assert.equal(value(parseNumber('1,234.56', 'auto')), 1234.56);
  assert.equal(value(parseNumber('1.234,56', 'auto')), 1234.56);
  assert.equal(value(parseNumber('12,5 %', ',')), 12.5);
  assert.equal(value(parseNumber('-3', 'auto')), -3);
  assert.equal(value(parseNumber('$ 12.00', 'auto')), 12);
  assert.equal(value(parseNumber('1.5E+3', '.')), 1500);
  assert.equal(value(parseNumber('0,125', 'auto')), 0.125);
  assert.match(reason(parseNumber('-', 'auto')), /not a number/);
  assert.match(reason(parseNumber('(12)', 'auto')), /parentheses/);
  assert.match(reason(parseNumber('1,234', 'auto')), /ambiguous/);
  assert.match(reason(parseNumber('12,34,5', ',')), /more than one decimal separator/);
  assert.match(reason(parseNumber('1.23', ',')), /does not group thousands/);
  assert.match(reason(parseNumber('douze', 'auto')), /not a number/);
});

test('integers: whole numbers only, thousands read as such', () => {
  assert.equal(value(parseInteger('1 200')), 1200);
  assert.equal(value(parseInteger('1,234')), 1234);
  assert.equal(value(parseInteger('3.0')), 3);
  assert.match(reason(parseInteger('2,5')), /not a whole number/);
  assert.match(reason(parseInteger('x')), /not a number/);
});

test('dates: every usual writing, two-digit years, Excel serials, month names; impossible dates refused', () => {
  assert.equal(value(parseDate('15/04/1985', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('5/4/85', 'dmy')), '1985-04-05');
  assert.equal(value(parseDate('1/2/07', 'dmy')), '2007-02-01');
  assert.equal(value(parseDate('15.04.1985', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('04/15/1985', 'mdy')), '1985-04-15');
  assert.equal(value(parseDate('1985-04-15', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('1985/04/15', 'mdy')), '1985-04-15');
  assert.equal(value(parseDate('19850415', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('1985-04-15 00:00:00', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('31048', 'dmy')), '1985-01-01');
  assert.equal(value(parseDate('15 avril 1985', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('1er août 2024', 'dmy')), '2024-08-01');
  assert.equal(value(parseDate('April 15, 1985', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('15-Apr-85', 'dmy')), '1985-04-15');
  assert.equal(value(parseDate('mardi 29 février 2000', 'dmy')), '2000-02-29');
  assert.match(reason(parseDate('31/02/2024', 'dmy')), /month 2 of 2024 has 29 days/);
  assert.match(reason(parseDate('29/02/2023', 'dmy')), /has 28 days/);
  assert.match(reason(parseDate('04/15/1985', 'dmy')), /no month 15 .*day\/month\/year/);
  assert.match(reason(parseDate('1985', 'dmy')), /a year alone/);
  assert.match(reason(parseDate('demain', 'dmy')), /not a date/);
  assert.match(reason(parseDate('', 'dmy')), /no date/);
});

test('instants: French wall time to UTC across summer time, ISO with an offset as written', () => {
  assert.equal(value(parseDateTime('15/01/2024 14:30', 'dmy')), '2024-01-15T13:30:00.000Z');
  assert.equal(value(parseDateTime('15/07/2024 14:30:15', 'dmy')), '2024-07-15T12:30:15.000Z');
  assert.equal(value(parseDateTime('15/07/2024 9h05', 'dmy')), '2024-07-15T07:05:00.000Z');
  assert.equal(value(parseDateTime('15/07/2024', 'dmy')), '2024-07-14T22:00:00.000Z');
  assert.equal(value(parseDateTime('2024-07-15T14:30:00+02:00', 'dmy')), '2024-07-15T12:30:00.000Z');
  assert.equal(value(parseDateTime('2024-07-15T14:30:00Z', 'mdy')), '2024-07-15T14:30:00.000Z');
  assert.equal(value(parseDateTime('45306.5', 'dmy')), '2024-01-15T11:00:00.000Z');
  // The clocks go back on 27 October 2024 at 03:00: 02:30 happens twice, the first (summer time) is taken.
  assert.equal(value(parseDateTime('27/10/2024 02:30', 'dmy')), '2024-10-27T00:30:00.000Z');
  // They go forward on 31 March 2024 at 02:00: 02:30 does not exist and is read as 03:30 summer time.
  assert.equal(value(parseDateTime('31/03/2024 02:30', 'dmy')), '2024-03-31T01:30:00.000Z');
  assert.match(reason(parseDateTime('15/07/2024 25:00', 'dmy')), /not a valid time of day/);
});

test('yes/no, lists and enums', () => {
  for (const yes of ['oui', 'OUI', 'Yes', 'vrai', 'true', '1', 'x', 'o']) assert.equal(value(parseBoolean(yes)), true, yes);
  for (const no of ['non', 'No', 'FAUX', 'false', '0', 'n']) assert.equal(value(parseBoolean(no)), false, no);
  assert.match(reason(parseBoolean('peut-être')), /not a yes\/no value/);

  assert.deepEqual(value(splitList(' VIP; Newsletter, vip ;; Salon 2024 ')), ['VIP', 'Newsletter', 'Salon 2024']);
  assert.deepEqual(value(splitList('a, b|c', '|')), ['a, b', 'c']);

  const civility = { mr: ['M.', 'Monsieur', 'Mr'], mrs: ['Mme', 'Madame', 'Mrs'] };
  assert.equal(value(parseEnum('Madame', ['mr', 'mrs'], civility)), 'mrs');
  assert.equal(value(parseEnum('m.', ['mr', 'mrs'], civility)), 'mr');
  assert.equal(value(parseEnum('MRS', ['mr', 'mrs'], civility)), 'mrs');
  assert.equal(value(parseEnum('Célibataire', ['single', 'married'], { single: ['célibataire', 'single'] })), 'single');
  assert.match(reason(parseEnum('Docteur', ['mr', 'mrs'], civility)), /not one of the accepted values \(mr, mrs\)/);
});

const groupings = { ',': ['\u00a0', '\u202f', ' ', '.'], '.': [',', ' '] } as const;

test('a number written with its decimal separator and any grouping reads back (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(',', '.'), fc.nat(3), fc.boolean(), (cents, decimal, groupIndex, grouped) => {
      const group = groupings[decimal][groupIndex % groupings[decimal].length]!;
      const [whole, fraction] = (Math.abs(cents) / 100).toFixed(2).split('.') as [string, string];
      const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
      const text = `${cents < 0 ? '-' : ''}${digits}${decimal}${fraction}`;
      assert.equal(value(parseNumber(text, decimal)), cents / 100);
      assert.equal(value(parseNumber(text, 'auto')), cents / 100);
    }),
  );
});

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

test('a valid date written in any accepted form reads back (property)', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.nat(6), (date, form) => {
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const pad = (n: number) => String(n).padStart(2, '0');
      const iso = `${y}-${pad(m)}-${pad(d)}`;
      const written: Array<[string, 'dmy' | 'mdy' | 'ymd']> = [
        [`${pad(d)}/${pad(m)}/${y}`, 'dmy'],
        [`${m}/${d}/${y}`, 'mdy'],
        [`${d}.${m}.${y}`, 'dmy'],
        [iso, 'mdy'],
        [`${d} ${FR_MONTHS[m - 1]} ${y}`, 'dmy'],
        [`${EN_MONTHS[m - 1]} ${d}, ${y}`, 'dmy'],
        // Excel serials from 10000 (1927): a four-digit number is read as a year, never as a date of 1902–1927.
        [String(Math.max(10000, Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000))), 'dmy'],
      ];
      if (form === 6 && y < 1928) return;
      const [text, order] = written[form]!;
      assert.equal(value(parseDate(text, order)), iso, text);
    }),
  );
});
