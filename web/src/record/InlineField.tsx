/**
 * One field of the record, edited in place: click the value (or its pencil) to edit, Enter or the check saves,
 * Escape or the cross cancels. The save carries the version read when editing started; fields the API refuses
 * stay open with the reason next to them. Read-only records show the value alone.
 */
import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconLock, IconPencil, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../app/notify.ts';
import type { Party } from '../parties/partyTypes.ts';
import { issueMessage } from './fieldIssues.ts';
import { useRecordEditor } from './recordEditor.ts';
import type { PartyChanges } from './recordModel.ts';
import classes from './record.module.css';

export interface EditorProps<T> {
  draft: T;
  setDraft: (draft: T) => void;
  label: string;
  /** The API's message for `field` (by default the field itself), as the last save was refused. */
  error: (field?: string) => string | undefined;
}

export interface InlineFieldProps<T> {
  /** The API's name of the field; also names the element for tests (`field-<name>`). */
  name: string;
  label: string;
  /** How the value reads; null or '' shows a dash. */
  display: ReactNode;
  /** Help under the label, such as a custom field's purpose. */
  help?: ReactNode;
  /** A sensitive field: marked with a lock. */
  sensitive?: boolean;
  /** The draft when editing starts. */
  start: (party: Party) => T;
  toChanges: (draft: T) => PartyChanges;
  editor: (props: EditorProps<T>) => ReactNode;
  /** A multi-line editor: Enter makes a new line and Ctrl+Enter saves. */
  multiline?: boolean;
  /** Not editable here even on an editable record. */
  readOnly?: boolean;
  /** Spans every column of the grid it sits in. */
  fullWidth?: boolean;
}

export function InlineField<T>({ name, label, display, help, sensitive, start, toChanges, editor, multiline, readOnly, fullWidth }: InlineFieldProps<T>) {
  const { t } = useTranslation();
  const { party, editable, save } = useRecordEditor();
  const [editing, setEditing] = useState<{ base: Party; draft: T } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const canEdit = editable && !readOnly;
  // Focus the first input once, when editing starts, not at every keystroke.
  const isEditing = editing !== null;

  useEffect(() => {
    if (!editing) return;
    const first = formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea, select');
    first?.focus();
  }, [isEditing]);

  const begin = () => {
    setError(null);
    setEditing({ base: party, draft: start(party) });
  };
  const cancel = () => {
    setEditing(null);
    setError(null);
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!editing || saving) return;
    setSaving(true);
    const outcome = await save(toChanges(editing.draft), editing.base);
    setSaving(false);
    if (outcome.status === 'saved' || outcome.status === 'conflict') cancel();
    else if (outcome.status === 'invalid') setError(outcome.error);
    else notifyError(outcome.error);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    // An open dropdown (Select, MultiSelect) handles its own Escape.
    if (event.key === 'Escape' && target.dataset.mantineStopPropagation === undefined) {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && multiline) {
      event.preventDefault();
      void submit();
    }
  }

  const labelRow = (
    <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
      {sensitive && (
        <Tooltip label={t('record.custom.sensitive')}>
          <IconLock size={12} aria-label={t('record.custom.sensitive')} color="var(--mantine-color-orange-6)" style={{ marginLeft: 4, verticalAlign: -1 }} />
        </Tooltip>
      )}
    </Text>
  );
  const value = display === null || display === '' || display === undefined ? <Text span c="dimmed">—</Text> : display;

  return (
    <div data-testid={`field-${name}`} style={fullWidth ? { gridColumn: '1 / -1' } : undefined}>
      {labelRow}
      <Text component="dd" m={0} size="sm">
        {help && (
          <Text span display="block" size="xs" c="dimmed" mt={2}>
            {help}
          </Text>
        )}
        {editing ? (
          <form ref={formRef} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} className={classes.editing} noValidate>
            <Stack gap="xs">
              {editor({
                draft: editing.draft,
                setDraft: (draft) => setEditing((current) => (current ? { ...current, draft } : current)),
                label,
                error: (field) => issueMessage(t, error, field ?? name),
              })}
              <Group gap={6} justify="flex-end">
                <Tooltip label={t('record.edit.cancel')}>
                  <ActionIcon variant="default" onClick={cancel} aria-label={t('record.edit.cancel')} data-testid="field-cancel">
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('record.edit.save')}>
                  <ActionIcon type="submit" loading={saving} aria-label={t('record.edit.save')} data-testid="field-save">
                    <IconCheck size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Stack>
          </form>
        ) : canEdit ? (
          // The whole value is a click target for the mouse; the pencil is the button for keyboards and readers.
          <div
            className={classes.value}
            onClick={(event) => {
              if (!(event.target as HTMLElement).closest('a, button')) begin();
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</div>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                className={classes.pencil}
                aria-label={t('record.edit.field', { field: label })}
                onClick={begin}
                data-testid="field-edit"
              >
                <IconPencil size={14} aria-hidden />
              </ActionIcon>
            </Group>
          </div>
        ) : (
          <span className={classes.readonly}>{value}</span>
        )}
      </Text>
    </div>
  );
}
