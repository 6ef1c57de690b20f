/**
 * A company and the people Rapport knows there: Sirene-like identity, a head office, a switchboard and generic
 * mailboxes on its own domain, a relationship history, and for each person an employee_of link with a job title and
 * buying role. A few companies belong to a group.
 */
import { HEADCOUNT_BANDS } from '../../shared/reference/insee.ts';
import {
  BRAND_WORDS, BUSINESS_INTERESTS, BUSINESS_LINE2, BUSINESS_NOTES, BUSINESS_STREETS, BUSINESS_TAGS, COMMUNES, COMPETITORS,
  DEMO_TLD, FORMER_CUSTOMER_REASONS, HEADCOUNT_PROFILES, JOB_FUNCTIONS, LAST_NAMES, MAIL_DOMAINS, SECTORS, firstNamesFor,
  headOf, weighted, type Commune, type JobFunction, type Sector,
} from './demo-data.ts';
import {
  DAY_MS, consentsFor, currentRoles, dayBetween, domainPart, emailPart, landlineNumber, mobileNumber, roleHistory,
  streetAddress, type AddressDraft, type PartyDraft, type RoleName,
} from './demo-drafts.ts';
import type { Random } from './demo-random.ts';
import {
  ORGANISATION_STREAM, address, childrenOf, draft, emptyFields, newPerson, nextCreatedMs, ownerOf, remember,
  unitRandom, type DemoState,
} from './demo-units.ts';

const BAND_INDEX = new Map<string, number>(HEADCOUNT_BANDS.map((band, i) => [band.code, i]));
const BIG_BAND = BAND_INDEX.get('22')!;

/** How many of a company's people Rapport knows, by head-count band: never more than work there. */
function contactsFor(random: Random, band: string): number {
  switch (band) {
    case 'NN': case '00': return 1;
    // The bands count employees; the owner of a small firm often is not one.
    case '01': return random.int(1, 3);
    case '02': return random.int(2, 5);
    case '03': return random.int(3, 6);
    case '11': return random.int(3, 7);
    default: return random.int(4, 8);
  }
}

/** The first draws of an organisation unit: its line of business, size and number of known people. */
export function organisationShape(random: Random): { sector: Sector; band: string; contacts: number } {
  const sector = random.pickWeighted(SECTORS);
  const band = random.pickWeighted(HEADCOUNT_PROFILES[sector.size]);
  return { sector, band, contacts: contactsFor(random, band) };
}

/** The number of people the organisation of this index would bring, without generating it. */
export function organisationContacts(seed: number, index: number): number {
  return organisationShape(unitRandom(seed, ORGANISATION_STREAM, index)).contacts;
}

const ORGANISATION_ROLES = weighted<RoleName[]>([
  [['customer'], 45], [['prospect'], 22], [['lead'], 6], [['former_customer'], 8], [['supplier'], 9], [['partner'], 6],
  [['customer', 'partner'], 4],
]);
const CONTACT_FAMILY = weighted([['married', 40], ['couple', 18], ['civil_partnership', 12], ['single', 20], ['divorced', 9], ['widowed', 1]] as const);
const BUSINESS_PAYMENTS = weighted([['transfer', 8], ['direct_debit', 3.5], ['cheque', 1.5], ['card', 2]] as const);

function revenueOf(random: Random, band: string, sector: Sector): string | null {
  if (random.chance(0.15)) return null;
  const info = HEADCOUNT_BANDS[BAND_INDEX.get(band)!]!;
  const heads = info.min === undefined ? 0 : random.int(info.min, info.max ?? info.min * 3);
  const revenue = Math.max(1, heads) * sector.revenuePerHead * (0.6 + random.next());
  return (Math.round(revenue / 100) * 100).toFixed(2);
}

