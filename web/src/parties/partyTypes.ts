/** The API shapes of people and organisations, as the server declares them. */
export type { PartyOutput as Party, PartySummaryOutput as PartySummary, PartyKind, PartyRole } from '../../../src/modules/parties/party-schemas.ts';
export { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../src/modules/custom-fields/custom-field-values.ts';
import type { PartyKind, PartySummaryOutput } from '../../../src/modules/parties/party-schemas.ts';
import type { CustomFieldType } from '../../../src/modules/custom-fields/custom-field-values.ts';

export { PARTY_KINDS, PARTY_ROLES } from '../../../src/shared/reference/party.ts';

/** One page of a people or organisations list. */
export interface PartyPage {
  data: PartySummaryOutput[];
  nextCursor: string | null;
}

/** GET /api/people/count and /api/organisations/count: exact up to a cap, then `exact: false`. */
export interface PartyCount {
  count: number;
  exact: boolean;
}

/** A custom field definition of GET /api/custom-fields. */
export interface CustomField {
  id: string;
  entity: PartyKind;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  purpose: string;
  sensitive: boolean;
  position: number;
  archivedAt: string | null;
  createdAt: string;
}

/** A saved list view of GET /api/views. */
export interface SavedView {
  id: string;
  entity: PartyKind;
  name: string;
  shared: boolean;
  /** Whether the signed-in user owns it (and so may change it). */
  mine: boolean;
  owner: { id: string; name: string | null };
  columns: string[];
  sort: string | null;
  filters: Record<string, unknown>;
  updatedAt: string;
}

/** The list path of each kind, in the API and in the app. */
export const PARTY_PATHS: Record<PartyKind, { api: string; app: '/people' | '/organisations'; record: '/people/$id' | '/organisations/$id' }> = {
  person: { api: '/api/people', app: '/people', record: '/people/$id' },
  organisation: { api: '/api/organisations', app: '/organisations', record: '/organisations/$id' },
};
