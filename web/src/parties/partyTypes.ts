/** The API shapes of people and organisations, as the server declares them. */
export type { PartyOutput as Party, PartySummaryOutput as PartySummary, PartyKind, PartyRole } from '../../../src/modules/parties/party-schemas.ts';
export { PARTY_ROLES, PARTY_KINDS } from '../../../src/modules/parties/party-schemas.ts';
