/** The vocabulary of Voice of the Customer feedback, shared by the server and the web app. */
export const TOUCHPOINTS = ['purchase', 'delivery', 'case', 'visit', 'call', 'store', 'web', 'invoice', 'other'] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

/** How the answer reached us. */
export const FEEDBACK_CHANNELS = ['email', 'sms', 'phone', 'web', 'app', 'store', 'visit', 'letter', 'social', 'chat'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** The records a piece of feedback can be about. */
export const FEEDBACK_SUBJECTS = ['order', 'delivery', 'case', 'interaction', 'invoice'] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];

/** The dimensions the dashboard breaks answers down by; `month` only for the trend. */
export const VOC_DIMENSIONS = ['touchpoint', 'channel', 'topic'] as const;
export type VocDimension = (typeof VOC_DIMENSIONS)[number];
export const VOC_GROUPINGS = ['month', ...VOC_DIMENSIONS] as const;
export type VocGrouping = (typeof VOC_GROUPINGS)[number];

/** Below this many NPS answers a group is left out of the worst-first ranking: its score would be noise. */
export const DEFAULT_MIN_ANSWERS = 5;

/** Topic tags as stored: trimmed, lower case, without duplicates or empty ones, in the order given. */
export function normaliseTopics(topics: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const topic of topics) {
    const tag = topic.trim().toLowerCase().replace(/\s+/g, ' ');
    if (tag) seen.add(tag);
  }
  return [...seen];
}
