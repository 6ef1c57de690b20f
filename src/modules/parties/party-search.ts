/**
 * People and organisations in the global search. What the box holds decides where to look:
 * - a customer number (with valid check digits) is looked up exactly, absorbed numbers included;
 * - an email, or a phone number in any writing, is matched exactly on every email and phone of every record;
 * - a SIREN or SIRET is matched exactly;
 * - anything else is looked for in the folded names, primary email and customer number, as typed (served by
 *   the trigram index); when that gives less than a page, each word is also corrected against the workspace's dictionary of
 *   name words and the corrected spellings are looked up instead (typo tolerance).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { normalisePhone } from '../../shared/contact/phone.ts';
import { formatCustomerNumber, parseCustomerNumber } from '../../shared/identifiers/customer-number.ts';
import type { SearchHit, SearchProvider } from '../search/search-registry.ts';
import { escapeLike } from './party-service.ts';

interface Row {
  id: string;
  kind: string;
  display_name: string;
  customer_number: string;
  city: string | null;
  email: string | null;
  active_alerts: string[];
  score: number;
}

const COLUMNS = sql`p.id, p.kind, p.display_name, p.customer_number, p.city, p.email, p.active_alerts`;

function hit(row: Row): SearchHit {
  const subtitle = [row.customer_number, row.email, row.city].filter(Boolean).join(' · ');
  return {
    kind: row.kind,
    id: row.id,
    title: row.display_name,
    subtitle,
    url: `/${row.kind === 'person' ? 'people' : 'organisations'}/${row.id}`,
    score: Number(row.score),
    ...(row.active_alerts?.length ? { alerts: row.active_alerts } : {}),
  };
}

async function exactMatches(ctx: Ctx, query: string, limit: number): Promise<Row[] | null> {
  const ws = ctx.workspaceId;
  const number = parseCustomerNumber(query);
  if (number) {
    const canonical = formatCustomerNumber(number.prefix, number.sequence);
    // Two lookups rather than one with OR: each is a unique-index probe, where the OR would scan every record.
    const { rows } = await sql<Row>`
      select ${COLUMNS}, 1.0 as score from parties p
      where p.workspace_id = ${ws} and p.customer_number = ${canonical} and p.merged_into_id is null`.execute(ctx.db);
    if (rows.length > 0) return rows;
    const { rows: absorbed } = await sql<Row>`
      select ${COLUMNS}, 1.0 as score from customer_number_aliases a
      join parties p on p.workspace_id = a.workspace_id and p.id = a.party_id
      where a.workspace_id = ${ws} and a.customer_number = ${canonical} and p.merged_into_id is null`.execute(ctx.db);
    return absorbed;
  }
  if (query.includes('@')) {
    const email = query.trim().toLowerCase();
    const { rows } = await sql<Row>`
      select ${COLUMNS}, 1.0 as score from parties p
      where p.workspace_id = ${ws} and p.merged_into_id is null and p.id in (
        select e.party_id from party_emails e where e.workspace_id = ${ws} and e.email = ${email})
      order by p.display_name limit ${limit}`.execute(ctx.db);
    if (rows.length > 0) return rows;
    return null;
  }
  const digits = query.replace(/[\s./\-()]/g, '');
  if (/^\d{9}$|^\d{14}$/.test(digits)) {
    const { rows } = await sql<Row>`
      select ${COLUMNS}, 1.0 as score from parties p
      where p.workspace_id = ${ws} and p.merged_into_id is null and (p.siren = ${digits} or p.siret = ${digits})
      order by p.display_name limit ${limit}`.execute(ctx.db);
    if (rows.length > 0) return rows;
  }
  if (/^\+?\d{6,}$/.test(digits)) {
    const phone = normalisePhone(query);
    if (phone.ok) {
      const { rows } = await sql<Row>`
        select ${COLUMNS}, 1.0 as score from parties p
        where p.workspace_id = ${ws} and p.merged_into_id is null and p.id in (
          select ph.party_id from party_phones ph where ph.workspace_id = ${ws} and ph.phone = ${phone.e164})
        order by p.display_name limit ${limit}`.execute(ctx.db);
      return rows;
    }
  }
  return null;
}

/** Customer-number-like input (letters then digits) that did not parse: fuzzy matching would only add noise. */
const NUMBER_LIKE = /^[a-z]{0,4}[\s-]*\d[\d\s-]*$/i;
/** How many spellings of each typed word the correction tries, and how alike they must be (trigram similarity). */
const SPELLINGS_PER_WORD = 4;
const MIN_SIMILARITY = 0.35;
/**
 * How many matching records are ranked. A common name matches thousands of records; ranking them all cost up to
 * 180 ms at 1M people, and the box shows ten: past this many matches, the person typing adds a word.
 */
