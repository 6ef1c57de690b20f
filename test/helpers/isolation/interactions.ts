import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { IsolationSeed } from './seed.ts';
import type { AttachmentStore } from '../../../src/platform/storage/attachment-store.ts';
import { createInteraction } from '../../../src/modules/interactions/interaction-service.ts';
import { addAttachment } from '../../../src/modules/interactions/attachment-service.ts';

/** A store that keeps bytes in memory: the probes never reach the bytes, only the rows. */
function memoryStore(dir: string): AttachmentStore {
  const files = new Map<string, Buffer>();
  return {
    kind: 'disk',
    incomingDir: dir,
    async put(key, file) {
      files.set(key, await readFile(file.path));
      await rm(file.path, { force: true });
    },
    async get(key) {
      const bytes = files.get(key);
      return bytes ? Readable.from([bytes]) : null;
    },
    async delete(key) {
      files.delete(key);
    },
  };
}

/** Records of workspace A for the interactions routes (see tenant-isolation.test.ts): a call with a file. */
export const seed: IsolationSeed = async ({ workspace, personId }) => {
  const interaction = await createInteraction(workspace.ctx, {
    channel: 'phone',
    direction: 'inbound',
    occurredAt: '2026-11-20T10:00:00Z',
    subject: 'Interactionsecret appel',
    body: 'Interactionsecret corps',
    participants: [{ partyId: personId }, { userId: workspace.admin.id }],
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'rapport-isolation-'));
  const file = path.join(dir, 'incoming.part');
  await writeFile(file, 'Interactionsecret notes');
  const attachment = await addAttachment(workspace.ctx, memoryStore(dir), { type: 'interaction', id: interaction.row.id }, {
    path: file,
    size: 23,
    sha256: 'not-checked',
    contentType: 'text/plain',
    fileName: 'interactionsecret-notes.txt',
  });
  await rm(dir, { recursive: true, force: true });
  return {
    resources: { interaction: interaction.row.id, attachment: attachment.id },
    secrets: [interaction.row.id, attachment.id, 'Interactionsecret', 'interactionsecret'],
  };
};
