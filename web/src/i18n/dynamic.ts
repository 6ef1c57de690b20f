/** Translation of keys that are only known at run time. */
import type { TFunction } from 'i18next';

/**
 * Translates a key built from data the server sends (a search result kind, an entity or field name), falling
 * back to `fallback` when the catalogue has no entry for it. The typed `t` only accepts keys known at compile
 * time, hence this one loosely typed door.
 */
export function translateDynamic(t: TFunction, key: string, fallback: string): string {
  const loose = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return loose(key, { defaultValue: fallback });
}
