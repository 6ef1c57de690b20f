/** Feedback and dashboard figures as the API presents them. */
import type { VocGroup, VocMetrics } from '../../../src/modules/feedback/voc-service.ts';
import type { Sentiment } from '../../../src/modules/feedback/sentiment.ts';
import type { FeedbackChannel, Touchpoint } from '../../../src/modules/feedback/feedback-reference.ts';

export type { Sentiment, VocGroup, VocMetrics };

export interface Feedback {
  id: string;
  party: { id: string; kind: string; displayName: string; customerNumber: string };
  touchpoint: Touchpoint;
  channel: FeedbackChannel;
  subject: { type: string; id: string } | null;
  receivedAt: string;
  nps: number | null;
  csat: number | null;
  effort: number | null;
  verbatim: string | null;
  topics: string[];
  sentiment: Sentiment | null;
  createdAt: string;
}

export interface FeedbackPage {
  data: Feedback[];
  nextCursor: string | null;
}

export interface VocSummary {
  from: string;
  to: string;
  groupBy: string;
  total: VocMetrics;
  groups: VocGroup[];
}

export interface VocWorst {
  from: string;
  to: string;
  data: VocGroup[];
}
