/**
 * The scan as a background job: a workspace may hold a million records, far too many to scan within a request.
 * The job runs in one transaction, so the queue changes all at once or not at all.
 */
import type { Ctx } from '../../platform/context.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/runner.ts';
import type { DedupKind } from './dedup-record.ts';
import { scanDuplicates } from './duplicate-scan.ts';
import { SCAN_JOB } from './duplicate-service.ts';

const KINDS: readonly DedupKind[] = ['person', 'organisation'];

registerJobHandler(SCAN_JOB, async (ctx, job) => {
  const kind = job.payload.kind;
  for (const each of KINDS) {
    if (kind === undefined || kind === null || kind === each) await scanDuplicates(ctx, { kind: each, source: 'scan' });
  }
});

/** Queues a scan of one kind, or of both when `kind` is left out; returns the job id. */
export function enqueueScan(ctx: Ctx, kind: DedupKind | undefined): Promise<number> {
  return enqueueJob(ctx, { kind: SCAN_JOB, payload: kind ? { kind } : {}, maxAttempts: 3 });
}
