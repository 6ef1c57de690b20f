import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, NonBlankString } from '../../platform/http/schemas.ts';
import { getWorkspace, renameWorkspace, type Workspace } from './workspace-service.ts';

export const WorkspaceOut = Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String() });

export function presentWorkspace(w: Workspace) {
  return { id: w.id, name: w.name, slug: w.slug };
}

export const workspaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/workspace',
    {
      config: { access: 'workspace:read' },
      schema: { tags: ['workspace'], summary: 'The current workspace', response: { 200: WorkspaceOut, ...ERROR_RESPONSES } },
    },
    async (request) => presentWorkspace(await getWorkspace(requireAuth(request).ctx)),
  );

  app.patch(
    '/api/workspace',
    {
      config: { access: 'workspace:manage' },
      schema: {
        tags: ['workspace'],
        summary: 'Rename the workspace',
        body: Type.Object(
          { name: NonBlankString(120) },
          { additionalProperties: false, examples: [{ name: 'Boulangerie Martin' }] },
        ),
        response: { 200: WorkspaceOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentWorkspace(await renameWorkspace(requireAuth(request).ctx, { name: request.body.name.trim() })),
  );
};
