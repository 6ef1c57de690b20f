/**
 * Saving a record: every save sends the version the user read. A stale version opens the conflict dialog
 * (held here until the user chooses); refused fields come back to the field that sent them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState } from 'react';
import { api, isApiError, type ApiError } from '../app/api.ts';
import type { Party, PartyKind } from '../parties/partyTypes.ts';
import { refreshParty } from './recordHooks.ts';
import { conflictRows, keepMine, mergeChanges, type Choice, type ConflictRow, type PartyChanges } from './recordModel.ts';
import { partyApiPath } from './relationModel.ts';

export type SaveOutcome =
  | { status: 'saved'; party: Party }
  | { status: 'invalid'; error: ApiError }
  | { status: 'conflict' }
  | { status: 'failed'; error: unknown };

export interface Conflict {
  changes: PartyChanges;
  /** The record as the user had read it. */
  base: Party;
  /** The record as it is stored now. */
  current: Party;
  rows: ConflictRow[];
}

export interface RecordEditor {
  party: Party;
  /** False when the user may not change this record: no edit affordances at all. */
  editable: boolean;
  /** Sends `changes` on top of `base` (the record as the user read it when they started editing). */
  save(changes: PartyChanges, base?: Party): Promise<SaveOutcome>;
}

export const RecordEditorContext = createContext<RecordEditor | null>(null);

export function useRecordEditor(): RecordEditor {
  const editor = useContext(RecordEditorContext);
  if (!editor) throw new Error('useRecordEditor() used outside a record page');
  return editor;
}

/** The save function of a record page and the conflict it may be waiting on. */
export function useRecordSaving(kind: PartyKind) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [resolveError, setResolveError] = useState<unknown>(null);

  const send = useCallback(
    async (changes: PartyChanges, base: Party, version: number): Promise<SaveOutcome> => {
      try {
        const saved = await api<Party>(partyApiPath(kind, base.id), { method: 'PATCH', body: { version, ...changes } });
        refreshParty(queryClient, saved);
        return { status: 'saved', party: saved };
      } catch (error) {
        if (isApiError(error, 'version_conflict')) {
          try {
            const current = await api<Party>(partyApiPath(kind, base.id));
            setConflict({ changes, base, current, rows: conflictRows(changes, base, current) });
            return { status: 'conflict' };
          } catch (reloadError) {
            return { status: 'failed', error: reloadError };
          }
        }
        if (isApiError(error, 'validation_failed')) return { status: 'invalid', error };
        return { status: 'failed', error };
      }
    },
    [kind, queryClient],
  );

  const save = useCallback((changes: PartyChanges, base: Party) => send(changes, base, base.version), [send]);

  /** Sends `changes` on top of the stored version; a further conflict replaces this one. */
  const resend = useCallback(
    async (changes: PartyChanges | null) => {
      if (!conflict) return;
      setResolveError(null);
      if (changes === null) {
        refreshParty(queryClient, conflict.current);
        setConflict(null);
        return;
      }
      const outcome = await send(changes, conflict.current, conflict.current.version);
      if (outcome.status === 'saved') setConflict(null);
      else if (outcome.status === 'invalid' || outcome.status === 'failed') setResolveError(outcome.error);
    },
    [conflict, queryClient, send],
  );

  return {
    save,
    conflict,
    resolveError,
    /** "Reload (discard mine)": show the stored record, forget the user's change. */
    reload: () => void resend(null),
    /** "Keep mine": the user's whole change, on top of the stored version. */
    keepMine: () => (conflict ? resend(keepMine(conflict.changes)) : Promise.resolve()),
    /** Field by field: the user's value where they chose it, the stored one elsewhere. */
    merge: (choices: Record<string, Choice>) => (conflict ? resend(mergeChanges(conflict.changes, conflict.rows, choices)) : Promise.resolve()),
  };
}