/** 'de' and a town, with French elision and contraction: de Lyon, d'Angers, du Mans, des Sables-d'Olonne. */
function ofPlace(town: string): string {
  if (town.startsWith('Le ')) return `du ${town.slice(3)}`;
  if (town.startsWith('Les ')) return `des ${town.slice(4)}`;
  return /^[AEIOUYÉÈÊÂÎÔH]/.test(town) ? `d'${town}` : `de ${town}`;
}

function companyName(random: Random, pattern: string, commune: Commune): { name: string; last: string } {
  const last = random.pickWeighted(LAST_NAMES);
  const name = pattern
    .replace('{last}', last)
    .replace('{ofCity}', ofPlace(commune.name))
    .replace('{city}', commune.name)
    .replace('{word}', random.pickWeighted(BRAND_WORDS))
    .replace('{first}', random.pickWeighted(firstNamesFor(1978, random.chance(0.5) ? 'female' : 'male')));
  return { name, last };
}

function legalNameOf(random: Random, name: string, last: string, form: string): string {
  const roll = random.next();
  if (roll < 0.45) return name;
  if (roll < 0.6) return `${form} ${last}`;
  if (roll < 0.72) return `Établissements ${last}`;
  if (roll < 0.82) return `${last} et Fils`;
  if (roll < 0.9) return `${last} & ${random.pickWeighted(LAST_NAMES)}`;
  return `Groupe ${random.pickWeighted(BRAND_WORDS)}`;
}

/**
 * A company and the people Rapport knows there (at most `maxContacts`): identity from Sirene-like fields, a head
 * office, a switchboard and generic mailboxes on its own domain, a relationship history, and for each person an
 * employee_of link with a job title and buying role. A few companies belong to a group.
 */
export function organisationUnit(state: DemoState, index: number, maxContacts: number): PartyDraft[] {
  const random = unitRandom(state.seed, ORGANISATION_STREAM, index);
  const { sector, band, contacts } = organisationShape(random);
  const commune = random.pickWeighted(COMMUNES);
  const { name, last } = companyName(random, random.pick(sector.names), commune);
  const form = random.pick(sector.forms);
  const legalName = legalNameOf(random, name, last, form);
  const domain = `${domainPart(name)}.${DEMO_TLD}`;
  const createdMs = nextCreatedMs(state, random);
  const owner = ownerOf(state, random);

  const fields = emptyFields(name, createdMs, owner);
  fields.legal_name = legalName;
  fields.trade_name = legalName === name ? null : name;
  fields.naf_code = sector.naf;
  fields.headcount_band = band;
  fields.annual_revenue = revenueOf(random, band, sector);
  fields.website = random.chance(0.88) ? `https://www.${domain}` : null;
  fields.notes = random.chance(0.1) ? random.pick(BUSINESS_NOTES) : null;
  const organisation = draft('organisation', fields);
  organisation.nic = random.chance(0.8) ? '0001' : String(random.int(2, 60)).padStart(4, '0');

  for (const role of random.pickWeighted(ORGANISATION_ROLES)) {
    organisation.roles.push(...roleHistory(random, role, createdMs, state.todayMs, FORMER_CUSTOMER_REASONS, COMPETITORS));
  }
  const roles = currentRoles(organisation.roles);
  const big = BAND_INDEX.get(band)! >= BIG_BAND;
  fields.tags = random.sample(BUSINESS_TAGS, random.int(0, 2));
  if (big && roles.includes('customer')) fields.tags.push('grand-compte');
  fields.interests = random.chance(0.6) ? random.sample(BUSINESS_INTERESTS, random.int(1, 3)) : [];
  if (roles.includes('customer') || roles.includes('former_customer') || roles.includes('supplier')) {
    fields.payment_methods = random.sample(BUSINESS_PAYMENTS, random.int(1, 2));
  }
  fields.preferred_channels = random.chance(0.7) ? [random.chance(0.6) ? 'email' : 'phone'] : [];

  organisation.emails.push({ email: `contact@${domain}`, type: 'work' });
  if (random.chance(0.35)) organisation.emails.push({ email: `compta@${domain}`, type: 'billing' });
  const switchboard = landlineNumber(random, commune);
  organisation.phones.push({ phone: switchboard, type: 'work' });
  if (random.chance(0.2)) organisation.phones.push({ phone: mobileNumber(random, commune), type: 'mobile' });
  const office = address('head_office', commune, streetAddress(random, BUSINESS_STREETS, BUSINESS_LINE2, 0.35));
  organisation.addresses.push(office);

  const group = state.groups.length > 0 && random.chance(0.05) ? random.pick(state.groups) : null;
  if (group) organisation.links.push({ kind: 'subsidiary_of', to: group, function: null, decision_role: null, started_on: null });
  if (big) remember(state.groups, organisation);

  const unit = [organisation];
  const count = Math.min(contacts, maxContacts);
  for (let i = 0; i < count; i++) {
    const job = i === 0 ? headOf(form) : random.pickWeighted(JOB_FUNCTIONS);
    unit.push(contactPerson(state, random, { organisation, domain, office, switchboard, job, smallFirm: count <= 3, owner }));
  }
  return unit;
}

