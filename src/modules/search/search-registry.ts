/**
 * Global search across capabilities. Each capability registers a provider for its records; the search
 * endpoint asks them all and merges their hits by score.
 */
import type { Ctx } from '../../platform/context.ts';

export interface SearchHit {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
  /** Path of the record in the web app. */
  url: string;
  /** Higher is more relevant; providers score on a 0–1 scale. */
  score: number;
  /** Kinds of the open alerts on a customer, shown beside the hit. */
  alerts?: string[];
}

export interface SearchProvider {
  kind: string;
  search(ctx: Ctx, query: string, limit: number): Promise<SearchHit[]>;
}

const providers = new Map<string, SearchProvider>();

export function registerSearchProvider(provider: SearchProvider): void {
  providers.set(provider.kind, provider);
}

/** Asks every provider and returns the best hits first. */
export async function searchEverything(ctx: Ctx, query: string, limit: number): Promise<SearchHit[]> {
  const trimmed = query.trim();
  if (!trimmed) return [];
  const results: SearchHit[] = [];
  // One provider after the other: on the embedded engine queries run one at a time anyway.
  for (const provider of providers.values()) results.push(...(await provider.search(ctx, trimmed, limit)));
  return results.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
}
