import type { IsolationBase, IsolationRecords } from './seed.ts';
import { seed as interactions } from './interactions.ts';
import { seed as tasks } from './tasks.ts';
import { seed as commerce } from './commerce.ts';
import { seed as billing } from './billing.ts';
import { seed as cases } from './cases.ts';
import { seed as feedback } from './feedback.ts';
import { seed as timeline } from './timeline.ts';
import { seed as imports } from './imports.ts';
import { seed as duplicates } from './duplicates.ts';
import { seed as merges } from './merges.ts';

/** Runs every feature's seed in order (billing needs commerce's orders, so order matters) and merges them. */
export async function seedFeatures(base: IsolationBase): Promise<Required<IsolationRecords>> {
  const merged: Required<IsolationRecords> = { resources: {}, params: {}, secrets: [] };
  for (const seed of [commerce, billing, interactions, tasks, cases, feedback, timeline, imports, duplicates, merges]) {
    const records = await seed(base);
    Object.assign(merged.resources, records.resources);
    Object.assign(merged.params, records.params);
    merged.secrets.push(...(records.secrets ?? []));
  }
  return merged;
}
