import type { IsolationSeed } from './seed.ts';
import { createParty } from '../../../src/modules/parties/party-service.ts';
import { scanDuplicates } from '../../../src/modules/duplicates/duplicate-scan.ts';
import { listCandidates } from '../../../src/modules/duplicates/duplicate-service.ts';

/** Records of workspace A for the duplicates routes (see tenant-isolation.test.ts): one likely duplicate pair. */
export const seed: IsolationSeed = async (base) => {
  const ctx = base.workspace.ctx;
  const record = { firstName: 'Dupsecret', lastName: 'Doublonsecret', birthDate: '1971-07-07', emails: [{ email: 'dupsecret@example.test' }] };
  await createParty(ctx, 'person', record);
  await createParty(ctx, 'person', { ...record, emails: [] });
  await scanDuplicates(ctx, { kind: 'person', source: 'scan' });
  const { items } = await listCandidates(ctx, { kind: 'person' });
  const pair = items.find((c) => c.a.displayName.includes('Dupsecret'));
  if (!pair) throw new Error('the duplicates seed found no pair');
  return { resources: { duplicate: pair.id }, secrets: ['Dupsecret', 'Doublonsecret'] };
};
