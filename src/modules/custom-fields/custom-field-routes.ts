import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, NonBlankString, StringEnum, Timestamp, NullableTimestamp } from '../../platform/http/schemas.ts';
import { createCustomField, listCustomFields, updateCustomField, type CustomField } from './custom-field-service.ts';
import { CUSTOM_FIELD_TYPES } from './custom-field-values.ts';

const Entity = StringEnum(['person', 'organisation'] as const);

const CustomFieldOut = Type.Object({
  id: Type.String(),
  entity: Type.String(),
  key: Type.String(),
  label: Type.String(),
  type: StringEnum(CUSTOM_FIELD_TYPES),
  options: Type.Array(Type.String()),
  purpose: Type.String(),
  sensitive: Type.Boolean(),
  position: Type.Integer(),
  archivedAt: NullableTimestamp,
  createdAt: Timestamp,
});

function present(field: CustomField) {
  return {
    id: field.id,
    entity: field.entity,
    key: field.key,
    label: field.label,
    type: field.type as (typeof CUSTOM_FIELD_TYPES)[number],
    options: field.options,
    purpose: field.purpose,
    sensitive: field.sensitive,
    position: field.position,
    archivedAt: field.archived_at ? new Date(field.archived_at).toISOString() : null,
    createdAt: new Date(field.created_at).toISOString(),
  };
}

const Option = Type.String({ minLength: 1, maxLength: 100 });

export const customFieldRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/custom-fields',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['custom fields'],
        summary: 'Custom fields of people and organisations',
        querystring: Type.Object(
          { entity: Type.Optional(Entity), includeArchived: Type.Optional(Type.Boolean({ default: false })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ data: Type.Array(CustomFieldOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const fields = await listCustomFields(requireAuth(request).ctx, request.query.entity, request.query.includeArchived);
      return { data: fields.map(present) };
    },
  );

  app.post(
    '/api/custom-fields',
    {
      config: { access: 'customers:configure' },
      schema: {
        tags: ['custom fields'],
        summary: 'Add a custom field; state the purpose it serves',
        body: Type.Object(
          {
            entity: Entity,
            label: NonBlankString(80),
            key: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Derived from the label when absent' })),
            type: StringEnum(CUSTOM_FIELD_TYPES),
            options: Type.Optional(Type.Array(Option, { maxItems: 100 })),
            purpose: NonBlankString(300),
            sensitive: Type.Optional(Type.Boolean()),
          },
          {
            additionalProperties: false,
            examples: [
              {
                entity: 'person',
                label: 'Taille de vêtement',
                type: 'choice',
                options: ['XS', 'S', 'M', 'L', 'XL'],
                purpose: 'Proposer les bonnes tailles dans les offres',
              },
            ],
          },
        ),
        response: { 201: CustomFieldOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const field = await createCustomField(requireAuth(request).ctx, request.body);
      reply.status(201);
      return present(field);
    },
  );

  app.patch(
    '/api/custom-fields/:id',
    {
      config: { access: 'customers:configure', resource: 'custom_field' },
      schema: {
        tags: ['custom fields'],
        summary: 'Change a custom field (its key and type stay), archive or restore it',
        params: IdParams,
        body: Type.Object(
          {
            label: Type.Optional(NonBlankString(80)),
            options: Type.Optional(Type.Array(Option, { maxItems: 100 })),
            purpose: Type.Optional(NonBlankString(300)),
            sensitive: Type.Optional(Type.Boolean()),
            position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
            archived: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1, examples: [{ sensitive: true }] },
        ),
        response: { 200: CustomFieldOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => present(await updateCustomField(requireAuth(request).ctx, request.params.id, request.body)),
  );
};
