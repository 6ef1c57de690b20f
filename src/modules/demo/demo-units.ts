/**
 * What every demo unit is built from: the state units share while a demo is generated, a seeded generator per
 * unit, and a new person with a first name of their birth year. The units themselves are companies with their people
 * (demo-organisations.ts) and households of private customers (demo-households.ts); each draws from its own
 * generator, seeded by the demo seed and the unit's index, so a unit is the same whatever was generated before it or
 * how the work is split into batches.
 */
import { EPICENE_FIRST_NAMES, LAST_NAMES, firstNamesFor, weighted, type Commune } from './demo-data.ts';
import { DAY_MS, isoDay, type AddressDraft, type PartyDraft, type PartyFields } from './demo-drafts.ts';
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

export const ORGANISATION_STREAM = 1;
export const HOUSEHOLD_STREAM = 2;
const RECENT = 256;

/** The generator of one unit: a stream (companies or households) and the unit's index within it. */
export function unitRandom(seed: number, stream: number, index: number): Random {
  return seededRandom(hash32(seed, stream, index));
}

/** Keeps a record among the most recent of its kind, for later units to point to. */
export function remember(list: PartyDraft[], draft: PartyDraft): void {
  list.push(draft);
  if (list.length > RECENT) list.shift();
}

/** The creation instant of the next record: records are spread in order over the generated period. */
export function nextCreatedMs(state: DemoState, random: Random): number {
  const slice = (state.todayMs - state.startMs) / state.total;
  return Math.floor(state.startMs + (state.position++ + random.next()) * slice);
}

/** An owner among the workspace's users; a few records have none. */
export function ownerOf(state: DemoState, random: Random): string | null {
  return state.owners.length > 0 && random.chance(0.92) ? random.pick(state.owners) : null;
}

/** The columns of a record with nothing known yet but its name, creation and owner. */
export function emptyFields(displayName: string, createdMs: number, owner: string | null): PartyFields {
  return {
    display_name: displayName, civility: null, first_name: null, last_name: null, birth_date: null, gender: null,
    pcs_group: null, family_situation: null, children_count: null, children_birth_years: [], language: 'fr',
    legal_name: null, trade_name: null, naf_code: null, headcount_band: null, annual_revenue: null, website: null,
    tags: [], preferred_channels: [], payment_methods: [], interests: [], notes: null, do_not_contact: false,
    owner_id: owner, created_at: new Date(createdMs).toISOString(),
  };
}

/** A record without contact points, roles, links or consents yet. */
export function draft(kind: PartyDraft['kind'], fields: PartyFields): PartyDraft {
  return { kind, fields, emails: [], phones: [], addresses: [], roles: [], links: [], consents: [], nic: null, birthYear: 0, id: '', customerNumber: '', sequence: 0 };
}

/** A postal address of a record in a commune. */
export function address(type: AddressDraft['type'], commune: Commune, lines: { line1: string; line2: string | null }): AddressDraft {
  return { type, commune, ...lines };
}

const OTHER_LANGUAGES = ['en', 'es', 'pt', 'it', 'de', 'ar'] as const;

/** A person of this age: gender and civility, a first name of their birth year, a surname, a birth date. */
export function newPerson(state: DemoState, random: Random, age: number, lastName: string | null, owner: string | null, gender?: 'female' | 'male' | 'other'): PartyDraft {
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
  const person = draft('person', fields);
  person.birthYear = birthYear;
  return person;
}

/** Birth years of a parent's children: the grown-up ones at home, and others born when the parent was 20 to 42. */
export function childrenOf(random: Random, parentBorn: number, todayYear: number, atHome: readonly number[]): number[] {
  const age = todayYear - parentBorn;
  const wanted = age < 24 ? (random.chance(0.9) ? 0 : 1) : random.pickWeighted(CHILD_COUNTS);
  const years = [...atHome];
  const first = parentBorn + 20;
  const last = Math.min(todayYear, parentBorn + 42);
  while (years.length < Math.max(wanted, atHome.length) && first <= last) years.push(random.int(first, last));
  return years.sort((a, b) => a - b);
}
const CHILD_COUNTS = weighted([[0, 30], [1, 20], [2, 32], [3, 13], [4, 5]] as const);