const CANDIDATES = 500;

async function foldedQuery(ctx: Ctx, query: string): Promise<string> {
  const { rows } = await sql<{ text: string }>`select rapport_fold(${query.trim()}) as text`.execute(ctx.db);
  return rows[0]!.text.trim();
}

/** Records containing the query as typed (folded): those whose name starts with it first, then shorter names. */
async function substringMatches(ctx: Ctx, needle: string, limit: number): Promise<Row[]> {
  const escaped = escapeLike(needle);
  const { rows } = await sql<Row>`
    select ${COLUMNS},
      0.6 + 0.3 * (case when p.search_text like ${`${escaped}%`} then 1 else 0 end)
          + 0.1 * length(${needle})::float / greatest(length(p.display_name), 1) as score
    from (
      select * from parties
      where workspace_id = ${ctx.workspaceId} and merged_into_id is null and search_text like ${`%${escaped}%`}
      limit ${CANDIDATES}
    ) p
    order by score desc, p.sort_name
    limit ${limit}`.execute(ctx.db);
  return rows;
}

/**
 * Typo tolerance: each typed word is replaced by the closest words of the workspace's name dictionary
 * (search_words, trigram similarity), and records holding a corrected spelling of every word are returned,
 * scored by how close the corrections are.
 */
async function correctedMatches(ctx: Ctx, needle: string, limit: number): Promise<Row[]> {
  const words = [...new Set(needle.split(/[^a-z0-9]+/).filter((w) => w.length >= 3))].slice(0, 4);
  if (words.length === 0) return [];
  const { rows: spellings } = await sql<{ typed: string; word: string; similarity: number }>`
    select typed, word, similarity from unnest(${words}::text[]) as typed
    cross join lateral (
      select w.word, similarity(w.word, typed) as similarity from search_words w
      where w.workspace_id = ${ctx.workspaceId} and w.word % typed and similarity(w.word, typed) >= ${MIN_SIMILARITY}
      order by similarity desc, w.word limit ${SPELLINGS_PER_WORD}
    ) as close`.execute(ctx.db);
  const byWord = new Map<string, { word: string; similarity: number }[]>();
  for (const s of spellings) byWord.set(s.typed, [...(byWord.get(s.typed) ?? []), { word: s.word, similarity: Number(s.similarity) }]);
  if (byWord.size < words.length) return [];
  // Every typed word must be found through one of its spellings; the score adds up the best spelling found.
  const conditions = words.map(
    (typed) => sql`(${sql.join(byWord.get(typed)!.map((s) => sql`p.search_text like ${`%${escapeLike(s.word)}%`}`), sql` or `)})`,
  );
  const closeness = words.map(
    (typed) =>
      sql`greatest(${sql.join(
        byWord.get(typed)!.map((s) => sql`case when p.search_text like ${`%${escapeLike(s.word)}%`} then ${s.similarity}::float else 0 end`),
      )})`,
  );
  const { rows } = await sql<Row>`
    select ${COLUMNS}, 0.55 * (${sql.join(closeness, sql` + `)}) / ${words.length} as score
    from (
      select * from parties p
      where p.workspace_id = ${ctx.workspaceId} and p.merged_into_id is null and ${sql.join(conditions, sql` and `)}
      limit ${CANDIDATES}
    ) p
    order by score desc, p.sort_name
    limit ${limit}`.execute(ctx.db);
  return rows;
}

async function textMatches(ctx: Ctx, query: string, limit: number): Promise<Row[]> {
  const needle = await foldedQuery(ctx, query);
  if (needle.length < 2) return [];
  const found = await substringMatches(ctx, needle, limit);
  if (found.length >= limit || needle.length < 3 || NUMBER_LIKE.test(query.trim())) return found;
  const seen = new Set(found.map((r) => r.id));
  const corrected = await correctedMatches(ctx, needle, limit);
  return [...found, ...corrected.filter((r) => !seen.has(r.id))].slice(0, limit);
}

export const partySearch: SearchProvider = {
  kind: 'party',
  async search(ctx, query, limit) {
    const rows = (await exactMatches(ctx, query, limit)) ?? (await textMatches(ctx, query, limit));
    return rows.map(hit);
  },
};
