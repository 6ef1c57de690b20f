/**
 * Survivorship: which value each field keeps when two records merge, with known answers for every strategy,
 * and properties over any input: the union never loses an email, and the merged consent is never more
 * permissive than either record's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  chooseSurvivor,
  consentLevel,
  emailKey,
  survive,
  uniteAddresses,
  uniteConsents,
  uniteEmails,
  unitePhones,
  uniteRoles,
  type ConsentAnswer,
  type MergeSide,
} from '../../src/modules/duplicates/survivorship.ts';

function side(columns: Record<string, unknown>, updatedAt: string, extra: Partial<MergeSide> = {}): MergeSide {
  return { columns, updatedAt, emails: [], phones: [], addresses: [], consents: [], ...extra };
}

const consent = (channel: string, purpose: string, status: 'granted' | 'denied', source = 'form'): ConsentAnswer => ({
  channel,
  purpose,
  status,
  source,
  recorded_at: '2026-01-01T00:00:00Z',
});

const older = '2026-01-01T00:00:00Z';
const newer = '2026-06-01T00:00:00Z';

test('most complete: the filled value, the survivor’s when both are filled', () => {
  const survivor = side({ first_name: 'Jean', last_name: null, birth_date: '1980-02-03', notes: '  ' }, newer);
  const absorbed = side({ first_name: 'Jean-Pierre', last_name: 'Dupont', birth_date: '1980-03-02', notes: 'VIP' }, older);
  const result = survive('person', survivor, absorbed, 'most_complete');
  assert.equal(result.columns.first_name, 'Jean');
  assert.equal(result.columns.last_name, 'Dupont');
  assert.equal(result.columns.birth_date, '1980-02-03');
  assert.equal(result.columns.notes, 'VIP', 'a text of spaces is blank');
  const first = result.fields.find((f) => f.field === 'firstName')!;
  assert.deepEqual([first.chosen, first.differs], ['survivor', true]);
  assert.equal(result.fields.find((f) => f.field === 'gender')!.differs, false, 'two blanks do not differ');
  assert.ok(!result.fields.some((f) => f.field === 'siret'), 'organisation fields are not offered for people');
});

test('most recent: the value of the record changed last unless it is blank', () => {
  const survivor = side({ first_name: 'Jean', last_name: 'Dupont', language: 'fr' }, older);
  const absorbed = side({ first_name: 'Jean-Pierre', last_name: null, language: 'en' }, newer);
  const result = survive('person', survivor, absorbed, 'most_recent');
  assert.equal(result.columns.first_name, 'Jean-Pierre');
  assert.equal(result.columns.last_name, 'Dupont', 'the newer record’s blank does not erase');
  assert.equal(result.columns.language, 'en');
  const reversed = survive('person', side(survivor.columns, newer), side(absorbed.columns, older), 'most_recent');
  assert.equal(reversed.columns.first_name, 'Jean');
});

test('picks override the strategy, even with a blank; the SIRET carries its SIREN', () => {
  const survivor = side({ first_name: 'Jean', last_name: 'Dupont' }, newer);
  const absorbed = side({ first_name: 'Jeannot', last_name: null }, older);
  const result = survive('person', survivor, absorbed, 'manual', { firstName: 'absorbed', lastName: 'absorbed' });
  assert.equal(result.columns.first_name, 'Jeannot');
  assert.equal(result.columns.last_name, null);

  const org = survive(
    'organisation',
    side({ legal_name: 'Durand SARL', siret: '73282932000074', siren: '732829320' }, newer),
    side({ legal_name: 'Menuiserie Durand', siret: '55210055400013', siren: '552100554' }, older),
    'manual',
    { siret: 'absorbed' },
  );
  assert.deepEqual([org.columns.siret, org.columns.siren], ['55210055400013', '552100554']);
});

test('lists are united; custom fields keep the survivor’s values and fill blanks; do-not-contact if either', () => {
  const survivor = side(
    { tags: ['vip', 'jardin'], interests: ['rosiers'], roles: ['customer'], preferred_channels: ['email'], payment_methods: [], custom: { size: 'M', shoe: null }, do_not_contact: false },
    newer,
  );
  const absorbed = side(
    { tags: ['jardin', 'pro'], interests: [], roles: ['prospect', 'supplier'], preferred_channels: ['sms'], payment_methods: ['card'], custom: { size: 'L', shoe: 42, hat: 'no' }, do_not_contact: true },
    older,
  );
  const result = survive('person', survivor, absorbed, 'most_complete');
  assert.deepEqual(result.columns.tags, ['vip', 'jardin', 'pro']);
  assert.deepEqual(result.columns.roles, ['customer', 'supplier'], 'a customer is no longer a prospect');
  assert.deepEqual(result.columns.preferred_channels, ['email', 'sms']);
  assert.deepEqual(result.columns.payment_methods, ['card']);
  assert.deepEqual(result.columns.custom, { size: 'M', shoe: 42, hat: 'no' });
  assert.equal(result.columns.do_not_contact, true);
  assert.deepEqual(uniteRoles(['lead'], ['prospect']), ['lead']);
});

test('contact points are united after normalisation, the survivor’s primary first', () => {
  const emails = uniteEmails(
    [{ email: 'jean.dupont@gmail.com', type: 'personal', valid: true }],
    [
      { email: 'JeanDupont+promo@gmail.com', type: 'personal', valid: true },
      { email: 'jean@dupont.fr', type: 'work', valid: true },
    ],
  );
  assert.deepEqual(emails.map((e) => e.email), ['jean.dupont@gmail.com', 'jean@dupont.fr']);
  const phones = unitePhones([{ phone: '+33612345678', type: 'mobile', valid: true }], [{ phone: '06 12 34 56 78', type: 'mobile', valid: true }, { phone: '+33145678901', type: 'home', valid: true }]);
  assert.deepEqual(phones.map((p) => p.phone), ['+33612345678', '+33145678901']);
  const address = { type: 'home', line2: null, departement: '75', region: '11', valid: true, country: 'FR' };
  const addresses = uniteAddresses(
    [{ ...address, line1: '12 boulevard Voltaire', postcode: '75011', city: 'Paris' }],
    [{ ...address, line1: '12 bd Voltaire', postcode: '75011', city: 'PARIS' }, { ...address, line1: '3 rue de la Paix', postcode: '75002', city: 'Paris' }],
  );
  assert.deepEqual(addresses.map((a) => a.line1), ['12 boulevard Voltaire', '3 rue de la Paix']);
});

test('consent: per channel and purpose the most restrictive answer; unanswered beats granted', () => {
  const merged = uniteConsents(
    [consent('email', 'marketing', 'granted', 'shop'), consent('sms', 'marketing', 'denied'), consent('post', 'service', 'granted')],
    [consent('email', 'marketing', 'denied', 'phone call'), consent('sms', 'marketing', 'granted'), consent('email', 'service', 'granted')],
  );
  const status = Object.fromEntries(merged.map((c) => [`${c.channel}/${c.purpose}`, `${c.status} (${c.source})`]));
  assert.deepEqual(status, {
    'email/marketing': 'denied (phone call)',
    'sms/marketing': 'denied (form)',
  });
  assert.deepEqual(uniteConsents([consent('email', 'service', 'granted', 'a')], [consent('email', 'service', 'granted', 'b')])[0]!.source, 'a');
});

test('the more complete record survives when nobody chose; the older one when equal', () => {
  const a = { ...side({ first_name: 'Jean', last_name: 'Dupont' }, older), createdAt: '2025-01-01T00:00:00Z' };
  const b = { ...side({ first_name: 'Jean', last_name: 'Dupont', birth_date: '1980-01-01' }, older), createdAt: '2024-01-01T00:00:00Z' };
  assert.equal(chooseSurvivor('person', a, b).survivor, b);
  const c = { ...side({ first_name: 'Jean', last_name: 'Dupont' }, older), createdAt: '2023-01-01T00:00:00Z' };
  assert.equal(chooseSurvivor('person', a, c).survivor, c);
});

const emailArb = fc
  .tuple(fc.constantFrom('jean', 'Jean.Dupont', 'marie', 'm.curie', 'JD+shop'), fc.constantFrom('gmail.com', 'exemple.fr', 'GoogleMail.com', 'dupont.fr'))
  .map(([local, domain]) => ({ email: `${local}@${domain}`, type: 'personal', valid: true }));

test('property: the union never loses an email (each input address is reached by one of the result)', () => {
  fc.assert(
    fc.property(fc.array(emailArb, { maxLength: 6 }), fc.array(emailArb, { maxLength: 6 }), (mine, theirs) => {
      const united = uniteEmails(mine, theirs);
      const reached = new Set(united.map(emailKey));
      for (const e of [...mine, ...theirs]) assert.ok(reached.has(emailKey(e)), `${e.email} was lost`);
      assert.equal(reached.size, united.length, 'no mailbox twice');
      if (mine.length > 0) assert.equal(united[0], mine[0], 'the survivor’s primary stays first');
    }),
  );
});

const consentArb = fc.array(
  fc.record({
    channel: fc.constantFrom('email', 'sms', 'phone', 'post'),
    purpose: fc.constantFrom('marketing', 'service'),
    status: fc.constantFrom('granted' as const, 'denied' as const),
    source: fc.constantFrom('a', 'b'),
    recorded_at: fc.constant('2026-01-01T00:00:00Z'),
  }),
  { maxLength: 8 },
);
const unique = (list: ConsentAnswer[]) => [...new Map(list.map((c) => [`${c.channel}/${c.purpose}`, c])).values()];

test('property: the merged consent is never more permissive than either record’s, and do-not-contact holds', () => {
  fc.assert(
    fc.property(consentArb, consentArb, fc.boolean(), fc.boolean(), (rawMine, rawTheirs, dncMine, dncTheirs) => {
      const mine = unique(rawMine);
      const theirs = unique(rawTheirs);
      const result = survive('person', side({ do_not_contact: dncMine }, older, { consents: mine }), side({ do_not_contact: dncTheirs }, newer, { consents: theirs }), 'most_recent');
      for (const channel of ['email', 'sms', 'phone', 'post']) {
        for (const purpose of ['marketing', 'service']) {
          const find = (list: ConsentAnswer[]) => list.find((c) => c.channel === channel && c.purpose === purpose);
          const level = consentLevel(find(result.consents));
          assert.ok(level <= consentLevel(find(mine)) && level <= consentLevel(find(theirs)), `${channel}/${purpose} became more permissive`);
        }
      }
      assert.equal(result.columns.do_not_contact, dncMine || dncTheirs);
    }),
  );
});
