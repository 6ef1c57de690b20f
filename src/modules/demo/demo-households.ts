/**
 * Households of private customers: one adult or a couple, sometimes grown-up children still at home, sharing an
 * address and often a landline, each with a role history, consents, tags and interests.
 */
import {
  COMMUNES, COMPETITORS, CONSUMER_INTERESTS, CONSUMER_NOTES, CONSUMER_TAGS, FORMER_CUSTOMER_REASONS, HOME_LINE2,
  MAIL_DOMAINS, STREETS, weighted,
} from './demo-data.ts';
import {
  DAY_MS, consentsFor, currentRoles, emailPart, isoDay, landlineNumber, mobileNumber, roleHistory, streetAddress,
  type AddressDraft, type PartyDraft, type PartyFields, type RoleName,
} from './demo-drafts.ts';
import type { Random } from './demo-random.ts';
import {
  HOUSEHOLD_STREAM, address, childrenOf, newPerson, ownerOf, remember, unitRandom, type DemoState,
} from './demo-units.ts';

const FAMILY_IN_COUPLE = weighted([['married', 45], ['civil_partnership', 20], ['couple', 35]] as const);
const WORKING_PCS = weighted([['1', 1.5], ['2', 7], ['3', 20], ['4', 25], ['5', 26], ['6', 17], ['8', 3.5]] as const);
const ADULT_AGES = weighted([[[18, 24], 8], [[25, 34], 16], [[35, 44], 17], [[45, 54], 18], [[55, 64], 17], [[65, 74], 14], [[75, 84], 8], [[85, 90], 2]] as const);
const CONSUMER_ROLES = weighted<RoleName>([['customer', 58], ['prospect', 18], ['lead', 10], ['former_customer', 12], ['collaborator', 1], ['partner', 1]]);
const CONSUMER_PAYMENTS = weighted([['card', 8], ['direct_debit', 3], ['cash', 2.5], ['cheque', 2], ['transfer', 1]] as const);

/**
 * A household of private customers, at most `maxPeople`: one adult or a couple (with a spouse link), sometimes
 * grown-up children still at home (with a household link). They share an address, often a landline, and the
 * children's birth years are those of the adults' children. A newcomer may have been referred by an earlier customer.
 */
export function householdUnit(state: DemoState, index: number, maxPeople: number): PartyDraft[] {
  const random = unitRandom(state.seed, HOUSEHOLD_STREAM, index);
  // 40 % live alone, 42 % as a couple, 10 % a couple with a grown-up child, 3 % with two, 5 % a parent with one.
  const shape = random.next();
  const couple = shape >= 0.4 && shape < 0.95;
  const grownChildren = shape < 0.82 ? 0 : shape < 0.92 ? 1 : shape < 0.95 ? 2 : 1;
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
  const headBorn = head.birthYear;
  const todayYear = new Date(state.todayMs).getUTCFullYear();
  const childYears: number[] = [];
  for (let i = 0; i < grownChildren && members.length < maxPeople; i++) {
    const age = random.int(18, Math.min(30, headAge - 20));
    const child = newPerson(state, random, age, head.fields.last_name, owner);
    child.links.push({ kind: 'household', to: head, function: null, decision_role: null, started_on: null });
    child.fields.family_situation = random.chance(0.85) ? 'single' : 'couple';
    child.fields.children_count = 0;
    childYears.push(child.birthYear);
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

function completeConsumer(state: DemoState, random: Random, person: PartyDraft, home: { role: RoleName; home: AddressDraft; landline: string | null }): void {
  const f = person.fields;
  const age = new Date(state.todayMs).getUTCFullYear() - person.birthYear;
  f.pcs_group = age >= 63 && random.chance(0.92) ? '7' : age < 23 && random.chance(0.6) ? '8' : random.pickWeighted(WORKING_PCS);

  const first = emailPart(f.first_name!);
  const last = emailPart(f.last_name!);
  if (random.chance(age >= 75 ? 0.6 : 0.92)) {
    const roll = random.next();
    const local = roll < 0.45 ? `${first}.${last}` : roll < 0.55 ? `${first}${last}` : roll < 0.65 ? `${first[0]}.${last}`
      : roll < 0.73 ? `${last}.${first}` : roll < 0.9 ? `${first}.${last}${String(person.birthYear).slice(2)}` : `${first}${last}${random.int(1, 999)}`;
    const email = `${local}@${random.pickWeighted(MAIL_DOMAINS)}`;
    person.emails.push({ email, type: 'personal' });
    const other = `${first}.${last}@${random.pickWeighted(MAIL_DOMAINS)}`;
    if (random.chance(0.1) && other !== email) person.emails.push({ email: other, type: 'personal' });
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
