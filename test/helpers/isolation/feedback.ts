import type { IsolationSeed } from './seed.ts';
import { createFeedback } from '../../../src/modules/feedback/feedback-service.ts';

/** Records of workspace A for the feedback routes (see tenant-isolation.test.ts): one answer with a verbatim. */
export const seed: IsolationSeed = async (base) => {
  const created = await createFeedback(base.workspace.ctx, {
    partyId: base.personId,
    touchpoint: 'delivery',
    channel: 'email',
    nps: 3,
    verbatim: 'Feedbacksecret livraison en retard',
    topics: ['feedbacksecret-topic'],
  });
  return { secrets: [created.id, 'Feedbacksecret', 'feedbacksecret-topic'] };
};
