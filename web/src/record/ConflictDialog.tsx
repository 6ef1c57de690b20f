/**
 * "Someone changed this record while you were editing": for each field the user changed, their value against
 * the value stored now, and three ways out: reload (discard mine), keep mine, or choose field by field.
 */
import { Alert, Badge, Button, Group, Modal, SegmentedControl, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/formErrors.ts';
import type { Conflict } from './recordEditor.ts';
import { fieldLabel, formatFieldValue, type FormatContext } from './recordFormat.ts';
import { defaultChoices, type Choice } from './recordModel.ts';

export interface ConflictDialogProps {
  conflict: Conflict | null;
  error: unknown;
  format: Omit<FormatContext, 't' | 'locale'>;
  onReload: () => void;
  onKeepMine: () => Promise<void>;
  onMerge: (choices: Record<string, Choice>) => Promise<void>;
}

export function ConflictDialog({ conflict, error, format, onReload, onKeepMine, onMerge }: ConflictDialogProps) {
  const { t, i18n } = useTranslation();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState<'keep' | 'merge' | null>(null);
  const rows = conflict?.rows ?? [];

  useEffect(() => setChoices(defaultChoices(conflict?.rows ?? [])), [conflict]);

  const context: FormatContext = { ...format, t, locale: i18n.language };
  const show = (field: string, value: unknown) => formatFieldValue(field, value, context) || t('record.conflict.empty');
  const run = async (which: 'keep' | 'merge', action: () => Promise<void>) => {
    setBusy(which);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      opened={conflict !== null}
      onClose={onReload}
      title={
        <Group gap="xs" wrap="nowrap">
          <IconAlertTriangle size={20} color="var(--mantine-color-orange-6)" aria-hidden />
          <Text fw={600}>{t('record.conflict.title')}</Text>
        </Group>
      }
      size="xl"
      centered
      closeOnClickOutside={false}
      data-testid="conflict-dialog"
    >
      <Text size="sm" mb="md">
        {t('record.conflict.intro')}
      </Text>
      <Table withTableBorder verticalSpacing="sm" data-testid="conflict-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('record.conflict.field')}</Table.Th>
            <Table.Th>{t('record.conflict.mine')}</Table.Th>
            <Table.Th>{t('record.conflict.theirs')}</Table.Th>
            <Table.Th>{t('record.conflict.keep')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.field} data-field={row.field}>
              <Table.Td fw={500}>{fieldLabel(row.field, context)}</Table.Td>
              <Table.Td data-testid="conflict-mine">{show(row.field, row.mine)}</Table.Td>
              <Table.Td data-testid="conflict-theirs">
                {show(row.field, row.theirs)}
                {row.theyChanged && !row.same && (
                  <Badge size="xs" color="orange" variant="light" ml={6} tt="none">
                    {t('record.conflict.theyChanged')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {row.same ? (
                  <Badge size="sm" color="green" variant="light" tt="none">
                    {t('record.conflict.same')}
                  </Badge>
                ) : (
                  <SegmentedControl
                    size="xs"
                    value={choices[row.field] ?? 'mine'}
                    onChange={(value) => setChoices((current) => ({ ...current, [row.field]: value as Choice }))}
                    data={[
                      { value: 'mine', label: t('record.conflict.chooseMine') },
                      { value: 'theirs', label: t('record.conflict.chooseTheirs') },
                    ]}
                    aria-label={t('record.conflict.keepField', { field: fieldLabel(row.field, context) })}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error !== null && error !== undefined && (
        <Alert color="red" mt="md" role="alert" title={t('record.conflict.saveFailed')}>
          {errorMessage(error)}
        </Alert>
      )}
      <Group justify="space-between" mt="lg" wrap="wrap">
        <Button variant="default" onClick={onReload} data-testid="conflict-reload">
          {t('record.conflict.reload')}
        </Button>
        <Group gap="xs">
          <Button variant="light" loading={busy === 'merge'} onClick={() => void run('merge', () => onMerge(choices))} data-testid="conflict-merge">
            {t('record.conflict.merge')}
          </Button>
          <Button loading={busy === 'keep'} onClick={() => void run('keep', onKeepMine)} data-testid="conflict-keep-mine">
            {t('record.conflict.keepMine')}
          </Button>
        </Group>
      </Group>
    </Modal>
  );
}
