/**
 * The views over planned work and reminders: "my day" buckets, the agenda with projected occurrences of
 * recurring series (and who may see whose), and the reminder job that notifies the assignee exactly once.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, call, type TestApp } from '../helpers/app.ts';
import { makeUser, makeWorkspace, sessionFor, type TestWorkspace } from '../helpers/factories.ts';
import { createParty } from '../../src/modules/parties/party-service.ts';
import { createTeam } from '../../src/modules/teams/team-service.ts';
import { myDay } from '../../src/modules/tasks/planning-service.ts';
import { planningClock } from '../../src/modules/tasks/task-presenter.ts';
import { REMINDER_JOB } from '../../src/modules/tasks/task-reminders.ts';
import { enqueueJob, runOneJob } from '../../src/platform/jobs/runner.ts';
import type { Ctx } from '../../src/platform/context.ts';
import type { User } from '../../src/modules/users/user-service.ts';
import { expectError, issueFor } from './expect-error.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Session = { cookie: string; csrfToken: string };

async function plan(session: Session, body: Record<string, unknown>) {
  const response = await call(t.app, { method: 'POST', url: '/api/tasks', body: { kind: 'call', title: 'Appel', ...body }, session });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

function userCtx(ws: TestWorkspace, user: User): Ctx {
  return { db: t.database.db, workspaceId: ws.id, actor: { type: 'user', userId: user.id, role: 'sales', label: user.email } };
}

test('my day sorts open work into overdue, today and the next seven days, and counts what was done today', async () => {
  const ws = await makeWorkspace(t.database.db);
  const sales = await makeUser(ws, 'sales', 'Sophie');
  const session = await sessionFor(ws, sales);
  const titles = async (bucket: { data: { title: string }[] }) => bucket.data.map((task) => task.title);
  // Monday 15 June 2026, 12:00 in Paris.
  const clock = planningClock(new Date('2026-06-15T10:00:00Z'));
  await plan(session, { title: 'Ce matin', dueAt: '2026-06-15T09:00' });
  await plan(session, { title: 'Cet après-midi', dueAt: '2026-06-15T15:00' });
  await plan(session, { title: 'Journée', dueAt: '2026-06-15' });
  await plan(session, { title: 'Hier', dueAt: '2026-06-14' });
  await plan(session, { title: 'Demain', dueAt: '2026-06-16T08:00' });
  await plan(session, { title: 'Dimanche soir', dueAt: '2026-06-22T23:00' });
  await plan(session, { title: 'Trop tard pour la semaine', dueAt: '2026-06-23T00:30' });
  await plan(ws.adminSession, { title: "Pour quelqu'un d'autre", dueAt: '2026-06-15T16:00' });

  const day = await myDay(userCtx(ws, sales), clock);
  assert.equal(day.date, '2026-06-15');
  assert.deepEqual(await titles(day.overdue), ['Hier', 'Ce matin']);
  assert.deepEqual(await titles(day.today), ['Journée', 'Cet après-midi']);
  assert.deepEqual(await titles(day.upcoming), ['Demain', 'Dimanche soir']);
  assert.deepEqual([day.overdue.count, day.today.count, day.upcoming.count], [2, 2, 2]);
  assert.ok(day.overdue.data.every((task) => task.overdue));
  assert.ok(day.today.data.every((task) => !task.overdue));

  // Over HTTP, on the real clock: an all-day task of today, one done today, one due an hour ago.
  const now = planningClock();
  const todays = await plan(session, { title: 'Aujourd’hui', dueAt: now.today });
  const done = await plan(session, { title: 'Faite', dueAt: now.today });
  await call(t.app, { method: 'POST', url: `/api/tasks/${done.id}/complete`, session });
  const late = await plan(session, { title: 'Il y a une heure', dueAt: new Date(Date.now() - 3_600_000).toISOString() });
  const response = await call(t.app, { url: '/api/my-day', session });
  assert.equal(response.statusCode, 200, response.body);
  const live = response.json();
  assert.equal(live.date, now.today);
  assert.ok(live.today.data.some((task: { id: string }) => task.id === todays.id));
  assert.ok(live.overdue.data.some((task: { id: string }) => task.id === late.id));
  assert.ok(!JSON.stringify(live).includes(done.id), 'done tasks leave the lists');
  assert.equal(live.completedToday, 1);
});

test('the agenda shows stored tasks and projects the future occurrences of recurring series', async () => {
  const ws = await makeWorkspace(t.database.db);
  const person = await createParty(ws.ctx, 'person', { lastName: 'Roux' });
  const visit = await plan(ws.adminSession, { kind: 'visit', title: 'Visite mensuelle', partyId: person.row.id, dueAt: '2030-01-15T10:00', recurrence: 'FREQ=MONTHLY' });
  const twice = await plan(ws.adminSession, { title: 'Deux fois', dueAt: '2030-01-20T09:00', recurrence: 'FREQ=MONTHLY;COUNT=2' });
  await plan(ws.adminSession, { title: 'Unique', dueAt: '2030-02-03' });
  const agenda = async (query: string, session: Session = ws.adminSession) => {
    const response = await call(t.app, { url: `/api/agenda${query}`, session });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { from: string; to: string; data: { id: string; title: string; dueLocal: string; projected: boolean; projectedFrom: string | null }[] };
  };

  const range = await agenda('?from=2030-01-01&to=2030-03-01');
  assert.deepEqual(
    range.data.map((task) => [task.title, task.dueLocal, task.projected]),
    [
      ['Visite mensuelle', '2030-01-15T10:00', false],
      ['Deux fois', '2030-01-20T09:00', false],
      ['Unique', '2030-02-03T00:00', false],
      ['Visite mensuelle', '2030-02-15T10:00', true],
      ['Deux fois', '2030-02-20T09:00', true],
    ],
  );
  assert.equal(range.data[3]!.projectedFrom, visit.id);
  assert.notEqual(range.data[3]!.id, visit.id, 'a projected occurrence has an id of its own');

  const may = await agenda('?from=2030-05-01&to=2030-05-31');
  assert.deepEqual(may.data.map((task) => [task.title, task.dueLocal]), [['Visite mensuelle', '2030-05-15T10:00']], 'COUNT=2 ended the other series');

  // Once the January visit is done, February is stored and no longer projected twice.
  await call(t.app, { method: 'POST', url: `/api/tasks/${visit.id}/complete`, session: ws.adminSession });
  const after = await agenda('?from=2030-02-01&to=2030-02-28');
  assert.deepEqual(after.data.filter((task) => task.title === 'Visite mensuelle').map((task) => [task.dueLocal, task.projected]), [['2030-02-15T10:00', false]]);
  assert.ok(twice.id);

  const week = await agenda('');
  assert.equal(week.to, new Date(Date.parse(`${week.from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10), 'a week by default');
  assert.equal(new Date(`${week.from}T00:00:00Z`).getUTCDay(), 1, 'starting on Monday');

  const tooLong = await call(t.app, { url: '/api/agenda?from=2030-01-01&to=2030-03-04', session: ws.adminSession });
  assert.match(issueFor(expectError(tooLong, 400, 'validation_failed'), 'query.to').rule, /62 days/);
  const backwards = await call(t.app, { url: '/api/agenda?from=2030-01-10&to=2030-01-01', session: ws.adminSession });
  issueFor(expectError(backwards, 400, 'validation_failed'), 'query.to');
});

test("managers see a colleague's, a team's or everyone's agenda; others only their own", async () => {
  const ws = await makeWorkspace(t.database.db);
  const team = await createTeam(ws.ctx, 'Terrain');
  const sales = await makeUser(ws, 'sales', 'Sacha');
  const manager = await makeUser(ws, 'manager', 'Manon');
  await t.database.db.updateTable('users').set({ team_id: team.id }).where('id', '=', sales.id).execute();
  const salesSession = await sessionFor(ws, sales);
  const managerSession = await sessionFor(ws, manager);
  await plan(salesSession, { title: 'De Sacha', dueAt: '2031-03-04T10:00' });
  await plan(managerSession, { title: 'De Manon', dueAt: '2031-03-05T10:00' });
  const titles = async (query: string, session: Session) => {
    const response = await call(t.app, { url: `/api/agenda?from=2031-03-01&to=2031-03-31${query}`, session });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().data.map((task: { title: string }) => task.title);
  };
  assert.deepEqual(await titles('', salesSession), ['De Sacha']);
  assert.deepEqual(await titles('&assignee=all', managerSession), ['De Sacha', 'De Manon']);
  assert.deepEqual(await titles(`&assignee=${sales.id}`, managerSession), ['De Sacha']);
  assert.deepEqual(await titles(`&teamId=${team.id}`, managerSession), ['De Sacha']);
  for (const query of ['&assignee=all', `&assignee=${manager.id}`, `&teamId=${team.id}`]) {
    const refused = await call(t.app, { url: `/api/agenda?from=2031-03-01&to=2031-03-31${query}`, session: salesSession });
    expectError(refused, 403, 'forbidden', query);
  }
});

async function drainJobs(): Promise<void> {
  while ((await runOneJob(t.database.db)) !== 'idle') {
    // run every due job
  }
}

test('a reminder notifies the assignee once, and moving the due time plans it again', async () => {
  const ws = await makeWorkspace(t.database.db);
  const sales = await makeUser(ws, 'sales', 'Rémi');
  const session = await sessionFor(ws, sales);
  const person = await createParty(ws.ctx, 'organisation', { legalName: 'Boulangerie Ferrand' });
  const dueAt = new Date(Date.now() + 30 * 60_000).toISOString();
  const task = await plan(ws.adminSession, { title: 'Appeler la boulangerie', partyId: person.row.id, assigneeId: sales.id, dueAt, remindBeforeMinutes: 60 });
  await drainJobs();
  // A repeated job (a retry, a second worker) finds the task already reminded.
  await enqueueJob(ws.ctx, { kind: REMINDER_JOB, payload: { taskId: task.id } });
  await drainJobs();

  const list = await call(t.app, { url: '/api/notifications', session });
  assert.equal(list.statusCode, 200, list.body);
  const { data, unreadCount } = list.json();
  assert.equal(unreadCount, 1);
  assert.equal(data.length, 1);
  assert.deepEqual(
    { kind: data[0].kind, title: data[0].title, link: data[0].link, subjectId: data[0].subjectId, readAt: data[0].readAt },
    { kind: 'task_reminder', title: 'Appeler la boulangerie', link: `/organisations/${person.row.id}`, subjectId: task.id, readAt: null },
  );
  const adminList = await call(t.app, { url: '/api/notifications', session: ws.adminSession });
  assert.equal(adminList.json().unreadCount, 0, 'only the assignee is reminded');

  // Moved to the day after tomorrow: reminded again when the new time comes, not now.
  const moved = await call(t.app, {
    method: 'PATCH',
    url: `/api/tasks/${task.id}`,
    body: { version: task.version, dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    session,
  });
  assert.equal(moved.statusCode, 200, moved.body);
  const jobs = await sql<{ run_at: Date }>`
    select run_at from jobs where workspace_id = ${ws.id} and kind = ${REMINDER_JOB} and status = 'pending'`.execute(t.database.db);
  assert.deepEqual(jobs.rows.map((j) => new Date(j.run_at).toISOString()), [moved.json().remindAt]);
  const row = await t.database.db.selectFrom('tasks').select('reminded_at').where('id', '=', task.id).executeTakeFirstOrThrow();
  assert.equal(row.reminded_at, null);
  await drainJobs();
  assert.equal((await call(t.app, { url: '/api/notifications', session })).json().data.length, 1, 'nothing new before the time');

  const read = await call(t.app, { method: 'POST', url: `/api/notifications/${data[0].id}/read`, session });
  assert.equal(read.statusCode, 200, read.body);
  assert.ok(read.json().readAt);
  assert.equal((await call(t.app, { url: '/api/notifications', session })).json().unreadCount, 0);
  const foreign = await call(t.app, { method: 'POST', url: `/api/notifications/${data[0].id}/read`, session: ws.adminSession });
  expectError(foreign, 404, 'not_found');

  // A task entered after the fact does not ring for a reminder time long gone.
  const pending = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from jobs where workspace_id = ${ws.id} and kind = ${REMINDER_JOB}`.execute(t.database.db)).rows[0]!.n;
  const jobsBefore = await pending();
  await plan(session, { title: 'Saisie après coup', dueAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), remindBeforeMinutes: 10 });
  assert.equal(await pending(), jobsBefore);
});

test('read-all marks every unread notification of mine, and only mine', async () => {
  const ws = await makeWorkspace(t.database.db);
  const other = await makeUser(ws, 'sales', 'Autre');
  for (const title of ['Un', 'Deux']) {
    await plan(ws.adminSession, { title, dueAt: new Date(Date.now() + 60_000).toISOString(), remindBeforeMinutes: 5 });
  }
  await plan(ws.adminSession, { title: 'Trois', assigneeId: other.id, dueAt: new Date(Date.now() + 60_000).toISOString(), remindBeforeMinutes: 5 });
  await drainJobs();
  const marked = await call(t.app, { method: 'POST', url: '/api/notifications/read-all', session: ws.adminSession });
  assert.equal(marked.statusCode, 200, marked.body);
  assert.deepEqual(marked.json(), { marked: 2 });
  const otherList = await call(t.app, { url: '/api/notifications', session: await sessionFor(ws, other) });
  assert.equal(otherList.json().unreadCount, 1);
});
