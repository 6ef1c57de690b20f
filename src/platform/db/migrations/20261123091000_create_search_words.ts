import { sql, type Kysely } from 'kysely';

// The words of every party's names, folded, once per workspace: the dictionary typo-tolerant search corrects a
// query against (a few thousand words, where comparing with a million records' texts would be slow), before
// looking the corrected words up in parties.search_text. Statement-level triggers keep it filled from any insert
// or rename, one set-based statement per write, bulk loads included. Words are never removed: one left behind by
// a rename only costs a lookup that finds nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table search_words (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      word text not null,
      primary key (workspace_id, word)
    )`.execute(db);
  await sql`create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops)`.execute(db);
  await sql`
    create function rapport_collect_search_words() returns trigger language plpgsql as $$
    begin
      insert into search_words (workspace_id, word)
      select distinct changed.workspace_id, word
      from changed
      cross join lateral regexp_split_to_table(
        rapport_fold(changed.display_name || ' ' || coalesce(changed.legal_name, '') || ' ' || coalesce(changed.trade_name, '')),
        '[^a-z0-9]+') as word
      where length(word) >= 3
      on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger parties_search_words_insert after insert on parties
    referencing new table as changed for each statement execute function rapport_collect_search_words()`.execute(db);
  await sql`
    create trigger parties_search_words_update after update on parties
    referencing new table as changed for each statement execute function rapport_collect_search_words()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger parties_search_words_update on parties`.execute(db);
  await sql`drop trigger parties_search_words_insert on parties`.execute(db);
  await sql`drop function rapport_collect_search_words()`.execute(db);
  await sql`drop table search_words`.execute(db);
}
