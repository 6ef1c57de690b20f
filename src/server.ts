/**
 * Starting Rapport: open the database, apply migrations, create the first workspace on an empty database,
 * serve HTTP and, unless told otherwise, run the job runner in the same process.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { buildApp } from './platform/http/app.ts';
import { startJobRunner, type JobRunner } from './platform/jobs/runner.ts';
import { scheduleStatisticsRefresh } from './platform/db/statistics.ts';
import { scheduleMetricsRefresh } from './modules/metrics/metrics-service.ts';
import { startImportRunner } from './modules/imports/import-runner.ts';
import { bootstrapWorkspace } from './modules/workspaces/workspace-service.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens the configured database and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  await migrateToLatest(database.db);
  return database;
}

export async function startServer(config: Config, options: { web?: boolean; announce?: (line: string) => void } = {}): Promise<RunningServer> {
  const announce = options.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
  const database = await openConfiguredDatabase(config);
  const first = await bootstrapWorkspace(database.db, {
    workspaceName: config.workspaceName,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  if (first.created) {
    announce(`Created workspace "${config.workspaceName}" with admin ${first.email}`);
    if (first.generatedPassword) announce(`Admin password (shown once, change it after signing in): ${first.generatedPassword}`);
  }

  const app = await buildApp({ config, db: database.db, engine: database.engine, web: options.web });
  let runner: JobRunner | null = null;
  if (config.jobs === 'inline') {
    runner = startJobRunner(database.db, { onError: (job, error) => app.log.warn({ err: error, jobId: job.id, kind: job.kind }, 'job failed') });
  }
  const stopStatistics = scheduleStatisticsRefresh(database.db, database.engine, (error) =>
    app.log.warn({ err: error }, 'refreshing planner statistics failed'),
  );
  const stopMetrics = scheduleMetricsRefresh(database.db, (error) => app.log.warn({ err: error }, 'refreshing purchase metrics failed'));
  const imports = startImportRunner(database.db, { dataDir: config.dataDir, onError: (error) => app.log.warn({ err: error }, 'import runner failed') });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  const url = ['0.0.0.0', '::'].includes(config.host) ? `http://localhost:${port}` : address;
  announce(`Rapport is running at ${url} (${database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})`);

  return {
    app,
    database,
    url,
    async close() {
      stopStatistics();
      stopMetrics();
      await imports.stop();
      await runner?.stop();
      await app.close();
      await database.close();
    },
  };
}
