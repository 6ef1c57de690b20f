/**
 * The list conventions, defined once: `limit` (1–200, 50 by default), an opaque `cursor` from the previous
 * page's `nextCursor`, and `sort` as a field name with an optional `-` for descending. Pages are keyset-based
 * (sort value, then id), so they stay fast and stable however deep the client goes.
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })),
  cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'nextCursor of the previous page' })),
};

/** The `sort` query parameter accepting each field ascending or, with a leading `-`, descending. */
export function SortQuery<const F extends string>(fields: readonly F[], defaultSort: F | `-${F}`) {
  const values = fields.flatMap((f) => [f, `-${f}`]);
  return Type.Optional(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { default: defaultSort, description: `One of ${values.join(', ')}` },
    ),
  );
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
  sort?: string;
}

export interface PageOptions {
  /** Sort field name (as the client writes it) → SQL column reference, or an expression that is never null. */
  sortColumns: Record<string, string | RawBuilder<unknown>>;
  defaultSort: string;
  /** SQL reference of the unique tie-breaker, such as `users.id`. */
  idColumn: string;
}

export interface PageResult<Row> {
  data: Row[];
  nextCursor: string | null;
}

/** An opaque cursor naming the sort field, the last value and the last id of a page. */
export function encodeCursor(sortField: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sortField, value, id])).toString('base64url');
}

function invalidCursor(): AppError {
  return new AppError('invalid_cursor', 'query.cursor is not a cursor this API issued', [
    { field: 'query.cursor', rule: 'must be the nextCursor of a previous page' },
  ]);
}

/** The value and id a cursor of `sortField` holds; a 400 naming query.cursor when it is not one of ours. */
export function decodeCursor(cursor: string, sortField: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === sortField &&
    typeof parsed[1] === 'string' &&
    typeof parsed[2] === 'string';
  if (!valid) {
    throw new AppError('invalid_cursor', 'query.cursor does not belong to this list and sort order', [
      { field: 'query.cursor', rule: 'must be the nextCursor of a previous page with the same sort' },
    ]);
  }
  const [, value, id] = parsed as [string, string, string];
  return [value, id];
}

/** Applies sort, cursor and limit to a query and returns one page. */
export async function paginate<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  request: PageRequest,
  options: PageOptions,
): Promise<PageResult<Row>> {
  const sortParam = request.sort ?? options.defaultSort;
  const descending = sortParam.startsWith('-');
  const sortField = descending ? sortParam.slice(1) : sortParam;
  const column = options.sortColumns[sortField];
  if (!column) throw new AppError('validation_failed', `query.sort cannot sort by ${sortField}`);
  const limit = Math.min(request.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const col = typeof column === 'string' ? sql.ref(column) : column;
  const id = sql.ref(options.idColumn);

  let q = query;
  if (request.cursor) {
    const [value, lastId] = decodeCursor(request.cursor, sortField);
    q = descending ? q.where(sql<boolean>`(${col}, ${id}) < (${value}, ${lastId})`) : q.where(sql<boolean>`(${col}, ${id}) > (${value}, ${lastId})`);
  }
  const direction = descending ? sql`desc` : sql`asc`;
  // The cursor keeps the sort value as PostgreSQL prints it, so timestamps keep their microseconds.
  const rows = (await q
    .select([sql<string>`${col}::text`.as('__sort_value'), sql<string>`${id}::text`.as('__sort_id')])
    .orderBy(sql`${col} ${direction}`)
    .orderBy(sql`${id} ${direction}`)
    .limit(limit + 1)
    .execute()
    .catch((error: unknown) => {
      // A forged cursor whose values do not fit the column types fails in the database as a data exception.
      const code = (error as { code?: unknown }).code;
      if (request.cursor && typeof code === 'string' && code.startsWith('22')) throw invalidCursor();
      throw error;
    })) as (Row & { __sort_value: string; __sort_id: string })[];
  const last = rows[limit - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sortField, last.__sort_value, last.__sort_id) : null;
  const data = rows.slice(0, limit).map(({ __sort_value, __sort_id, ...row }) => row as unknown as Row);
  return { data, nextCursor };
}
