/**
 * `rapport` — the command line: serve, migrate, worker, user create, backup, restore, demo, import.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../platform/config.ts';
import { migrationStatus } from '../platform/db/migrate.ts';
import { startJobRunner } from '../platform/jobs/runner.ts';
import { ROLES, type Role } from '../platform/auth/permissions.ts';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import { openConfiguredDatabase, startServer } from '../server.ts';
import { createUser } from '../modules/users/user-service.ts';
import { bootstrapWorkspace, createWorkspace } from '../modules/workspaces/workspace-service.ts';
import { DEMO_LIMITS, generateDemo, planDemo } from '../modules/demo/demo-generator.ts';
import { backupDatabase, restoreDatabase } from '../platform/db/backup.ts';
import { readPassword } from './prompt.ts';
import { registerImportCommand } from './import-command.ts';

function config(): Config {
  return loadConfig();
}

function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal} received, shutting down…\n`);
    close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const program = new Command()
  .name('rapport')
  .description('Rapport — the CRM. Settings come from environment variables (see the README).')
  .showHelpAfterError();

program
  .command('serve', { isDefault: true })
  .description('serve the web app and API (and run jobs in-process unless RAPPORT_JOBS=off)')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
  .action(async (options: { port?: string }) => {
    const overrides = options.port ? { port: Number(options.port) } : {};
    const server = await startServer({ ...config(), ...overrides });
    onShutdown(() => server.close());
  });

program
  .command('migrate')
  .description('apply pending database migrations and list them')
  .action(async () => {
    const database = await openConfiguredDatabase(config());
    for (const m of await migrationStatus(database.db)) {
      process.stdout.write(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}\n`);
    }
    await database.close();
  });

program
  .command('worker')
  .description('run background jobs only (several workers may share a PostgreSQL database)')
  .option('-c, --concurrency <n>', 'parallel jobs', '2')
  .action(async (options: { concurrency: string }) => {
    const database = await openConfiguredDatabase(config());
    const runner = startJobRunner(database.db, {
      concurrency: Number(options.concurrency),
      onError: (job, error) => console.error(`job ${job.id} (${job.kind}) failed: ${error instanceof Error ? error.message : error}`),
    });
    process.stdout.write(`Worker running (${database.engine})\n`);
    onShutdown(async () => {
      await runner.stop();
      await database.close();
    });
  });

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user (prompts for the password unless --password or RAPPORT_USER_PASSWORD is given)')
  .requiredOption('-e, --email <email>', 'email address')
  .option('-n, --name <name>', 'display name')
  .option('-r, --role <role>', `one of ${ROLES.join(', ')}`, (value: string) => {
    if (!(ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
    return value;
  }, 'sales')
  .option('-w, --workspace <slug>', 'workspace slug (default: the only workspace)')
  .option('--new-workspace <name>', 'create a new workspace with this user as its admin')
  .option('--password <password>', 'password (prefer the prompt or RAPPORT_USER_PASSWORD)')
  .action(async (options: { email: string; name?: string; role: Role; workspace?: string; newWorkspace?: string; password?: string }) => {
    const password = options.password ?? process.env.RAPPORT_USER_PASSWORD ?? (await readPassword('Password: '));
    const database = await openConfiguredDatabase(config());
    try {
      const name = options.name ?? options.email.split('@')[0]!;
      if (options.newWorkspace) {
        const { workspace } = await createWorkspace(database.db, { name: options.newWorkspace, adminEmail: options.email, adminName: name, adminPassword: password });
        process.stdout.write(`Created workspace ${workspace.slug} with admin ${options.email}\n`);
        return;
      }
      let query = database.db.selectFrom('workspaces').select(['id', 'slug']);
      if (options.workspace) query = query.where('slug', '=', options.workspace);
      const workspaces = await query.limit(2).execute();
      if (workspaces.length !== 1) {
        throw new Error(workspaces.length === 0 ? 'No such workspace' : 'Several workspaces exist: pass --workspace <slug>');
      }
      const created = await createUser({ db: database.db, workspaceId: workspaces[0]!.id, actor: SYSTEM_ACTOR }, { email: options.email, name, role: options.role, password });
      process.stdout.write(`Created ${created.role} ${created.email} in workspace ${workspaces[0]!.slug}\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('backup')
  .description('write a consistent snapshot of the whole database to FILE (gzip JSON lines)')
  .argument('<file>', 'backup file to write')
  .action(async (file: string) => {
    const database = await openConfiguredDatabase(config());
    try {
      const summary = await backupDatabase(database.db, file);
      const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(`Backed up ${rows} rows from ${summary.tables.length} tables to ${file}\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .description('restore a backup FILE into this database (empty, or with --force to replace its content)')
  .argument('<file>', 'backup file to read')
  .option('--force', 'replace the data already in the database')
  .action(async (file: string, options: { force?: boolean }) => {
    const database = await openConfiguredDatabase(config());
    try {
      const summary = await restoreDatabase(database.db, file, { force: options.force });
      const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(`Restored ${rows} rows into ${summary.tables.length} tables\n`);
    } finally {
      await database.close();
    }
  });

/** A whole-number option of `rapport demo`, refused with a plain message when it is anything else. */
function demoNumber(max: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) > max) throw new InvalidArgumentError(`must be a whole number from 0 to ${max}`);
    return Number(value);
  };
}

