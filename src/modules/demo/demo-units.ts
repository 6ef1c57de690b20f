/**
 * The units demo data is made of: a company with the people Rapport knows there, or a household of private
 * customers. Each unit draws from its own generator, seeded by the demo seed and the unit's index, so a unit is the
 * same whatever was generated before it or how the work is split into batches.
 */
import { HEADCOUNT_BANDS } from '../../shared/reference/insee.ts';
import {
  BRAND_WORDS, BUSINESS_INTERESTS, BUSINESS_LINE2, BUSINESS_NOTES, BUSINESS_STREETS, BUSINESS_TAGS, COMMUNES, COMPETITORS,
  CONSUMER_INTERESTS, CONSUMER_NOTES, CONSUMER_TAGS, DEMO_TLD, EPICENE_FIRST_NAMES, FORMER_CUSTOMER_REASONS,
  HEADCOUNT_PROFILES, HOME_LINE2, JOB_FUNCTIONS, LAST_NAMES, MAIL_DOMAINS, SECTORS, STREETS, firstNamesFor, headOf,
  weighted, type Commune, type JobFunction, type Sector,
} from './demo-data.ts';
import {
  DAY_MS, consentsFor, currentRoles, dayBetween, domainPart, emailPart, isoDay, landlineNumber, mobileNumber,
  roleHistory, streetAddress, type AddressDraft, type PartyDraft, type PartyFields, type RoleName,
} from './demo-drafts.ts';
import { hash32, seededRandom, type Random } from './demo-random.ts';

/** What units share while a demo is generated: the clock, the owners, and recent records others may point to. */
export interface DemoState {
  seed: number;
  todayMs: number;
  /** created_at of record number g (0-based) falls in its slice of [startMs, todayMs), in order. */
  startMs: number;
  total: number;
  position: number;
  owners: readonly string[];
  /** Recent private customers, who may have referred a newcomer. */
  referrers: PartyDraft[];
  /** Recent large companies, which may head a group. */
  groups: PartyDraft[];
}

const ORGANISATION_STREAM = 1;
const HOUSEHOLD_STREAM = 2;
const RECENT = 256;

export function unitRandom(seed: number, stream: number, index: number): Random {
  return seededRandom(hash32(seed, stream, index));
}

function remember(list: PartyDraft[], draft: PartyDraft): void {
  list.push(draft);
  if (list.length > RECENT) list.shift();
}

function nextCreatedMs(state: DemoState, random: Random): number {
  const slice = (state.todayMs - state.startMs) / state.total;
  return Math.floor(state.startMs + (state.position++ + random.next()) * slice);
}

function ownerOf(state: DemoState, random: Random): string | null {
  return state.owners.length > 0 && random.chance(0.92) ? random.pick(state.owners) : null;
}

function emptyFields(displayName: string, createdMs: number, owner: string | null): PartyFields {
  return {
    display_name: displayName, civility: null, first_name: null, last_name: null, birth_date: null, gender: null,
    pcs_group: null, family_situation: null, children_count: null, children_birth_years: [], language: 'fr',
    legal_name: null, trade_name: null, naf_code: null, headcount_band: null, annual_revenue: null, website: null,
    tags: [], preferred_channels: [], payment_methods: [], interests: [], notes: null, do_not_contact: false,
    owner_id: owner, created_at: new Date(createdMs).toISOString(),
  };
}

function draft(kind: PartyDraft['kind'], fields: PartyFields): PartyDraft {
  return { kind, fields, emails: [], phones: [], addresses: [], roles: [], links: [], consents: [], nic: null, id: '', customerNumber: '', sequence: 0 };
}

