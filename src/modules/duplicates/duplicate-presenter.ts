/**
 * What a duplicate pair looks like to clients: both records side by side (with what people compare at a glance),
 * the score, its level under the workspace's thresholds, and the per-field explanation.
 */
import type { Thresholds, FieldComparison } from './score.ts';
import { levelOf } from './score.ts';

/** A candidate row joined with both records (columns prefixed a_ and b_). */
export interface CandidateRow {
  id: string;
  kind: string;
  score: string;
  status: string;
  source: string;
  fields: unknown;
  detected_at: Date;
  decided_at: Date | null;
  [column: `${'a' | 'b'}_${string}`]: unknown;
}

function side(row: CandidateRow, prefix: 'a' | 'b') {
  const value = (column: string) => row[`${prefix}_${column}`];
  const text = (column: string) => (value(column) === null || value(column) === undefined ? null : String(value(column)));
  return {
    id: String(value('id')),
    kind: String(value('kind')) as 'person' | 'organisation',
    displayName: String(value('display_name')),
    customerNumber: String(value('customer_number')),
    email: text('email'),
    phone: text('phone'),
    city: text('city'),
    birthDate: text('birth_date'),
    updatedAt: (value('updated_at') as Date).toISOString(),
  };
}

/** A candidate as the API shows it. The level follows the current thresholds, not those of the day it was found. */
export function presentCandidate(row: CandidateRow, thresholds: Thresholds) {
  const score = Number(row.score);
  return {
    id: row.id,
    kind: row.kind as 'person' | 'organisation',
    score,
    // A pair stored under a lower threshold of the past still shows as possible rather than as nothing.
    level: levelOf(score, thresholds) ?? ('possible' as const),
    status: row.status as 'open' | 'ignored' | 'merged',
    source: row.source as 'scan' | 'create' | 'import',
    a: side(row, 'a'),
    b: side(row, 'b'),
    fields: (row.fields ?? []) as FieldComparison[],
    detectedAt: row.detected_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

export type CandidateView = ReturnType<typeof presentCandidate>;