program
  .command('demo')
  .description('load French demo data: companies with their contacts, households of private customers, and their commercial history')
  .option('--people <n>', 'people to create (default 950, or in proportion to --organisations)', demoNumber(DEMO_LIMITS.people))
  .option('--organisations <n>', 'organisations to create (default 60, or in proportion to --people)', demoNumber(DEMO_LIMITS.organisations))
  .option('--seed <n>', 'same seed, same data (default 1)', demoNumber(DEMO_LIMITS.seed))
  .option('--history-years <n>', 'years of orders, deliveries, invoices, payments, cases and feedback before today, 0 for none (default 3)', demoNumber(DEMO_LIMITS.historyYears))
  .option('-w, --workspace <slug>', 'workspace slug (default: the only workspace; an empty database gets its first one)')
  .action(async (options: { people?: number; organisations?: number; seed?: number; historyYears?: number; workspace?: string }) => {
    const plan = planDemo(options);
    if (plan.people + plan.organisations === 0) throw new Error('Nothing to generate: --people and --organisations are both 0');
    const settings = config();
    const database = await openConfiguredDatabase(settings);
    try {
      let query = database.db.selectFrom('workspaces').select(['id', 'slug']);
      if (options.workspace) query = query.where('slug', '=', options.workspace);
      let workspaces = await query.limit(2).execute();
      if (workspaces.length === 0 && !options.workspace) {
        // An empty database gets the workspace and admin `rapport serve` would create, so the demo is ready to open.
        const first = await bootstrapWorkspace(database.db, { workspaceName: settings.workspaceName, adminEmail: settings.adminEmail, adminPassword: settings.adminPassword });
        process.stdout.write(`Created workspace "${settings.workspaceName}" with admin ${first.email}\n`);
        if (first.generatedPassword) process.stdout.write(`Admin password (shown once, change it after signing in): ${first.generatedPassword}\n`);
        workspaces = await query.limit(2).execute();
      }
      if (workspaces.length !== 1) {
        throw new Error(workspaces.length === 0 ? 'No such workspace' : 'Several workspaces exist: pass --workspace <slug>');
      }
      const workspace = workspaces[0]!;
      const total = plan.people + plan.organisations;
      const format = (n: number) => n.toLocaleString('en-US');
      process.stdout.write(`Loading ${format(plan.organisations)} organisations and ${format(plan.people)} people into workspace ${workspace.slug} (seed ${plan.seed})\n`);
      const started = performance.now();
      const rate = (done: number) => format(Math.round(done / ((performance.now() - started) / 1000)));
      const tty = process.stdout.isTTY;
      const counts = await generateDemo({ db: database.db, workspaceId: workspace.id, actor: SYSTEM_ACTOR }, {
        people: options.people,
        organisations: options.organisations,
        seed: options.seed,
        historyYears: options.historyYears,
        onProgress: ({ done }) => {
          if (done === total && !tty) return;
          const line = `  ${format(done)} / ${format(total)} records (${Math.floor((done * 100) / total)} %), ${rate(done)} records/s`;
          process.stdout.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
        },
      });
      if (tty) process.stdout.write('\r\x1b[K');
      const seconds = (performance.now() - started) / 1000;
      const h = counts.history;
      const history = plan.historyYears === 0 ? '' :
        `  and ${plan.historyYears} year${plan.historyYears > 1 ? 's' : ''} of history for ${format(h.customers)} customers: ${format(h.orders)} orders (${format(h.orderLines)} lines), ` +
          `${format(h.deliveries)} deliveries, ${format(h.invoices)} invoices, ${format(h.payments)} payments, ${format(h.returns)} returns, ` +
          `${format(h.creditNotes)} credit notes, ${format(h.cases)} cases, ${format(h.interactions)} interactions, ${format(h.feedback)} answers, ` +
          `${format(h.tasks)} open tasks, ${format(h.alerts)} alerts, ${format(h.timelineEntries)} timeline entries\n`;
      const rows = total + counts.emails + counts.phones + counts.addresses + counts.roles + counts.links + counts.consents + h.orders + h.orderLines +
        h.deliveries + h.invoices + h.creditNotes + h.payments + h.returns + h.cases + h.interactions + h.feedback + h.tasks + h.alerts + h.timelineEntries;
      process.stdout.write(
        `Created ${format(counts.organisations)} organisations, ${format(counts.contacts)} contacts and ` +
          `${format(counts.consumers)} private customers in ${format(counts.households)} households\n` +
          `  with ${format(counts.emails)} emails, ${format(counts.phones)} phones, ${format(counts.addresses)} addresses, ` +
          `${format(counts.roles)} roles, ${format(counts.links)} links and ${format(counts.consents)} consents\n` +
          history +
          `${format(total)} records in ${seconds.toFixed(1)} s (${rate(total)} records/s), about ${format(rows)} rows (${rate(rows)} rows/s)\n`,
      );
    } finally {
      await database.close();
    }
  });

registerImportCommand(program, config);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`rapport: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
