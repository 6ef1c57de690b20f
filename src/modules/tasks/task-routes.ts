/**
 * /api/tasks (planned calls, visits, emails, to-dos and appointments), /api/my-day and /api/agenda; the
 * notifications reminders produce are served by the notifications capability registered here.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.ts';
import { notificationRoutes } from '../notifications/notification-routes.ts';
import { agenda, myDay } from './planning-service.ts';
import { cancelTask, completeTask, createTask, deleteTask, getTask, listTasks, updateTask } from './task-service.ts';
import { AgendaOut, AgendaQuery, CompleteOut, MyDayOut, TaskCreate, TaskListQuery, TaskOut, TaskUpdate } from './task-schemas.ts';

export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tasks',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['tasks'],
        summary: 'List tasks by due time: by assignee (an id or me), status, customer, order, case, kind, priority, due range, overdue',
        querystring: TaskListQuery,
        response: { 200: Page(TaskOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => listTasks(requireAuth(request).ctx, request.query),
  );

  app.post(
    '/api/tasks',
    {
      config: { access: 'customers:write' },
      schema: {
        tags: ['tasks'],
        summary: 'Plan a call, visit, email, to-do or appointment, maybe recurring, maybe with a reminder',
        body: TaskCreate,
        response: { 201: TaskOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const task = await createTask(requireAuth(request).ctx, request.body);
      reply.status(201);
      return task;
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { access: 'customers:read', resource: 'task' },
      schema: { tags: ['tasks'], summary: 'One task', params: IdParams, response: { 200: TaskOut, ...ERROR_RESPONSES } },
    },
    async (request) => getTask(requireAuth(request).ctx, request.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { access: 'customers:write', resource: 'task' },
      schema: {
        tags: ['tasks'],
        summary: 'Change a task; answers 409 with the current task when it changed since you read it',
        params: IdParams,
        body: TaskUpdate,
        response: { 200: TaskOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => updateTask(requireAuth(request).ctx, request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/complete',
    {
      config: { access: 'customers:write', resource: 'task' },
      schema: {
        tags: ['tasks'],
        summary: 'Mark an open task done; a recurring one gets its next occurrence (in next)',
        params: IdParams,
        response: { 200: CompleteOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => completeTask(requireAuth(request).ctx, request.params.id),
  );

  app.post(
    '/api/tasks/:id/cancel',
    {
      config: { access: 'customers:write', resource: 'task' },
      schema: {
        tags: ['tasks'],
        summary: 'Cancel an open task; a recurring series goes on with its next occurrence unless endSeries=true',
        params: IdParams,
        querystring: Type.Object({ endSeries: Type.Optional(Type.Boolean({ default: false })) }, { additionalProperties: false }),
        response: { 200: CompleteOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => cancelTask(requireAuth(request).ctx, request.params.id, { endSeries: request.query.endSeries }),
  );

  app.delete(
    '/api/tasks/:id',
    {
      config: { access: 'customers:write', resource: 'task' },
      schema: { tags: ['tasks'], summary: 'Delete a task entered by mistake', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await deleteTask(requireAuth(request).ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/my-day',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['tasks'],
        summary: "My overdue tasks, today's tasks and appointments (Paris day), the next 7 days, and what I completed today",
        response: { 200: MyDayOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => myDay(requireAuth(request).ctx),
  );

  app.get(
    '/api/agenda',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['tasks'],
        summary: 'Tasks between two days (at most 62), with future occurrences of recurring series marked projected',
        querystring: AgendaQuery,
        response: { 200: AgendaOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => agenda(requireAuth(request).ctx, request.query),
  );

  await app.register(notificationRoutes);
};
