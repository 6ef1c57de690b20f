/**
 * Exports of the people and organisations lists as a pure model: which formats exist and the download URL of
 * the list as it is shown — the saved view itself when the list still shows it unchanged (so the export is
 * recorded as an export of that view), otherwise the current filters, sort and columns.
 */
import { DEFAULT_SORT, filtersFor, type PartyListSearch } from '../parties/partyListModel.ts';
import type { PartyKind } from '../parties/partyTypes.ts';

export const EXPORT_FORMATS = ['csv', 'csv-excel', 'xlsx', 'vcard'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_PATHS: Record<PartyKind, string> = { person: '/api/exports/people', organisation: '/api/exports/organisations' };

export interface ExportTarget {
  /** The signed-in user, for the "my records" owner filter. */
  meId: string | null;
  /** Ids of the columns the list shows, in their order. */
  columns: readonly string[];
  /** Whether the list shows its saved view exactly as saved. */
  viewUnchanged: boolean;
}

/** The GET URL that downloads the list in `format`. */
export function exportUrl(kind: PartyKind, format: ExportFormat, search: PartyListSearch, target: ExportTarget): string {
  if (search.view && target.viewUnchanged) return `${EXPORT_PATHS[kind]}?${new URLSearchParams({ format, view: search.view })}`;
  const params = new URLSearchParams({ format });
  for (const [key, value] of filtersFor(kind, search, target.meId)) params.append(key, value);
  params.set('sort', search.sort ?? DEFAULT_SORT);
  if (target.columns.length > 0) params.set('columns', target.columns.join(','));
  return `${EXPORT_PATHS[kind]}?${params}`;
}
