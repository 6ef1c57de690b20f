/**
 * What the duplicate screens decide without the server: which values to highlight, which record should survive a
 * merge by default, how scores and moves read, when the settings are consistent and when a scan is over. Pure.
 */
import type { PartyKind } from '../parties/partyTypes.ts';
import type { CandidateSide, DuplicateLevel, DuplicateSettings, DuplicateStatus, FieldComparison, DuplicateSummary, MergePreviewField } from './duplicateTypes.ts';

/** The filters of the review queue. */
export interface ReviewFilters {
  kind: PartyKind;
  status: DuplicateStatus;
  level: DuplicateLevel | null;
}

export const DEFAULT_REVIEW_FILTERS: ReviewFilters = { kind: 'person', status: 'open', level: null };

/** The query string of GET /api/duplicates for these filters and page. */
export function reviewQuery(filters: ReviewFilters, cursor: string | null, limit: number) {
  return { kind: filters.kind, status: filters.status, level: filters.level, cursor, limit };
}

/** An explanation line is highlighted when the two values are not the same: close ones and different ones alike. */
export function comparisonDiffers(comparison: Pick<FieldComparison, 'verdict'>): boolean {
  return comparison.verdict === 'similar' || comparison.verdict === 'different';
}

/** The lines of the side-by-side view, in the order a reviewer reads them. */
export const SIDE_FIELDS = ['displayName', 'customerNumber', 'email', 'phone', 'city', 'birthDate', 'updatedAt'] as const;
export type SideField = (typeof SIDE_FIELDS)[number];

/** Fields where two records legitimately differ (they are two rows): never highlighted. */
const ALWAYS_DIFFERENT: readonly SideField[] = ['customerNumber', 'updatedAt'];

function comparable(value: string | null): string {
  return (value ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s.\-()]/g, '')
    .toLowerCase();
}

/**
 * True when a side-by-side line shows two values that differ once case, accents, spaces and punctuation are set
 * aside. A value present on one side only differs too: that is information the merge decides about.
 */
export function sideDiffers(field: SideField, a: CandidateSide, b: CandidateSide): boolean {
  if (ALWAYS_DIFFERENT.includes(field)) return false;
  return comparable(a[field]) !== comparable(b[field]);
}

/** What makes one record more complete than the other, as a reviewer sees it in the pair. */
const COMPLETENESS_FIELDS = ['email', 'phone', 'city', 'birthDate'] as const;

/** How many of the pair's compared details the record has. */
export function completeness(side: CandidateSide): number {
  return COMPLETENESS_FIELDS.filter((field) => (side[field] ?? '').trim() !== '').length;
}

/**
 * The record proposed to survive a merge: the more complete one; on a tie the one updated last, since its values
 * are the likelier to be current; on a full tie the first of the pair.
 */
export function defaultSurvivor(a: CandidateSide, b: CandidateSide): 'a' | 'b' {
  const difference = completeness(a) - completeness(b);
  if (difference !== 0) return difference > 0 ? 'a' : 'b';
  return Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? 'b' : 'a';
}

/** `92` → `92%` (en) or `92 %` (fr). Scores arrive on a 0–100 scale. */
export function formatScore(score: number, locale: string): string {
  const bounded = Math.min(100, Math.max(0, score));
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.round(bounded) / 100);
}

/** The colour of a level's badge: a likely duplicate stands out more than a possible one. */
export function levelColor(level: DuplicateLevel): string {
  return level === 'match' ? 'red' : 'orange';
}

/** The colour of a verdict's icon in the explanation. */
export function verdictColor(verdict: FieldComparison['verdict']): string {
  return { same: 'teal', similar: 'yellow', different: 'red', missing: 'gray' }[verdict];
}

/** `+3.2` / `−1.5` / `0`: what a field added to or removed from the evidence. */
export function formatWeight(weight: number, locale: string): string {
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(weight);
  return text.replace('-', '−');
}

/** The i18n key of a field's label; the catalogue names the fields of both the explanation and the merge. */
export function fieldLabelKey(field: string): string {
  return `duplicates.fields.${field}`;
}

/** The i18n key of what a merge moves (`orders`, `timeline`…), pluralised by i18next with `count`. */
export function moveLabelKey(table: string): string {
  return `duplicates.moves.${table}`;
}

/** The non-zero moves of a merge, the largest first (names alphabetical among equals). */
export function movesEntries(moves: Record<string, number>): [string, number][] {
  return Object.entries(moves)
    .filter(([, count]) => count > 0)
    .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb));
}

/** The picks a manual merge starts from: what the automatic strategy chose, field by field. */
export function initialPicks(fields: MergePreviewField[]): Record<string, 'survivor' | 'absorbed'> {
  return Object.fromEntries(fields.map((f) => [f.field, f.chosen]));
}

export type SettingsIssue = 'range' | 'possibleAboveMatch' | 'autoBelowMatch';

/**
 * What is wrong with duplicate settings, by field: each threshold within 0–100, a possible threshold not above
 * the match one, and an automatic merge never below a likely match (the server refuses the same).
 */
export function settingsIssues(settings: DuplicateSettings): Partial<Record<keyof DuplicateSettings, SettingsIssue>> {
  const issues: Partial<Record<keyof DuplicateSettings, SettingsIssue>> = {};
  for (const key of ['matchThreshold', 'possibleThreshold', 'autoMergeThreshold'] as const) {
    const value = settings[key];
    if (!Number.isFinite(value) || value < 0 || value > 100) issues[key] = 'range';
  }
  if (!issues.possibleThreshold && !issues.matchThreshold && settings.possibleThreshold > settings.matchThreshold) {
    issues.possibleThreshold = 'possibleAboveMatch';
  }
  if (!issues.autoMergeThreshold && !issues.matchThreshold && settings.autoMergeThreshold < settings.matchThreshold) {
    issues.autoMergeThreshold = 'autoBelowMatch';
  }
  return issues;
}

/** A scan the user asked for: the last scan known when they asked, and whether the summary has shown it running. */
export interface ScanRequest {
  lastScanBefore: string | null;
  sawScanning: boolean;
}

/**
 * Where a requested scan stands by the latest summary. A small scan may be over before the summary is read
 * again, so a newer `lastScanAt` counts as done even without ever seeing `scanning`.
 */
export function scanProgress(request: ScanRequest, summary: Pick<DuplicateSummary, 'scanning' | 'lastScanAt'>): ScanRequest | 'done' {
  if (summary.scanning) return { ...request, sawScanning: true };
  if (request.sawScanning || summary.lastScanAt !== request.lastScanBefore) return 'done';
  return request;
}

/**
 * Whether a record being typed is worth checking for duplicates: once its required name has two letters (the
 * server checks the body as a creation body, so asking before that would only be refused).
 */
export function worthChecking(kind: PartyKind, values: { lastName: string; legalName: string }): boolean {
  const name = kind === 'person' ? values.lastName : values.legalName;
  return name.trim().length >= 2;
}

/** Whether the warning must stop a creation until confirmed: only a likely match does; possible ones just inform. */
export function blocksCreation(matches: { level: DuplicateLevel }[]): boolean {
  return matches.some((m) => m.level === 'match');
}
