import { sql, type Kysely } from 'kysely';

// Search compares texts folded to lower case without accents, apostrophes and hyphens read as spaces
// ('D’Arc', "d'arc" and 'Jean-Paul' / 'jean paul' meet). unaccent() is not immutable, so it cannot feed an
// index; this function folds the Latin letters French and its neighbours use, and is immutable. pg_trgm gives
// typo-tolerant matching (trigram similarity) with GIN indexes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create function rapport_fold(value text) returns text
    language sql immutable parallel safe strict
    return replace(replace(replace(translate(lower(value),
      'àáâãäåāăąçćčďèéêëēĕėęěìíîïĩīįłñńňòóôõöøōőŕřśšşťùúûüũūůűųýÿžźż''’‘-',
      'aaaaaaaaacccdeeeeeeeeeiiiiiiilnnnoooooooorrssstuuuuuuuuuyyzzz    '), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function rapport_fold(text)`.execute(db);
}
