/**
 * What surrounds a record, as the API presents it: links to other records, roles over time and consent, with
 * the pure rules the record page follows to group and change them.
 */
import type { LinkView } from '../../../src/modules/parties/party-links.ts';
import type { ConsentView } from '../../../src/modules/parties/party-consents.ts';
import type { RoleHistoryEntry } from '../../../src/modules/parties/party-roles.ts';
import type { PartyKind, PartyRole } from '../parties/partyTypes.ts';
import type { ConsentChannel, ConsentPurpose, LinkKind } from '../../../src/shared/reference/party.ts';

export {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  DECISION_ROLES,
  LINK_KINDS,
  type ConsentChannel,
  type ConsentPurpose,
  type DecisionRole,
  type LinkKind,
} from '../../../src/shared/reference/party.ts';
export type Link = LinkView;
export type Consent = ConsentView;
/** Where a consent answer was given; stored as these codes, shown translated. */
export const CONSENT_SOURCES = ['web_form', 'phone', 'shop', 'email', 'paper_form', 'other'] as const;

/** One role held over a span of days, as the role history of a record lists it. */
export type RoleSpell = RoleHistoryEntry;

/**
 * How links are shown, seen from the record being read: `employee_of` is "works at" on the person's page and
 * "contacts" on the organisation's; `subsidiary_of` is "parent company" on the subsidiary and "subsidiaries" on
 * the parent; `referred_by` is "referred by" on one side and "referred" on the other.
 */
export const LINK_GROUPS = [
  'worksAt',
  'contacts',
  'parent',
  'subsidiaries',
  'household',
  'spouse',
  'referredBy',
  'referred',
  'partners',
] as const;
export type LinkGroup = (typeof LINK_GROUPS)[number];

/** The group a link falls in on the page of the party at its `direction` end. */
export function linkGroup(link: Pick<Link, 'kind' | 'direction'>): LinkGroup {
  const outgoing = link.direction === 'outgoing';
  switch (link.kind) {
    case 'employee_of':
      return outgoing ? 'worksAt' : 'contacts';
    case 'subsidiary_of':
      return outgoing ? 'parent' : 'subsidiaries';
    case 'household':
      return 'household';
    case 'spouse':
      return 'spouse';
    case 'referred_by':
      return outgoing ? 'referredBy' : 'referred';
    default:
      return 'partners';
  }
}

/** Links in their groups, groups in LINK_GROUPS order, empty groups left out; current links first in each. */
export function groupLinks(links: readonly Link[]): { group: LinkGroup; links: Link[] }[] {
  return LINK_GROUPS.map((group) => ({
    group,
    links: links.filter((link) => linkGroup(link) === group).sort((a, b) => Number(b.current) - Number(a.current)),
  })).filter((entry) => entry.links.length > 0);
}

/**
 * What the "add a link" dialog offers on a record of `kind`: each choice says which link it makes, which kind of
 * record the other end is, and whether the link is stored from the other record (an organisation's contact is
 * stored as the person's `employee_of`).
 */
export interface LinkChoice {
  value: LinkGroup;
  kind: LinkKind;
  reverse: boolean;
  otherKinds: readonly PartyKind[];
}

const BOTH: readonly PartyKind[] = ['person', 'organisation'];

export function linkChoices(kind: PartyKind): LinkChoice[] {
  if (kind === 'person') {
    return [
      { value: 'worksAt', kind: 'employee_of', reverse: false, otherKinds: ['organisation'] },
      { value: 'household', kind: 'household', reverse: false, otherKinds: ['person'] },
      { value: 'spouse', kind: 'spouse', reverse: false, otherKinds: ['person'] },
      { value: 'referredBy', kind: 'referred_by', reverse: false, otherKinds: BOTH },
      { value: 'partners', kind: 'partner_of', reverse: false, otherKinds: BOTH },
    ];
  }
  return [
    { value: 'contacts', kind: 'employee_of', reverse: true, otherKinds: ['person'] },
    { value: 'parent', kind: 'subsidiary_of', reverse: false, otherKinds: ['organisation'] },
    { value: 'subsidiaries', kind: 'subsidiary_of', reverse: true, otherKinds: ['organisation'] },
    { value: 'referredBy', kind: 'referred_by', reverse: false, otherKinds: BOTH },
    { value: 'partners', kind: 'partner_of', reverse: false, otherKinds: BOTH },
  ];
}

export interface NewLink {
  choice: LinkChoice;
  otherPartyId: string;
  function: string | null;
  decisionRole: string | null;
  startedOn: string | null;
  endedOn: string | null;
}

/** The POST that makes `link` from the record `partyId`: which record it is sent to, and its body. */
export function linkRequest(partyId: string, link: NewLink) {
  const from = link.choice.reverse ? link.otherPartyId : partyId;
  const to = link.choice.reverse ? partyId : link.otherPartyId;
  const employment = link.choice.kind === 'employee_of';
  return {
    partyId: from,
    body: {
      kind: link.choice.kind,
      otherPartyId: to,
      ...(employment ? { function: link.function?.trim() || null, decisionRole: link.decisionRole } : {}),
      startedOn: link.startedOn || null,
      endedOn: link.endedOn || null,
    },
  };
}

/** The record page of another party. */
export function partyPath(kind: string): '/people/$id' | '/organisations/$id' {
  return kind === 'organisation' ? '/organisations/$id' : '/people/$id';
}

/** The API path of one record. */
export function partyApiPath(kind: PartyKind, id: string): string {
  return `/api/${kind === 'person' ? 'people' : 'organisations'}/${encodeURIComponent(id)}`;
}

/** Today in the user's time zone, as YYYY-MM-DD (the day a link is ended on). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a change of roles from `before` to `after` needs a reason: the record becomes a former customer. */
export function asksForLossReason(before: readonly string[], after: readonly string[]): boolean {
  return after.includes('former_customer') && !before.includes('former_customer');
}

/** The consent of one channel and purpose, "unknown" when the list has none. */
export function consentOf(consents: readonly Consent[], channel: ConsentChannel, purpose: ConsentPurpose): Consent {
  return consents.find((c) => c.channel === channel && c.purpose === purpose) ?? { channel, purpose, status: 'unknown', source: null, recordedAt: null };
}

/** Role history newest first: current roles, then ended ones by the day they ended. */
export function sortRoleHistory(spells: readonly RoleSpell[]): RoleSpell[] {
  return [...spells].sort((a, b) => {
    if ((a.endedOn === null) !== (b.endedOn === null)) return a.endedOn === null ? -1 : 1;
    return (b.endedOn ?? b.startedOn).localeCompare(a.endedOn ?? a.startedOn) || b.startedOn.localeCompare(a.startedOn);
  });
}

/** Roles in the order they are offered. */
export function sortRoles(roles: readonly string[], order: readonly PartyRole[]): string[] {
  return [...roles].sort((a, b) => order.indexOf(a as PartyRole) - order.indexOf(b as PartyRole));
}
