/**
 * Custom fields an admin adds to people or organisations. Each has a key (the name of its value in
 * parties.custom and in the API), a label, a type, options for choices, and the purpose it serves: data
 * protection asks to collect only what serves a stated purpose. Fields marked sensitive are shown only to roles
 * allowed to read sensitive data and are kept out of the change log. A field is archived, not deleted: its
 * values stay until an admin clears them.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { CustomFieldsTable } from '../../platform/db/schema.ts';
import { scoped } from '../../platform/db/scoped.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordChange } from '../../platform/events/change-log.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { keyFromLabel, type CustomFieldDefinition, type CustomFieldType } from './custom-field-values.ts';
import { WorkspaceCache } from '../../platform/cache/workspace-cache.ts';

export type CustomField = Selectable<CustomFieldsTable>;
export type CustomFieldEntity = 'person' | 'organisation';

export interface CustomFieldFull extends CustomFieldDefinition {
  id: string;
  label: string;
  sensitive: boolean;
}

const MAX_FIELDS_PER_ENTITY = 200;

export async function listCustomFields(ctx: Ctx, entity?: CustomFieldEntity, includeArchived = false): Promise<CustomField[]> {
  let query = scoped(ctx.db, ctx.workspaceId).selectFrom('custom_fields').selectAll();
  if (entity) query = query.where('entity', '=', entity);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('entity').orderBy('position').orderBy('label').execute();
}

const definitions = new WorkspaceCache<Map<string, CustomFieldFull>>(['custom_field']);

/**
 * The active fields of one entity by key, as value checks and presenters need them; remembered per process for
 * a few seconds (see WorkspaceCache). Never call it in a transaction that changes custom fields.
 */
export function customFieldMap(ctx: Ctx, entity: CustomFieldEntity): Promise<Map<string, CustomFieldFull>> {
  return definitions.get(ctx.workspaceId, entity, async () => {
    const fields = await listCustomFields(ctx, entity);
    return new Map(
      fields.map((f) => [f.key, { id: f.id, key: f.key, label: f.label, type: f.type as CustomFieldType, options: f.options, sensitive: f.sensitive }]),
    );
  });
}

function checkOptions(type: CustomFieldType, options: readonly string[]): string[] {
  const cleaned = [...new Set(options.map((o) => o.trim()).filter((o) => o !== ''))];
  const needsOptions = type === 'choice' || type === 'multi_choice';
  if (needsOptions && cleaned.length < 2) throw validationError('body.options', 'must list at least two choices');
  if (!needsOptions && cleaned.length > 0) throw validationError('body.options', `must be empty for a ${type} field`);
  return cleaned;
}

export interface CreateCustomFieldOptions {
  entity: CustomFieldEntity;
  label: string;
  key?: string;
  type: CustomFieldType;
  options?: string[];
  purpose: string;
  sensitive?: boolean;
}

export async function createCustomField(ctx: Ctx, input: CreateCustomFieldOptions): Promise<CustomField> {
  const key = input.key ?? keyFromLabel(input.label);
  const options = checkOptions(input.type, input.options ?? []);
  return inTransaction(ctx, async (tx) => {
    const fields = scoped(tx.db, tx.workspaceId);
    const existing = await fields
      .selectFrom('custom_fields')
      .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(max(position), 0)::int`.as('last')])
      .where('entity', '=', input.entity)
      .executeTakeFirstOrThrow();
    if (existing.n >= MAX_FIELDS_PER_ENTITY) throw new AppError('conflict', `At most ${MAX_FIELDS_PER_ENTITY} custom fields per kind of record`);
    const taken = await fields.selectFrom('custom_fields').select('id').where('entity', '=', input.entity).where('key', '=', key).executeTakeFirst();
    if (taken) throw new AppError('conflict', `A custom field with key ${key} already exists`, [{ field: 'body.key', rule: 'must be unique per kind of record' }]);
    const field = await fields
      .insertInto('custom_fields', [
        {
          id: randomUUID(),
          entity: input.entity,
          key,
          label: input.label.trim(),
          type: input.type,
          options,
          purpose: input.purpose.trim(),
          sensitive: input.sensitive ?? false,
          position: existing.last + 1,
        },
      ])
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'custom_field', entityId: field.id, action: 'create', after: field });
    return field;
  });
}

export interface UpdateCustomFieldOptions {
  label?: string;
  options?: string[];
  purpose?: string;
  sensitive?: boolean;
  position?: number;
  archived?: boolean;
}

/** Changes a field; its key and type stay. A choice still used by a record cannot be removed. */
export async function updateCustomField(ctx: Ctx, id: string, changes: UpdateCustomFieldOptions): Promise<CustomField> {
  return inTransaction(ctx, async (tx) => {
    const fields = scoped(tx.db, tx.workspaceId);
    const before = await fields.selectFrom('custom_fields').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Custom field');
    let options = before.options;
    if (changes.options !== undefined) {
      options = checkOptions(before.type as CustomFieldType, changes.options);
      const removed = before.options.filter((o) => !options.includes(o));
      for (const option of removed) {
        const used = await scoped(tx.db, tx.workspaceId)
          .selectFrom('parties')
          .select('id')
          .where('kind', '=', before.entity)
          .where(sql<boolean>`(custom -> ${before.key}) @> ${JSON.stringify(option)}::jsonb`)
          .limit(1)
          .executeTakeFirst();
        if (used) {
          throw new AppError('conflict', `The choice "${option}" is still used by some records`, [
            { field: 'body.options', rule: `must keep "${option}" while records use it` },
          ]);
        }
      }
    }
    const after = await fields
      .updateTable('custom_fields')
      .set({
        ...(changes.label !== undefined ? { label: changes.label.trim() } : {}),
        ...(changes.purpose !== undefined ? { purpose: changes.purpose.trim() } : {}),
        ...(changes.sensitive !== undefined ? { sensitive: changes.sensitive } : {}),
        ...(changes.position !== undefined ? { position: changes.position } : {}),
        ...(changes.archived !== undefined ? { archived_at: changes.archived ? (before.archived_at ?? new Date()) : null } : {}),
        options,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, { entity: 'custom_field', entityId: id, action: 'update', before, after });
    return after;
  });
}
