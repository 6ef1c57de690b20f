import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IsolationSeed } from './seed.ts';
import { recordImport } from '../../../src/modules/imports/import-service.ts';
import { analyseSource } from '../../../src/modules/imports/readers/source.ts';

/**
 * Records of workspace A for the imports routes (see tenant-isolation.test.ts): one import of a file whose name
 * and first row are secrets, with its error report row, so no route of workspace B may show them.
 */
export const seed: IsolationSeed = async (base) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rapport-isolation-'));
  const fileName = 'Importsecret-catalogue.csv';
  const file = path.join(dir, fileName);
  try {
    await writeFile(file, 'SKU;Nom;Prix\nIMPSECRET-1;Importsecret article;12\n');
    const id = randomUUID();
    await recordImport(base.workspace.ctx, { id, fileName, size: 46, sha256: 'f'.repeat(64), sourcePath: file, analysis: await analyseSource(file, fileName), target: 'products' });
    await base.workspace.ctx.db
      .insertInto('import_row_errors')
      .values({ workspace_id: base.workspace.id, import_id: id, row_number: 2, position: 1, column_name: 'Prix', value: 'Importsecret-value', reason: 'test' })
      .execute();
    return { resources: { import: id }, secrets: [id, 'Importsecret', 'IMPSECRET-1'] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
