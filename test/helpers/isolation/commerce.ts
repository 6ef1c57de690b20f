import type { IsolationSeed } from './seed.ts';

/** Records of workspace A for the commerce routes (see tenant-isolation.test.ts). */
export const seed: IsolationSeed = async () => ({});
