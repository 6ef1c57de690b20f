/**
 * Alerts on a customer: raised and listed per customer, resolved one by one, and listed for the whole workspace
 * (what managers watch: every open dispute, every unpaid invoice…).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.ts';
import { listAlerts, listPartyAlerts, raiseAlert, resolveAlert } from './alert-service.ts';
import { AlertListQuery, AlertOut, AlertRaise, AlertResolve } from './alert-schemas.ts';

export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/parties/:id/alerts',
    {
      config: { access: 'customers:read', resource: 'party' },
      schema: {
        tags: ['alerts'],
        summary: "A customer's alerts, open ones first, with who raised and resolved them and when",
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(AlertOut) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ data: await listPartyAlerts(requireAuth(request).ctx, request.params.id) }),
  );

  app.post(
    '/api/parties/:id/alerts',
    {
      config: { access: 'customers:write', resource: 'party' },
      schema: {
        tags: ['alerts'],
        summary: 'Raise an alert on a customer: dispute, unpaid invoice, sensitive complaint, VIP care, other',
        params: IdParams,
        body: AlertRaise,
        response: { 201: AlertOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const alert = await raiseAlert(requireAuth(request).ctx, request.params.id, request.body);
      reply.status(201);
      return alert;
    },
  );

  app.post(
    '/api/alerts/:id/resolve',
    {
      config: { access: 'customers:write', resource: 'alert' },
      schema: {
        tags: ['alerts'],
        summary: 'Resolve an open alert, saying how it ended',
        params: IdParams,
        body: AlertResolve,
        response: { 200: AlertOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => resolveAlert(requireAuth(request).ctx, request.params.id, request.body),
  );

  app.get(
    '/api/alerts',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts across the workspace with their customers, newest first; open=true for the open ones',
        querystring: AlertListQuery,
        response: { 200: Page(AlertOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => listAlerts(requireAuth(request).ctx, request.query),
  );
};
