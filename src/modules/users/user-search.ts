/** Users in the global search: by name or email, exact prefixes ranked first. */
import { sql } from 'kysely';
import { scoped } from '../../platform/db/scoped.ts';
import type { SearchProvider } from '../search/search-registry.ts';

export const userSearch: SearchProvider = {
  kind: 'user',
  async search(ctx, query, limit) {
    const needle = query.toLowerCase();
    const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await scoped(ctx.db, ctx.workspaceId)
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .select(
        sql<number>`case when lower(name) = ${needle} or email = ${needle} then 1
                         when lower(name) like ${escaped + '%'} or email like ${escaped + '%'} then 0.8
                         else 0.5 end`.as('score'),
      )
      .where((eb) => eb.or([eb(sql`lower(name)`, 'like', `%${escaped}%`), eb('email', 'like', `%${escaped}%`)]))
      .orderBy('score', 'desc')
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ kind: 'user', id: r.id, title: r.name, subtitle: r.email, url: `/users/${r.id}`, score: Number(r.score) }));
  },
};
