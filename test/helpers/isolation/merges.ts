import type { IsolationSeed } from './seed.ts';
import { createParty } from '../../../src/modules/parties/party-service.ts';
import { mergeParties } from '../../../src/modules/duplicates/merge-service.ts';

/** Records of workspace A for the merges routes (see tenant-isolation.test.ts): two records of one customer, merged. */
export const seed: IsolationSeed = async ({ workspace }) => {
  const ctx = workspace.ctx;
  const survivor = await createParty(ctx, 'person', { firstName: 'Mergesecret', lastName: 'Survivant', emails: [{ email: 'mergesecret@survivant.test' }] });
  const absorbed = await createParty(ctx, 'person', { firstName: 'Mergesecret', lastName: 'Absorbé', phones: [{ phone: '+33698765432' }] });
  const merge = await mergeParties(ctx, { survivorId: survivor.row.id, absorbedId: absorbed.row.id, strategy: 'most_complete' });
  return {
    resources: { merge: merge.id },
    secrets: [merge.id, survivor.row.id, absorbed.row.id, 'Mergesecret', 'mergesecret'],
  };
};
