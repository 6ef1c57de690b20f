/** Results of the global search (GET /api/search) and how the search box orders and walks through them. Pure. */

export interface SearchResult {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
  /** A path of the web app, such as `/users/<id>`. */
  url: string;
  /** Open alerts on a customer. */
  alerts?: string[];
}

export interface SearchGroup {
  kind: string;
  results: SearchResult[];
}

/** The shortest query sent to the server; shorter ones would match nearly everything. */
export const MIN_QUERY_LENGTH = 2;

/** The query to send, or null when it is too short to be worth sending. */
export function searchableQuery(input: string): string | null {
  const query = input.trim();
  return query.length >= MIN_QUERY_LENGTH ? query : null;
}

/**
 * Results grouped by kind. Groups come in the order their first result appears (the server ranks results),
 * and results keep their order within a group.
 */
export function groupByKind(results: readonly SearchResult[]): SearchGroup[] {
  const groups = new Map<string, SearchResult[]>();
  for (const result of results) {
    const group = groups.get(result.kind);
    if (group) group.push(result);
    else groups.set(result.kind, [result]);
  }
  return [...groups].map(([kind, items]) => ({ kind, results: items }));
}

/** The results in the order they are shown, which is the order the arrow keys walk through. */
export function flattenGroups(groups: readonly SearchGroup[]): SearchResult[] {
  return groups.flatMap((group) => group.results);
}

/** Moves the highlighted result by `delta`, wrapping around at both ends; -1 when there are no results. */
export function moveHighlight(index: number, delta: number, count: number): number {
  if (count === 0) return -1;
  if (index < 0) return delta > 0 ? 0 : count - 1;
  return (((index + delta) % count) + count) % count;
}

/** Only paths of this app are followed, never another origin handed back by the server. */
export function isAppPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}
