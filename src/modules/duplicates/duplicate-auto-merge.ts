/**
 * Merges without review, for bulk decisions and for workspaces that turned auto-merge on: the more complete
 * record of a pair survives and the fields follow the "most complete" survivorship.
 */
import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { DedupKind } from './dedup-record.ts';
import { mergeParties } from './merge-service.ts';

/**
 * The two records of a pair, the more complete first: more filled columns and contact points; on a tie the older
 * record, whose customer number people have been using longer.
 */
export async function survivorFirst(ctx: Ctx, aId: string, bId: string): Promise<[string, string]> {
  const { rows } = await sql<{ id: string }>`
    select p.id from parties p
    where p.workspace_id = ${ctx.workspaceId} and p.id in (${aId}, ${bId})
    order by num_nonnulls(p.first_name, p.last_name, p.civility, p.birth_date, p.gender, p.language, p.legal_name,
               p.trade_name, p.siren, p.siret, p.naf_code, p.website, p.notes, p.email, p.phone, p.postcode, p.city,
               p.external_id, p.owner_id)
             + (select count(*) from party_emails e where e.workspace_id = p.workspace_id and e.party_id = p.id)
             + (select count(*) from party_phones t where t.workspace_id = p.workspace_id and t.party_id = p.id)
             + (select count(*) from party_addresses d where d.workspace_id = p.workspace_id and d.party_id = p.id) desc,
             p.created_at, p.id`.execute(ctx.db);
  return rows.length === 2 ? [rows[0]!.id, rows[1]!.id] : [aId, bId];
}

/** Merges one pair keeping the more complete record; the candidate, when given, becomes `merged`. */
export async function mergeMoreComplete(ctx: Ctx, aId: string, bId: string, candidateId?: string): Promise<void> {
  const [survivorId, absorbedId] = await survivorFirst(ctx, aId, bId);
  await mergeParties(ctx, { survivorId, absorbedId, strategy: 'most_complete', candidateId });
}

/**
 * Merges the open pairs of a kind scoring at least `threshold`, best first. A pair whose record was absorbed by
 * an earlier merge of the run is left for the next scan, which will see the survivor. A refused merge (a record
 * the system may not change) leaves its pair open for people to decide. Returns how many merges were made.
 */
export async function autoMergePairs(outer: Ctx, kind: DedupKind, threshold: number): Promise<number> {
  return inTransaction(outer, (ctx) => mergeOpenPairs(ctx, kind, threshold));
}

async function mergeOpenPairs(ctx: Ctx, kind: DedupKind, threshold: number): Promise<number> {
  const candidates = await sql<{ id: string; party_a: string; party_b: string }>`
    select id, party_a, party_b from duplicate_candidates
    where workspace_id = ${ctx.workspaceId} and kind = ${kind} and status = 'open' and score >= ${threshold}
    order by score desc, id`.execute(ctx.db);
  const touched = new Set<string>();
  let merged = 0;
  for (const candidate of candidates.rows) {
    if (touched.has(candidate.party_a) || touched.has(candidate.party_b)) continue;
    await sql`savepoint auto_merge`.execute(ctx.db);
    try {
      await mergeMoreComplete(ctx, candidate.party_a, candidate.party_b, candidate.id);
      await sql`release savepoint auto_merge`.execute(ctx.db);
      touched.add(candidate.party_a);
      touched.add(candidate.party_b);
      merged += 1;
    } catch {
      await sql`rollback to savepoint auto_merge`.execute(ctx.db);
    }
  }
  return merged;
}
