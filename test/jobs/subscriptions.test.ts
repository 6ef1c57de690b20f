/**
 * The transactional outbox: a change recorded by a service queues one job per subscriber in the same
 * transaction, the runner delivers it to the subscriber's handler, and a change that is rolled back queues
 * nothing. Runs in a scratch database, as the runner would otherwise claim other test files' jobs.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { inTransaction, type Ctx } from '../../src/platform/context.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { subscribe } from '../../src/platform/events/subscriptions.ts';
import { registerJobHandler, startJobRunner, type JobRecord } from '../../src/platform/jobs/runner.ts';
import { createUser, updateUser } from '../../src/modules/users/user-service.ts';
import { renameWorkspace } from '../../src/modules/workspaces/workspace-service.ts';
import { makeWorkspace, PASSWORD, type TestWorkspace } from '../helpers/factories.ts';
import { openScratchDatabase, type ScratchDatabase } from '../helpers/scratch-db.ts';
import { waitUntil } from './fixtures/wait.ts';

let scratch: ScratchDatabase;
let db: Kysely<DB>;
let ws: TestWorkspace;

before(async () => {
  scratch = await openScratchDatabase();
  db = scratch.db;
  await migrateToLatest(db);
  ws = await makeWorkspace(db);
});

after(() => scratch.close());

function queued(kind: string) {
  return db.selectFrom('jobs').selectAll().where('workspace_id', '=', ws.id).where('kind', '=', kind).orderBy('id').execute();
}

function userEvents(userId: string) {
  return db.selectFrom('events').select(['id', 'action']).where('workspace_id', '=', ws.id).where('entity', '=', 'user').where('entity_id', '=', userId).orderBy('id').execute();
}

test('a user created through the service queues a job carrying the event, and the runner delivers it', async (t) => {
  const kind = `test-${randomUUID()}`;
  t.after(subscribe({ jobKind: kind, entities: ['user'] }));
  const delivered: { ctx: Ctx; job: JobRecord }[] = [];
  registerJobHandler(kind, async (ctx, job) => {
    delivered.push({ ctx, job });
  });

  const user = await createUser(ws.ctx, { email: `sub-${randomUUID().slice(0, 8)}@example.test`, name: 'Sub Scriber', role: 'sales', password: PASSWORD });
  await renameWorkspace(ws.ctx, { name: `Renamed ${randomUUID().slice(0, 8)}` });

  const [event] = await userEvents(user.id);
  assert.ok(event, 'the creation was logged');
  const jobs = await queued(kind);
  assert.equal(jobs.length, 1, 'one job for the user, none for the workspace rename');
  assert.equal(jobs[0]!.event_id, event.id);
  assert.deepEqual(jobs[0]!.payload, { eventId: event.id, entity: 'user', entityId: user.id, action: 'create' });

  const runner = startJobRunner(db, { pollMs: 20 });
  try {
    await waitUntil('the job is delivered', () => delivered.length === 1);
  } finally {
    await runner.stop();
  }
  const [{ ctx, job }] = delivered as [{ ctx: Ctx; job: JobRecord }];
  assert.equal(ctx.workspaceId, ws.id);
  assert.deepEqual(ctx.actor, { type: 'system', label: `job:${kind}` });
  assert.equal(job.id, jobs[0]!.id);
  assert.deepEqual(job.payload, jobs[0]!.payload);
  const [done] = await queued(kind);
  assert.equal(done!.status, 'done');
  assert.equal(done!.attempts, 1);
});

test('each matching change queues its own job; an action filter leaves the others out', async (t) => {
  const everything = `test-${randomUUID()}`;
  const updatesOnly = `test-${randomUUID()}`;
  t.after(subscribe({ jobKind: everything, entities: '*' }));
  t.after(subscribe({ jobKind: updatesOnly, entities: ['user'], actions: ['update'] }));

  const user = await createUser(ws.ctx, { email: `multi-${randomUUID().slice(0, 8)}@example.test`, name: 'Multi', role: 'sales', password: PASSWORD });
  await updateUser(ws.ctx, user.id, { name: 'Multi Renamed' });
  await updateUser(ws.ctx, user.id, { name: 'Multi Renamed' }); // changes nothing: no event, no job

  const events = await userEvents(user.id);
  assert.deepEqual(events.map((e) => e.action), ['create', 'update']);
  assert.deepEqual((await queued(everything)).map((j) => j.event_id), events.map((e) => e.id));
  assert.deepEqual((await queued(updatesOnly)).map((j) => j.event_id), [events[1]!.id]);
});

test('a change that is rolled back queues nothing', async (t) => {
  const kind = `test-${randomUUID()}`;
  t.after(subscribe({ jobKind: kind, entities: ['user'] }));
  const email = `ghost-${randomUUID().slice(0, 8)}@example.test`;

  await assert.rejects(
    inTransaction(ws.ctx, async (tx) => {
      await createUser(tx, { email, name: 'Ghost', role: 'sales', password: PASSWORD });
      assert.equal((await tx.db.selectFrom('jobs').select('id').where('kind', '=', kind).execute()).length, 1, 'queued inside the transaction');
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );

  assert.deepEqual(await queued(kind), []);
  const ghost = await db.selectFrom('users').select('id').where('workspace_id', '=', ws.id).where('email', '=', email).executeTakeFirst();
  assert.equal(ghost, undefined);
});

test('an idle runner of this process is woken when the change commits, not at its next poll', async (t) => {
  const kind = `test-${randomUUID()}`;
  t.after(subscribe({ jobKind: kind, entities: ['user'] }));
  let delivered = 0;
  registerJobHandler(kind, async () => void delivered++);
  // A poll far longer than the test: only the wake-up after commit can get the job run in time.
  const runner = startJobRunner(db, { pollMs: 600_000 });
  try {
    // Give the runner time to find the queue empty and fall asleep.
    await sleep(300);
    await inTransaction(ws.ctx, async (tx) => {
      await createUser(tx, { email: `wake-${randomUUID().slice(0, 8)}@example.test`, name: 'Wake Up', role: 'sales', password: PASSWORD });
    });
    await waitUntil('the job is delivered', () => delivered === 1, 15_000);
  } finally {
    await runner.stop();
  }
  assert.equal((await queued(kind))[0]!.status, 'done');
});
