/**
 * The API shapes of likely duplicates and merges (GET /api/duplicates, /api/merges…). Those the server declares
 * as plain types are taken from it, so both sides cannot drift apart.
 */
import type { PartyKind } from '../parties/partyTypes.ts';
import type { CandidateView } from '../../../src/modules/duplicates/duplicate-presenter.ts';
import type { PartyBrief, presentPreview } from '../../../src/modules/duplicates/merge-presenter.ts';

export type { Verdict } from '../../../src/modules/duplicates/compare.ts';
export type { FieldComparison } from '../../../src/modules/duplicates/score.ts';
export type { PartyBrief };
export type { DuplicateSettings } from '../../../src/modules/duplicates/duplicate-settings.ts';
export type { DuplicateMatch } from '../../../src/modules/duplicates/duplicate-check.ts';

export const DUPLICATE_LEVELS = ['match', 'possible'] as const;
export type DuplicateLevel = (typeof DUPLICATE_LEVELS)[number];

export const DUPLICATE_STATUSES = ['open', 'ignored', 'merged'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];

export const MERGE_STRATEGIES = ['most_recent', 'most_complete', 'manual'] as const;
export type MergeStrategy = (typeof MERGE_STRATEGIES)[number];

/** A likely duplicate pair: both records, the score, its level and the per-field explanation. */
export type Candidate = CandidateView;

/** One side of a candidate pair, with what a reviewer compares at a glance. */
export type CandidateSide = Candidate['a'];

export interface CandidatePage {
  items: Candidate[];
  nextCursor: string | null;
}

export interface DuplicateSummary {
  open: Record<PartyKind, number>;
  lastScanAt: string | null;
  scanning: boolean;
}

export interface BulkResult {
  done: number;
  failed: { id: string; message: string }[];
}

/** What merging two records would keep, before it is done (POST /api/merges/preview). */
export type MergePreview = ReturnType<typeof presentPreview>;
export type MergePreviewField = MergePreview['fields'][number];

export interface MergeOut {
  id: string;
  survivor: PartyBrief;
  absorbed: PartyBrief;
  strategy: MergeStrategy;
  moved: Record<string, number>;
  mergedBy: { id: string; name: string } | null;
  mergedAt: string;
  undoneAt: string | null;
  canUndo: boolean;
}

export interface MergeBody {
  survivorId: string;
  absorbedId: string;
  strategy: MergeStrategy;
  picks?: Record<string, 'survivor' | 'absorbed'>;
  candidateId?: string;
}