function contactPerson(
  state: DemoState,
  random: Random,
  at: { organisation: PartyDraft; domain: string; office: AddressDraft; switchboard: string; job: JobFunction; smallFirm: boolean; owner: string | null },
): PartyDraft {
  const age = random.int(23, 64);
  const person = newPerson(state, random, age, null, at.owner);
  const f = person.fields;
  const first = emailPart(f.first_name!);
  const last = emailPart(f.last_name!);
  const roll = random.next();
  const local = roll < 0.7 ? `${first}.${last}` : roll < 0.85 || !at.smallFirm ? `${first[0]}${last}` : first;
  person.emails.push({ email: `${local}@${at.domain}`, type: 'work' });
  if (random.chance(0.15)) person.emails.push({ email: `${first}.${last}@${random.pickWeighted(MAIL_DOMAINS)}`, type: 'personal' });
  if (random.chance(0.8)) person.phones.push({ phone: mobileNumber(random, at.office.commune), type: 'mobile' });
  if (person.phones.length === 0 || random.chance(0.4)) person.phones.push({ phone: at.switchboard, type: 'work' });
  person.addresses.push({ ...at.office, type: 'work' });

  f.pcs_group = at.job.pcs === '2' && !at.smallFirm ? '3' : at.job.pcs;
  if (random.chance(0.6)) {
    // What a sales rep learns over the years; often unknown.
    f.family_situation = random.pickWeighted(CONTACT_FAMILY);
    f.children_birth_years = childrenOf(random, person.birthYear, new Date(state.todayMs).getUTCFullYear(), []);
    f.children_count = f.children_birth_years.length;
  }
  f.tags = random.chance(0.15) ? [random.chance(0.5) ? 'newsletter' : 'salon-2026'] : [];
  f.interests = random.chance(0.2) ? [random.pickWeighted(BUSINESS_INTERESTS)] : [];
  const createdMs = Date.parse(f.created_at);
  const { consents, preferred } = consentsFor(random, {
    hasEmail: true, hasMobile: person.phones[0]!.type === 'mobile', doNotContact: false, createdMs, todayMs: state.todayMs,
    rates: { email: 0.65, sms: 0.2, post: 0.3 },
  });
  person.consents = consents;
  f.preferred_channels = preferred;

  const tenureYears = random.int(0, Math.min(25, age - 22));
  person.links.push({
    kind: 'employee_of',
    to: at.organisation,
    function: f.civility === 'ms' ? at.job.female : at.job.male,
    decision_role: at.job.decisionRole,
    started_on: dayBetween(random, state.todayMs - (tenureYears + 1) * 365 * DAY_MS, state.todayMs - tenureYears * 365 * DAY_MS),
  });
  return person;
}
