/**
 * Workspaces: one per company using Rapport. The first start of an empty database creates one with its admin.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction, SYSTEM_ACTOR, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { notFound } from '../../platform/errors.ts';
import { generatePassword } from '../../platform/auth/secrets.ts';
import { createUser } from '../users/user-service.ts';

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  updated_at: Date;
}

/** A URL-safe slug from a name: lower case, accents dropped, dashes between words. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'workspace';
}

export interface CreateWorkspaceOptions {
  name: string;
  adminEmail: string;
  adminName?: string;
  adminPassword: string;
}

/** Creates a workspace and its first admin in one transaction. */
export async function createWorkspace(db: Kysely<DB>, options: CreateWorkspaceOptions) {
  const id = randomUUID();
  const ctx: Ctx = { db, workspaceId: id, actor: SYSTEM_ACTOR };
  return inTransaction(ctx, async (tx) => {
    const base = slugify(options.name);
    const taken = await tx.db.selectFrom('workspaces').select('slug').where('slug', 'like', `${base}%`).execute();
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    const workspace = await tx.db
      .insertInto('workspaces')
      .values({ id, name: options.name, slug })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'workspace', entityId: id, action: 'create', after: workspace });
    const admin = await createUser(tx, {
      email: options.adminEmail,
      name: options.adminName ?? 'Admin',
      role: 'admin',
      password: options.adminPassword,
    });
    return { workspace, admin };
  });
}

export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Set only when the password was generated, so it can be printed once. */
  generatedPassword?: string;
}

/** On first start with an empty database, creates the workspace and admin from the configuration. */
export async function bootstrapWorkspace(
  db: Kysely<DB>,
  options: { workspaceName: string; adminEmail: string; adminPassword: string | null },
): Promise<BootstrapResult> {
  const existing = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false };
  const password = options.adminPassword ?? generatePassword();
  await createWorkspace(db, { name: options.workspaceName, adminEmail: options.adminEmail, adminPassword: password });
  return {
    created: true,
    email: options.adminEmail,
    ...(options.adminPassword ? {} : { generatedPassword: password }),
  };
}

export async function getWorkspace(ctx: Ctx): Promise<Workspace> {
  const workspace = await ctx.db.selectFrom('workspaces').selectAll().where('id', '=', ctx.workspaceId).executeTakeFirst();
  if (!workspace) throw notFound('Workspace');
  return workspace;
}

export async function renameWorkspace(ctx: Ctx, options: { name: string }): Promise<Workspace> {
  return inTransaction(ctx, async (tx) => {
    const before = await getWorkspace(tx);
    const after = await tx.db
      .updateTable('workspaces')
      .set({ name: options.name, updated_at: new Date() })
      .where('id', '=', tx.workspaceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'workspace', entityId: tx.workspaceId, action: 'update', before, after });
    return after;
  });
}
