/**
 * The wall clock in France (Europe/Paris), where planned work lives and where the times written in imported files
 * are read. A *floating* date is a Date whose UTC fields hold a Paris wall-clock reading (09:00 Paris → 09:00Z).
 * Pure (Intl only), so the web app may import it too.
 */

export const PARIS_TIME_ZONE = 'Europe/Paris';

const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const DAY_MS = 86_400_000;

/** The Paris wall-clock reading of an instant, as a floating date (milliseconds kept). */
export function floatingFromInstant(instant: Date): Date {
  const fields: Record<string, number> = {};
  for (const part of WALL_CLOCK.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  return new Date(Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!, ms));
}

/** Which instant a reading shown twice, when the clocks go back in autumn, stands for. */
export type RepeatedReading = 'earlier' | 'later';

/**
 * The instant a Paris wall-clock reading stands for. A reading skipped by the spring change (02:30 on the last
 * Sunday of March) is read with the offset before the change, so it moves forward by the hour skipped (03:30
 * summer time); a reading that happens twice in autumn takes the `repeated` one (the later, winter time, unless
 * told otherwise).
 */
export function instantFromFloating(floating: Date, repeated: RepeatedReading = 'later'): Date {
  const wall = floating.getTime();
  const offsetAt = (instant: number) => floatingFromInstant(new Date(instant)).getTime() - instant;
  // Clock changes are months apart: the offsets a day either side are those before and after any change near.
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  if (before === after) return new Date(wall - before);
  const valid = [wall - Math.max(before, after), wall - Math.min(before, after)].filter((instant) => offsetAt(instant) === wall - instant);
  if (valid.length === 0) return new Date(wall - before);
  return new Date(repeated === 'earlier' ? valid[0]! : valid[valid.length - 1]!);
}
