/**
 * The Voice of the Customer dashboard as a pure model: the period and drill-down held in its URL, the dates a
 * period covers, and the feedback list query that shows the verbatims behind a bar, a point or a row.
 */
import {
  FEEDBACK_CHANNELS,
  TOUCHPOINTS,
  VOC_DIMENSIONS,
  type FeedbackChannel,
  type Touchpoint,
  type VocDimension,
} from '../../../src/modules/feedback/feedback-reference.ts';
import type { QueryValue } from '../app/api.ts';

export { FEEDBACK_CHANNELS, TOUCHPOINTS, VOC_DIMENSIONS };
export type { FeedbackChannel, Touchpoint, VocDimension };

export const PERIODS = ['3m', '6m', '12m', 'ytd', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '12m';

/** What narrows the verbatims list: one touch point, channel, topic or month, or the detractors only. */
export const DRILL_KEYS = ['touchpoint', 'channel', 'topic', 'month', 'detractors'] as const;
export type DrillKey = (typeof DRILL_KEYS)[number];

export interface VocSearch {
  period?: Period;
  /** With the custom period: first and last day, YYYY-MM-DD. */
  from?: string;
  to?: string;
  touchpoint?: Touchpoint;
  channel?: FeedbackChannel;
  topic?: string;
  /** YYYY-MM. */
  month?: string;
  detractors?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the dashboard's state from untrusted URL search parameters. */
export function parseVocSearch(search: Record<string, unknown>): VocSearch {
  const parsed: VocSearch = {};
  const period = oneOf(PERIODS, search.period);
  if (period) parsed.period = period;
  if (typeof search.from === 'string' && DAY.test(search.from)) parsed.from = search.from;
  if (typeof search.to === 'string' && DAY.test(search.to)) parsed.to = search.to;
  const touchpoint = oneOf(TOUCHPOINTS, search.touchpoint);
  if (touchpoint) parsed.touchpoint = touchpoint;
  const channel = oneOf(FEEDBACK_CHANNELS, search.channel);
  if (channel) parsed.channel = channel;
  if (typeof search.topic === 'string' && search.topic.trim() !== '') parsed.topic = search.topic.trim().slice(0, 60);
  if (typeof search.month === 'string' && MONTH.test(search.month)) parsed.month = search.month;
  if (search.detractors === true || search.detractors === 'true') parsed.detractors = true;
  return parsed;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of month `YYYY-MM`. */
function lastDay(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(year, m, 0)).getUTCDate())}`;
}

/** The first day of the month `back` months before the month of `today`. */
function monthStart(today: string, back: number): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 1 - back, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-01`;
}

/** The days a period covers, `today` (YYYY-MM-DD) included; whole months back from the current one. */
export function periodRange(search: Pick<VocSearch, 'period' | 'from' | 'to'>, today: string): { from: string; to: string } {
  switch (search.period ?? DEFAULT_PERIOD) {
    case '3m':
      return { from: monthStart(today, 2), to: today };
    case '6m':
      return { from: monthStart(today, 5), to: today };
    case 'ytd':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'custom': {
      const from = search.from ?? monthStart(today, 11);
      const to = search.to ?? today;
      return from <= to ? { from, to } : { from: to, to: from };
    }
    default:
      return { from: monthStart(today, 11), to: today };
  }
}

/** Today in the browser's time zone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The feedback list query behind the dashboard's current drill-down, within the period. */
export function verbatimQuery(search: VocSearch, range: { from: string; to: string }): Record<string, QueryValue> {
  let { from, to } = range;
  if (search.month) {
    from = `${search.month}-01` > from ? `${search.month}-01` : from;
    to = lastDay(search.month) < to ? lastDay(search.month) : to;
  }
  return {
    from,
    to,
    touchpoint: search.touchpoint,
    channel: search.channel,
    topic: search.topic,
    npsMax: search.detractors ? 6 : undefined,
  };
}

/** The dashboard's state after a click on `key` = `value`: the other drill-downs give way, the period stays. */
export function drillTo(search: VocSearch, key: DrillKey, value: string | true): VocSearch {
  const next: VocSearch = { period: search.period, from: search.from, to: search.to };
  if (key === 'detractors') next.detractors = true;
  else Object.assign(next, parseVocSearch({ [key]: value }));
  return next;
}

/** The drill-downs in force, as key and value, to show as removable chips. */
export function activeDrills(search: VocSearch): [DrillKey, string][] {
  const drills: [DrillKey, string][] = [];
  for (const key of DRILL_KEYS) {
    const value = search[key];
    if (value !== undefined) drills.push([key, String(value)]);
  }
  return drills;
}

/** Colour of an NPS value: red below 0, orange up to 30, green above. */
export function npsColor(nps: number | null): string {
  if (nps === null) return 'gray';
  if (nps < 0) return 'red';
  return nps <= 30 ? 'orange' : 'green';
}

/** Colour of one NPS answer: promoter (9–10) green, passive (7–8) yellow, detractor (0–6) red. */
export function npsAnswerColor(score: number): string {
  if (score >= 9) return 'green';
  return score >= 7 ? 'yellow' : 'red';
}

export const SENTIMENT_COLORS: Record<string, string> = { positive: 'green', neutral: 'gray', negative: 'red', mixed: 'yellow' };
