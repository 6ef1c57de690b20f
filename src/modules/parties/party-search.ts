/**
 * People and organisations in the global search. What the box holds decides where to look:
 * - a customer number (with valid check digits) is looked up exactly, absorbed numbers included;
 * - an email, or a phone number in any writing, is matched exactly on every email and phone of every record;
 * - a SIREN or SIRET is matched exactly;
 * - anything else is compared with the folded name, trade and legal names, primary email and customer number:
 *   substring matches first, then typo-tolerant word similarity (pg_trgm), both served by the trigram index.
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
  score: number;
}

const COLUMNS = sql`p.id, p.kind, p.display_name, p.customer_number, p.city, p.email`;

function hit(row: Row): SearchHit {
  const subtitle = [row.customer_number, row.email, row.city].filter(Boolean).join(' · ');
  return {
    kind: row.kind,
    id: row.id,
    title: row.display_name,
    subtitle,
    url: `/${row.kind === 'person' ? 'people' : 'organisations'}/${row.id}`,
    score: Number(row.score),
  };
}

async function exactMatches(ctx: Ctx, query: string, limit: number): Promise<Row[] | null> {
  const ws = ctx.workspaceId;
  const number = parseCustomerNumber(query);
  if (number) {
    const canonical = formatCustomerNumber(number.prefix, number.sequence);
    const { rows } = await sql<Row>`
      select ${COLUMNS}, 1.0 as score from parties p
      where p.workspace_id = ${ws} and (p.customer_number = ${canonical} or p.id in (
        select a.party_id from customer_number_aliases a where a.workspace_id = ${ws} and a.customer_number = ${canonical}))
      limit ${limit}`.execute(ctx.db);
    return rows;
  }
  if (query.includes('@')) {
    const email = query.trim().toLowerCase();
    const { rows } = await sql<Row>`
      select ${COLUMNS}, 1.0 as score from parties p
      where p.workspace_id = ${ws} and p.id in (
        select e.party_id from party_emails e where e.workspace_id = ${ws} and e.email = ${email})
      order by p.display_name limit ${limit}`.execute(ctx.db);
    if (rows.length > 0) return rows;
    return null;
  }
  const digits = query.replace(/[\s./\-()]/g, '');
  if (/^\d{9}$|^\d{14}$/.test(digits)) {
    const { rows } = await sql<Row>`
      select ${COLUMNS}, 1.0 as score from parties p
      where p.workspace_id = ${ws} and (p.siren = ${digits} or p.siret = ${digits})
      order by p.display_name limit ${limit}`.execute(ctx.db);
    if (rows.length > 0) return rows;
  }
  if (/^\+?\d{6,}$/.test(digits)) {
    const phone = normalisePhone(query);
    if (phone.ok) {
      const { rows } = await sql<Row>`
        select ${COLUMNS}, 1.0 as score from parties p
        where p.workspace_id = ${ws} and p.id in (
          select ph.party_id from party_phones ph where ph.workspace_id = ${ws} and ph.phone = ${phone.e164})
        order by p.display_name limit ${limit}`.execute(ctx.db);
      return rows;
    }
  }
  return null;
}

/** Customer-number-like input (letters then digits) that did not parse: fuzzy matching would only add noise. */
const NUMBER_LIKE = /^[a-z]{0,4}[\s-]*\d[\d\s-]*$/i;

async function textMatches(ctx: Ctx, query: string, limit: number): Promise<Row[]> {
  const ws = ctx.workspaceId;
  const { rows: folded } = await sql<{ text: string }>`select rapport_fold(${query.trim()}) as text`.execute(ctx.db);
  const needle = folded[0]!.text.trim();
  if (needle.length < 2) return [];
  const escaped = escapeLike(needle);
  // Substring matches score by whether they start the name and how much of it they cover; typo matches by word
  // similarity, below any substring match.
  const { rows: exact } = await sql<Row>`
    select ${COLUMNS},
      0.6 + 0.3 * (case when p.search_text like ${`${escaped}%`} then 1 else 0 end)
          + 0.1 * length(${needle})::float / greatest(length(p.display_name), 1) as score
    from parties p
    where p.workspace_id = ${ws} and p.search_text like ${`%${escaped}%`}
    order by score desc, p.display_name
    limit ${limit}`.execute(ctx.db);
  if (exact.length >= limit || needle.length < 3 || NUMBER_LIKE.test(query.trim())) return exact;
  const { rows: fuzzy } = await sql<Row>`
    select ${COLUMNS}, 0.55 * word_similarity(${needle}, p.search_text) as score
    from parties p
    where p.workspace_id = ${ws} and ${needle} <% p.search_text
    order by score desc, p.display_name
    limit ${limit}`.execute(ctx.db);
  const seen = new Set(exact.map((r) => r.id));
  return [...exact, ...fuzzy.filter((r) => !seen.has(r.id))].slice(0, limit);
}

export const partySearch: SearchProvider = {
  kind: 'party',
  async search(ctx, query, limit) {
    const rows = (await exactMatches(ctx, query, limit)) ?? (await textMatches(ctx, query, limit));
    return rows.map(hit);
  },
};
