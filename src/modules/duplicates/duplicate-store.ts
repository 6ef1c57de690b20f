/**
 * Reading records for detection and writing the pairs found: the select that gives a record with its primary
 * contact points, and the multi-row upsert of candidates (a pair already decided keeps its decision).
 */
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { DedupInput, DedupKind } from './dedup-record.ts';
import type { FieldComparison } from './score.ts';

export interface DedupRow {
  id: string;
  kind: DedupKind;
  first_name: string | null;
  last_name: string | null;
  legal_name: string | null;
  trade_name: string | null;
  birth_date: string | null;
  email: string | null;
  phone: string | null;
  line1: string | null;
  postcode: string | null;
  city: string | null;
  siret: string | null;
  siren: string | null;
  external_id: string | null;
  website: string | null;
  name_key: string | null;
  import_id: string | null;
}

/**
 * The select list and joins of a live record with its primary address line, for `from parties p`. The e-mail,
 * phone, postcode and city are the primary ones the parties row carries already.
 */
export const RECORD_COLUMNS = sql`
  p.id, p.kind, p.first_name, p.last_name, p.legal_name, p.trade_name, p.birth_date::text as birth_date, p.email,
  p.phone, addr.line1, p.postcode, p.city, p.siret, p.siren, p.external_id, p.website, p.name_key, p.import_id`;

export const RECORD_JOIN = sql`
  left join party_addresses addr on addr.workspace_id = p.workspace_id and addr.party_id = p.id and addr.position = 0`;

/** Only records that still stand: neither erased nor merged into another. */
export const LIVE = sql`p.erased_at is null and p.merged_into_id is null`;

/** A row of the select above as detection reads it. */
export function inputOfRow(row: DedupRow): DedupInput {
  return {
    id: row.id,
    kind: row.kind,
    firstName: row.first_name,
    lastName: row.last_name,
    legalName: row.legal_name,
    tradeName: row.trade_name,
    birthDate: row.birth_date,
    email: row.email,
    phone: row.phone,
    line1: row.line1,
    postcode: row.postcode,
    city: row.city,
    siret: row.siret,
    siren: row.siren,
    externalId: row.external_id,
    website: row.website,
    nameKey: row.name_key,
  };
}

export interface FoundPair {
  a: string;
  b: string;
  score: number;
  fields: FieldComparison[];
}

const ROWS_PER_INSERT = 500;

/**
 * Writes pairs (in any order of ids) with multi-row inserts. A pair already stored gets its new score and
 * explanation but keeps its status: an ignored pair stays ignored, a merged one merged.
 */
export async function upsertCandidates(
  ctx: Ctx,
  kind: DedupKind,
  pairs: readonly FoundPair[],
  source: 'scan' | 'create' | 'import',
  importId: string | null = null,
): Promise<void> {
  for (let start = 0; start < pairs.length; start += ROWS_PER_INSERT) {
    const values: RawBuilder<unknown>[] = pairs.slice(start, start + ROWS_PER_INSERT).map((pair) => {
      const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
      const fields = pair.a < pair.b ? pair.fields : pair.fields.map((f) => ({ ...f, a: f.b, b: f.a }));
      return sql`(${ctx.workspaceId}::uuid, ${randomUUID()}::uuid, ${kind}, ${a}::uuid, ${b}::uuid, ${pair.score}, ${JSON.stringify(fields)}::jsonb, ${source}, ${importId}::uuid)`;
    });
    await sql`
      insert into duplicate_candidates (workspace_id, id, kind, party_a, party_b, score, fields, source, import_id)
      values ${sql.join(values)}
      on conflict (workspace_id, party_a, party_b) do update set score = excluded.score, fields = excluded.fields`.execute(ctx.db);
  }
}
