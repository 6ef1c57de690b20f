/**
 * The people and organisations import targets: their fields (custom fields included), the conversion and check
 * of a row, the set-based write of a batch, the undo, and the likely duplicate the preview shows beside a row.
 */
import type { Ctx } from '../../../platform/context.ts';
import { customFieldMap } from '../../custom-fields/custom-field-service.ts';
import { checkDuplicates } from '../../duplicates/duplicate-check.ts';
import { getDuplicateSettings } from '../../duplicates/duplicate-settings.ts';
import type { PartyKind } from '../../parties/party-schemas.ts';
import type { ImportTarget, ImportTargetName, LikelyDuplicate, MatchKey, PreparedRow } from '../import-types.ts';
import { partyFields } from './party-fields.ts';
import { preparePartyRow, type PartyImportRecord } from './party-prepare.ts';
import { storedValues } from './party-stored-values.ts';
import { undoPartyImport } from './party-undo.ts';
import { writePartyBatch } from './party-write.ts';

export type { PartyImportRecord } from './party-prepare.ts';

/** The existing record a valid row most likely duplicates, when it scores at least the match threshold. */
async function likelyDuplicate(ctx: Ctx, row: PreparedRow<PartyImportRecord>): Promise<LikelyDuplicate | null> {
  if (row.issues.length > 0) return null;
  const [best] = await checkDuplicates(ctx, row.record.kind, row.record.body, { limit: 1 });
  if (!best || best.score < (await getDuplicateSettings(ctx)).matchThreshold) return null;
  return { id: best.id, kind: best.kind, displayName: best.displayName, customerNumber: best.customerNumber, score: best.score };
}

function partyTarget(name: ImportTargetName, kind: PartyKind, matchKeys: readonly MatchKey[]): ImportTarget<PartyImportRecord> {
  return {
    name,
    matchKeys,
    tables: ['parties', 'party_emails', 'party_phones', 'party_addresses', 'party_roles', 'party_links', 'timeline_entries', 'import_changes'],
    fields: (ctx) => partyFields(ctx, kind),
    prepare: async (ctx, row, options) => preparePartyRow(kind, row, options, await customFieldMap(ctx, kind)),
    writeBatch: (ctx, rows, options) => writePartyBatch(ctx, kind, rows, options),
    undo: undoPartyImport,
    likelyDuplicate,
    previewValues: (row) => storedValues(row.record),
  };
}

export const peopleTarget = partyTarget('people', 'person', ['email', 'phone', 'customerNumber', 'externalId']);
export const organisationsTarget = partyTarget('organisations', 'organisation', ['siret', 'email', 'phone', 'customerNumber', 'externalId']);
