/**
 * Step 2: the first rows as they will be stored (phones in international form, dates and numbers read with the
 * chosen options), what each will do — create, update, or be refused — with each problem in red under the cell
 * it concerns, and the existing record a new row most likely duplicates. Then a dry run (everything checked,
 * nothing written) or the import.
 */
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { PartyLink, useFieldLabel } from './ImportBits.tsx';
import { useImportPreview, useStartImport } from './importHooks.ts';
import { formatPreviewValue, previewFields, rowIssues } from './importModel.ts';
import type { ImportOut, PreviewRow, TargetField } from './importTypes.ts';

const ACTION_COLORS: Record<PreviewRow['action'], string> = { create: 'green', update: 'blue', invalid: 'red' };

export function PreviewStep({ imp, fields, onRemap }: { imp: ImportOut; fields: TargetField[]; onRemap: () => void }) {
  const { t } = useTranslation();
  const preview = useImportPreview(imp, true);
  const start = useStartImport(imp.id);
  const run = (dryRun: boolean) => start.mutate(dryRun, { onError: notifyError });

  return (
    <Stack gap="md" data-testid="preview-step">
      {preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('imports.preview.intro', { count: preview.data.length })}
          </Text>
          <PreviewTable imp={imp} fields={fields} rows={preview.data} />
        </>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onRemap} data-testid="preview-remap">
          {t('imports.preview.remap')}
        </Button>
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconTestPipe size={16} aria-hidden />}
            onClick={() => run(true)}
            loading={start.isPending && start.variables === true}
            disabled={start.isPending}
            data-testid="import-dry-run"
          >
            {t('imports.preview.dryRun')}
          </Button>
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => run(false)}
            loading={start.isPending && start.variables === false}
            disabled={start.isPending}
            data-testid="import-run"
          >
            {t('imports.preview.run')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function PreviewTable({ imp, fields, rows }: { imp: ImportOut; fields: TargetField[]; rows: PreviewRow[] }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = useFieldLabel(fields);
  const types = new Map(fields.map((field) => [field.key, field.type]));
  const columns = previewFields(imp.mapping);
  const words = { yes: t('common.yes'), no: t('common.no') };
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={Math.max(700, 160 * (columns.length + 2))}>
        <Table verticalSpacing="xs" striped data-testid="preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.preview.row')}</Table.Th>
              <Table.Th>{t('imports.preview.action')}</Table.Th>
              <Table.Th>{t('imports.preview.existing')}</Table.Th>
              {columns.map((key) => (
                <Table.Th key={key} data-field={key}>
                  {fieldLabel(key)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length + 3}>
                  <Text c="dimmed" ta="center" py="md">
                    {t('imports.preview.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((row) => {
              const issues = rowIssues(row, imp.headers, imp.mapping);
              return (
                <Table.Tr key={row.rowNumber} data-testid="preview-row" data-row={row.rowNumber} data-action={row.action}>
                  <Table.Td c="dimmed">{row.rowNumber}</Table.Td>
                  <Table.Td miw={120}>
                    <Badge color={ACTION_COLORS[row.action]} variant="light" data-testid="preview-action">
                      {t(`imports.preview.actions.${row.action}`)}
                    </Badge>
                    {issues.other.map((reason) => (
                      <Text key={reason} size="xs" c="red" data-testid="preview-row-issue">
                        {reason}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <ExistingRecord row={row} />
                  </Table.Td>
                  {columns.map((key) => {
                    const reasons = issues.byField.get(key) ?? [];
                    return (
                      <Table.Td key={key} data-field={key} data-testid="preview-cell" data-invalid={reasons.length > 0 || undefined}>
                        <Text size="sm">{formatPreviewValue(row.values[key] ?? null, types.get(key), i18n.language, words)}</Text>
                        {reasons.map(({ value, reason }) => (
                          <Text key={reason} size="xs" c="red" data-testid="preview-cell-issue">
                            {value ? t('imports.preview.refusedValue', { value, reason }) : reason}
                          </Text>
                        ))}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The record a row updates, or the one it most likely duplicates. */
function ExistingRecord({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  if (row.matchedParty) {
    return (
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('imports.preview.updates')}
        </Text>
        <PartyLink party={row.matchedParty} testId="preview-matched" />
      </Stack>
    );
  }
  if (row.likelyDuplicate) {
    return (
      <Stack gap={0} data-testid="preview-duplicate">
        <Text size="xs" c="orange">
          {t('imports.preview.likelyDuplicate', { score: Math.round(row.likelyDuplicate.score) })}
        </Text>
        <PartyLink party={row.likelyDuplicate} testId="preview-duplicate-link" />
      </Stack>
    );
  }
  return null;
}
