/**
 * The API shapes of planned work: tasks (calls, visits, emails, to-dos, appointments), "my day" and the agenda.
 * Due times and recurrence rules need more than a JSON schema and are read by `task-input.ts`, which names the
 * field and the rule like the schema validator does.
 */
import { Type, type Static } from 'typebox';
import { NonBlankString, NullableTimestamp, StringEnum, Timestamp } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES, type TaskKind, type TaskPriority, type TaskStatus } from './task-reference.ts';

export { TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES, type TaskKind, type TaskPriority, type TaskStatus };

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (a day in Paris)' });

const DUE_AT_DESCRIPTION =
  'When it is due: 2026-03-02T09:30 (Paris time), an instant with its offset (2026-03-02T08:30:00Z), or a date alone for an all-day task';

/** Fields a task is created with, all but kind, title and due time optional. */
const TaskFields = {
  kind: StringEnum(TASK_KINDS),
  title: NonBlankString(200),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  partyId: Type.Optional(Nullable(Uuid)),
  orderId: Type.Optional(Nullable(Uuid)),
  caseId: Type.Optional(Nullable(Uuid)),
  assigneeId: Type.Optional(Type.String({ format: 'uuid', description: 'An active user of the workspace; the creator by default' })),
  dueAt: Type.String({ minLength: 1, maxLength: 40, description: DUE_AT_DESCRIPTION }),
  allDay: Type.Optional(Type.Boolean({ description: 'True for a day without a time; a date alone in dueAt implies it' })),
  durationMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1440, description: 'Length of an appointment or visit' }))),
  priority: Type.Optional(StringEnum(TASK_PRIORITIES, { default: 'normal' })),
  recurrence: Type.Optional(
    Nullable(
      Type.String({
        maxLength: 200,
        description: 'RRULE subset: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL',
      }),
    ),
  ),
  remindBeforeMinutes: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 40_320, description: 'Minutes before the due time (09:00 of the day for all-day tasks)' })),
  ),
};

export const TaskCreate = Type.Object(TaskFields, {
  additionalProperties: false,
  examples: [
    {
      kind: 'visit',
      title: 'Visite mensuelle du magasin',
      dueAt: '2026-12-01T09:00',
      durationMinutes: 60,
      priority: 'normal',
      recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1',
      remindBeforeMinutes: 60,
    },
  ],
});
export type TaskCreateBody = Static<typeof TaskCreate>;

export const TaskUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; a stale one answers 409 with the current task' }),
    kind: Type.Optional(TaskFields.kind),
    title: Type.Optional(TaskFields.title),
    notes: TaskFields.notes,
    partyId: TaskFields.partyId,
    orderId: TaskFields.orderId,
    caseId: TaskFields.caseId,
    assigneeId: TaskFields.assigneeId,
    dueAt: Type.Optional(TaskFields.dueAt),
    allDay: TaskFields.allDay,
    durationMinutes: TaskFields.durationMinutes,
    priority: Type.Optional(StringEnum(TASK_PRIORITIES)),
    recurrence: TaskFields.recurrence,
    remindBeforeMinutes: TaskFields.remindBeforeMinutes,
  },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, dueAt: '2026-12-02T14:00', priority: 'high' }] },
);
export type TaskUpdateBody = Static<typeof TaskUpdate>;

const PartyRef = Type.Object({
  id: Type.String(),
  kind: StringEnum(['person', 'organisation'] as const),
  displayName: Type.String(),
  customerNumber: Type.String(),
  activeAlerts: Type.Array(Type.String()),
});
const UserRef = Type.Object({ id: Type.String(), name: Type.String() });

export const TaskOut = Type.Object({
  id: Type.String({ description: 'For a projected occurrence: the id of the stored task it repeats, followed by @ and its due time' }),
  kind: StringEnum(TASK_KINDS),
  title: Type.String(),
  notes: Nullable(Type.String()),
  party: Nullable(PartyRef),
  orderId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  assignee: UserRef,
  dueAt: Timestamp,
  dueLocal: Type.String({ description: 'The due time in Paris, YYYY-MM-DDTHH:mm' }),
  dueDate: Type.String({ description: 'The due day in Paris, YYYY-MM-DD' }),
  allDay: Type.Boolean(),
  durationMinutes: Nullable(Type.Integer()),
  priority: StringEnum(TASK_PRIORITIES),
  status: StringEnum(TASK_STATUSES),
  completedAt: NullableTimestamp,
  overdue: Type.Boolean({ description: 'Open and due before now (all-day tasks: before today, Paris)' }),
  recurrence: Nullable(Type.String()),
  seriesId: Nullable(Type.String()),
  remindBeforeMinutes: Nullable(Type.Integer()),
  remindAt: NullableTimestamp,
  projected: Type.Boolean({ description: 'A future occurrence of a recurring series, computed from its rule and not stored' }),
  projectedFrom: Nullable(Type.String({ description: 'With projected: the stored task of the series it repeats' })),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TaskOutput = Static<typeof TaskOut>;

export const CompleteOut = Type.Object({
  task: TaskOut,
  // The next occurrence of a recurring series, created by this completion or cancellation.
  next: Nullable(TaskOut),
});

export const TASK_SORT = { dueAt: 'tasks.due_at', createdAt: 'tasks.created_at', updatedAt: 'tasks.updated_at' } as const;

/** `me`, or a user's id. */
const AssigneeParam = Type.String({ pattern: '^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$', description: 'me, or a user id' });

export const TaskListQuery = Type.Object(
  {
    ...PageQuery,
    sort: SortQuery(Object.keys(TASK_SORT) as (keyof typeof TASK_SORT)[], 'dueAt'),
    assignee: Type.Optional(AssigneeParam),
    status: Type.Optional(StringEnum(TASK_STATUSES)),
    partyId: Type.Optional(Uuid),
    orderId: Type.Optional(Uuid),
    caseId: Type.Optional(Uuid),
    kind: Type.Optional(StringEnum(TASK_KINDS)),
    priority: Type.Optional(StringEnum(TASK_PRIORITIES)),
    overdue: Type.Optional(Type.Boolean({ description: 'Only open tasks due before now' })),
    from: Type.Optional(Type.String({ maxLength: 40, description: 'Due at or after: a day (Paris) or a date-time' })),
    to: Type.Optional(Type.String({ maxLength: 40, description: 'Due before: a day (Paris, included) or a date-time (excluded)' })),
  },
  { additionalProperties: false },
);
export type TaskListOptions = Static<typeof TaskListQuery>;

const Bucket = Type.Object({ count: Type.Integer(), data: Type.Array(TaskOut) });
export const MyDayOut = Type.Object({
  date: Type.String({ description: 'Today in Paris' }),
  overdue: Bucket,
  today: Bucket,
  upcoming: Type.Object({ count: Type.Integer({ description: 'Open tasks due in the next 7 days after today' }), data: Type.Array(TaskOut) }),
  completedToday: Type.Integer(),
});
export type MyDayOutput = Static<typeof MyDayOut>;

export const AgendaQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    assignee: Type.Optional(
      Type.String({
        pattern: '^(me|all|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
        description: 'me (default), a user id, or all (managers)',
      }),
    ),
    teamId: Type.Optional(Type.String({ format: 'uuid', description: 'The members of a team (managers)' })),
  },
  { additionalProperties: false },
);
export type AgendaOptions = Static<typeof AgendaQuery>;

export const AgendaOut = Type.Object({ from: Type.String(), to: Type.String(), data: Type.Array(TaskOut) });
