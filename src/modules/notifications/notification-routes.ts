/**
 * /api/notifications: the signed-in user's own notifications (task reminders…), unread first, and marking them
 * read. Registered by the tasks capability, whose reminders are the first to produce them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.ts';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from './notification-service.ts';
import { NotificationListOut, NotificationOut } from './notification-schemas.ts';

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { access: 'profile:read' },
      schema: {
        tags: ['notifications'],
        summary: 'My latest notifications, unread first, with the number unread',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })) }, { additionalProperties: false }),
        response: { 200: NotificationListOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => listMyNotifications(requireAuth(request).ctx, request.query.limit),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'profile:write', resource: 'notification' },
      schema: { tags: ['notifications'], summary: 'Mark one of my notifications read', params: IdParams, response: { 200: NotificationOut, ...ERROR_RESPONSES } },
    },
    async (request) => markNotificationRead(requireAuth(request).ctx, request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'profile:write' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: Type.Object({ marked: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => markAllNotificationsRead(requireAuth(request).ctx),
  );
};