function address(type: AddressDraft['type'], commune: Commune, lines: { line1: string; line2: string | null }): AddressDraft {
  return { type, commune, ...lines };
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

const BAND_INDEX = new Map<string, number>(HEADCOUNT_BANDS.map((band, i) => [band.code, i]));
const BIG_BAND = BAND_INDEX.get('22')!;

/** How many of a company's people Rapport knows, by head-count band: never more than it employs. */
function contactsFor(random: Random, band: string): number {
  switch (band) {
    case 'NN': case '00': return 1;
    case '01': return random.int(1, 2);
    case '02': return random.int(2, 4);
    case '03': return random.int(3, 5);
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
const BUSINESS_PAYMENTS = weighted([['transfer', 8], ['direct_debit', 3.5], ['cheque', 1.5], ['card', 2]] as const);

function revenueOf(random: Random, band: string, sector: Sector): string | null {
  if (random.chance(0.15)) return null;
  const info = HEADCOUNT_BANDS[BAND_INDEX.get(band)!]!;
  const heads = info.min === undefined ? 0 : random.int(info.min, info.max ?? info.min * 3);
  const revenue = Math.max(1, heads) * sector.revenuePerHead * (0.6 + random.next());
  return (Math.round(revenue / 100) * 100).toFixed(2);
}

function companyName(random: Random, pattern: string, commune: Commune): { name: string; last: string } {
  const last = random.pickWeighted(LAST_NAMES);
  const name = pattern
    .replace('{last}', last)
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
    function: f.gender === 'female' ? at.job.female : at.job.male,
    decision_role: at.job.decisionRole,
    started_on: dayBetween(random, state.todayMs - (tenureYears + 1) * 365 * DAY_MS, state.todayMs - tenureYears * 365 * DAY_MS),
  });
  return person;
}

// ---------------------------------------------------------------------------------------------------------------
// People

const FAMILY_IN_COUPLE = weighted([['married', 45], ['civil_partnership', 20], ['couple', 35]] as const);
const WORKING_PCS = weighted([['1', 1.5], ['2', 7], ['3', 20], ['4', 25], ['5', 26], ['6', 17], ['8', 3.5]] as const);
const ADULT_AGES = weighted([[[18, 24], 8], [[25, 34], 16], [[35, 44], 17], [[45, 54], 18], [[55, 64], 17], [[65, 74], 14], [[75, 84], 8], [[85, 90], 2]] as const);
const OTHER_LANGUAGES = ['en', 'es', 'pt', 'it', 'de', 'ar'] as const;

/** A person of this age: gender and civility, a first name of their birth year, a surname, a birth date. */
function newPerson(state: DemoState, random: Random, age: number, lastName: string | null, owner: string | null, gender?: 'female' | 'male' | 'other'): PartyDraft {
  const createdMs = nextCreatedMs(state, random);
  const sex = gender ?? (random.chance(0.005) ? 'other' : random.chance(0.52) ? 'female' : 'male');
  const birthMs = state.todayMs - age * 365.25 * DAY_MS - random.int(1, 364) * DAY_MS;
  const birthYear = new Date(birthMs).getUTCFullYear();
  const first = random.pickWeighted(sex === 'other' ? EPICENE_FIRST_NAMES : firstNamesFor(birthYear, sex));
  const last = lastName ?? random.pickWeighted(LAST_NAMES);
  const fields = emptyFields(`${first} ${last}`, createdMs, owner);
  fields.first_name = first;
  fields.last_name = last;
  fields.civility = sex === 'female' ? 'ms' : sex === 'male' ? 'mr' : 'mx';
  // Some people never said; the civility they were addressed with stays.
  fields.gender = random.chance(0.03) ? null : sex;
  fields.birth_date = random.chance(0.9) ? isoDay(birthMs) : null;
  fields.language = random.chance(0.97) ? 'fr' : random.pick(OTHER_LANGUAGES);
  return draft('person', fields);
}

function birthYearOf(person: PartyDraft, state: DemoState): number {
  const born = person.fields.birth_date;
  return born ? Number(born.slice(0, 4)) : new Date(state.todayMs).getUTCFullYear() - 40;
}

const CONSUMER_ROLES = weighted<RoleName>([['customer', 58], ['prospect', 18], ['lead', 10], ['former_customer', 12], ['collaborator', 1], ['partner', 1]]);
const CONSUMER_PAYMENTS = weighted([['card', 8], ['direct_debit', 3], ['cash', 2.5], ['cheque', 2], ['transfer', 1]] as const);

/**
 * A household of private customers, at most `maxPeople`: one adult or a couple (with a spouse link), sometimes
 * grown-up children still at home (with a household link). They share an address, often a landline, and the
 * children's birth years are those of the adults' children. A newcomer may have been referred by an earlier customer.
 */
export function householdUnit(state: DemoState, index: number, maxPeople: number): PartyDraft[] {
  const random = unitRandom(state.seed, HOUSEHOLD_STREAM, index);
  const shape = random.next();
  const couple = shape >= 0.4 && shape < 0.95;
  const grownChildren = shape < 0.4 ? 0 : shape < 0.82 ? 0 : shape < 0.92 ? 1 : shape < 0.95 ? 2 : 1;
  const commune = random.pickWeighted(COMMUNES);
  const home = address('home', commune, streetAddress(random, STREETS, HOME_LINE2, 0.2));
  const landline = random.chance(0.3) ? landlineNumber(random, commune) : null;
  const owner = ownerOf(state, random);

  const [low, high] = random.pickWeighted(ADULT_AGES);
  const headAge = Math.max(grownChildren > 0 ? 40 : 18, random.int(low, high));
  const head = newPerson(state, random, headAge, null, owner);
  const members = [head];
  if (couple && maxPeople >= 2) {
    const headSex = head.fields.civility === 'ms' ? 'female' : 'male';
    const sex = random.chance(0.96) ? (headSex === 'female' ? 'male' : 'female') : headSex;
    const age = Math.min(90, Math.max(18, headAge + random.int(-6, 6)));
    const spouse = newPerson(state, random, age, random.chance(0.55) ? head.fields.last_name : null, owner, sex);
    spouse.links.push({ kind: 'spouse', to: head, function: null, decision_role: null, started_on: null });
    members.push(spouse);
  }
  const headBorn = birthYearOf(head, state);
  const todayYear = new Date(state.todayMs).getUTCFullYear();
  const childYears: number[] = [];
  for (let i = 0; i < grownChildren && members.length < maxPeople; i++) {
    const age = random.int(18, Math.min(30, headAge - 20));
    const child = newPerson(state, random, age, head.fields.last_name, owner);
    child.links.push({ kind: 'household', to: head, function: null, decision_role: null, started_on: null });
    child.fields.family_situation = random.chance(0.85) ? 'single' : 'couple';
    child.fields.children_count = 0;
    childYears.push(birthYearOf(child, state));
    members.push(child);
  }

  const situation = members.length > 1 && members[1]!.links[0]?.kind === 'spouse' ? random.pickWeighted(FAMILY_IN_COUPLE) : soloSituation(random, headAge);
  const children = childrenOf(random, headBorn, todayYear, childYears);
  for (const adult of members.filter((m) => m.fields.children_count === null)) {
    adult.fields.family_situation = situation;
    adult.fields.children_count = children.length;
    adult.fields.children_birth_years = children;
  }

  const headRole = random.pickWeighted(CONSUMER_ROLES);
  for (const person of members) {
    const role = person === head || random.chance(0.7) ? headRole : random.pickWeighted(CONSUMER_ROLES);
    completeConsumer(state, random, person, { role, home, landline });
  }
  const referrer = state.referrers.length > 0 && random.chance(0.06) ? random.pick(state.referrers) : null;
  if (referrer) {
    head.links.push({ kind: 'referred_by', to: referrer, function: null, decision_role: null, started_on: isoDay(Date.parse(head.fields.created_at)) });
    head.fields.tags.push('parrainage');
  }
  for (const adult of members.slice(0, 2)) remember(state.referrers, adult);
  return members;
}

function soloSituation(random: Random, age: number): PartyFields['family_situation'] {
  const roll = random.next();
  if (age >= 65) return roll < 0.5 ? 'widowed' : roll < 0.7 ? 'divorced' : 'single';
  if (age < 30) return roll < 0.85 ? 'single' : 'couple';
  return roll < 0.5 ? 'single' : roll < 0.85 ? 'divorced' : 'couple';
}

/** Birth years of a parent's children: the grown-up ones at home, and others born when the parent was 20 to 42. */
function childrenOf(random: Random, parentBorn: number, todayYear: number, atHome: readonly number[]): number[] {
  const age = todayYear - parentBorn;
  const wanted = age < 24 ? (random.chance(0.9) ? 0 : 1) : random.pickWeighted(CHILD_COUNTS);
  const years = [...atHome];
  const first = parentBorn + 20;
  const last = Math.min(todayYear, parentBorn + 42);
  while (years.length < Math.max(wanted, atHome.length) && first <= last) years.push(random.int(first, last));
  return years.sort((a, b) => a - b);
}
const CHILD_COUNTS = weighted([[0, 30], [1, 20], [2, 32], [3, 13], [4, 5]] as const);

function completeConsumer(state: DemoState, random: Random, person: PartyDraft, home: { role: RoleName; home: AddressDraft; landline: string | null }): void {
  const f = person.fields;
  const age = new Date(state.todayMs).getUTCFullYear() - birthYearOf(person, state);
  f.pcs_group = age >= 63 && random.chance(0.92) ? '7' : age < 23 && random.chance(0.6) ? '8' : random.pickWeighted(WORKING_PCS);

  const first = emailPart(f.first_name!);
  const last = emailPart(f.last_name!);
  if (random.chance(age >= 75 ? 0.6 : 0.92)) {
    const roll = random.next();
    const local = roll < 0.45 ? `${first}.${last}` : roll < 0.55 ? `${first}${last}` : roll < 0.65 ? `${first[0]}.${last}`
      : roll < 0.73 ? `${last}.${first}` : roll < 0.9 ? `${first}.${last}${String(birthYearOf(person, state)).slice(2)}` : `${first}${last}${random.int(1, 999)}`;
    person.emails.push({ email: `${local}@${random.pickWeighted(MAIL_DOMAINS)}`, type: 'personal' });
    if (random.chance(0.1)) person.emails.push({ email: `${first}.${last}@${random.pickWeighted(MAIL_DOMAINS)}`, type: 'personal' });
  }
  if (random.chance(age >= 75 ? 0.7 : 0.94)) person.phones.push({ phone: mobileNumber(random, home.home.commune), type: 'mobile' });
  if (home.landline) person.phones.push({ phone: home.landline, type: 'home' });
  person.addresses.push(home.home);
  if (random.chance(0.04)) {
    const away = random.pickWeighted(COMMUNES);
    person.addresses.push(address('other', away, streetAddress(random, STREETS, HOME_LINE2, 0)));
  }

  const createdMs = Date.parse(f.created_at);
  person.roles = roleHistory(random, home.role, createdMs, state.todayMs, FORMER_CUSTOMER_REASONS, COMPETITORS);
  const roles = currentRoles(person.roles);
  const customer = roles.includes('customer');
  f.do_not_contact = random.chance(0.01);
  const { consents, preferred } = consentsFor(random, {
    hasEmail: person.emails.length > 0, hasMobile: person.phones[0]?.type === 'mobile', doNotContact: f.do_not_contact,
    createdMs, todayMs: state.todayMs, rates: { email: 0.55, sms: 0.4, post: 0.35 },
  });
  person.consents = consents;
  f.preferred_channels = preferred;
  f.tags = random.chance(0.55) ? random.sample(CONSUMER_TAGS, random.int(1, 2)) : [];
  if (customer && createdMs < state.todayMs - 365 * DAY_MS && random.chance(0.4)) f.tags.push('fidèle');
  if (customer && random.chance(0.05)) f.tags.push('vip');
  f.interests = random.chance(0.7) ? random.sample(CONSUMER_INTERESTS, random.int(1, 3)) : [];
  if (customer || roles.includes('former_customer')) {
    f.payment_methods = random.sample(CONSUMER_PAYMENTS, random.int(1, 2));
    if (age >= 70 && !f.payment_methods.includes('cheque') && random.chance(0.4)) f.payment_methods.push('cheque');
  }
  f.notes = random.chance(0.02) ? random.pick(CONSUMER_NOTES) : null;
}
