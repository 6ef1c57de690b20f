import type { IsolationSeed } from './seed.ts';
import { createCase } from '../../../src/modules/cases/case-service.ts';

/** Records of workspace A for the cases routes (see tenant-isolation.test.ts): one open case of A's person. */
export const seed: IsolationSeed = async (base) => {
  const created = await createCase(base.workspace.ctx, {
    partyId: base.personId,
    type: 'complaint',
    channel: 'phone',
    priority: 'urgent',
    subject: 'Casesecret panne du lave-linge',
    description: 'Casesecret description',
  });
  return { resources: { case: created.id }, secrets: [created.id, 'Casesecret'] };
};
