/**
 * Step 1: which field each column of the file feeds. Each column shows its title, three sample values and the
 * field proposed (with where the proposal came from: remembered from the last import of the same file layout,
 * a recognised contacts export, or suggested from the title); then how to find existing records and how to read
 * dates and decimals. What the server refuses is shown next to the column it names.
 */
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/formErrors.ts';
import { OptionSelect } from '../app/FormParts.tsx';
import { useFieldLabel } from './ImportBits.tsx';
import { useSaveMapping } from './importHooks.ts';
import { columnSamples, columnSource, draftFrom, mappingIssues, repeatedFields, unmappedRequired, withColumnField } from './importModel.ts';
import {
  DATE_ORDERS,
  DECIMAL_SEPARATORS,
  IMPORT_TARGETS,
  type DecimalSeparator,
  type ImportOut,
  type MappingBody,
  type MatchKey,
  type TargetInfo,
} from './importTypes.ts';

/** Translation keys of the decimal separators: a '.' cannot be part of a key. */
const DECIMAL_NAMES: Record<DecimalSeparator, 'auto' | 'comma' | 'point'> = { auto: 'auto', ',': 'comma', '.': 'point' };
const NO_MATCH = 'none';

export function MappingStep({ imp, targets, onSaved }: { imp: ImportOut; targets: TargetInfo[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMapping(imp.id);
  const [draft, setDraft] = useState<MappingBody>(
    () => draftFrom(imp) ?? { target: 'people', mapping: imp.headers.map(() => null), matchKey: null, options: { ...imp.options } },
  );
  const target = targets.find((candidate) => candidate.name === draft.target);
  const fields = target?.fields ?? [];
  const fieldLabel = useFieldLabel(fields);
  const issues = mappingIssues(save.error);
  const missing = unmappedRequired(draft.mapping, fields);
  const repeated = repeatedFields(draft.mapping, fields);
  const change = (changes: Partial<MappingBody>) => setDraft((current) => ({ ...current, ...changes }));

  const fieldOptions = [
    { group: t('imports.mapping.requiredFields'), items: fields.filter((f) => f.required).map((f) => ({ value: f.key, label: fieldLabel(f.key) })) },
    { group: t('imports.mapping.otherFields'), items: fields.filter((f) => !f.required).map((f) => ({ value: f.key, label: fieldLabel(f.key) })) },
  ].filter((group) => group.items.length > 0);

  async function submit() {
    try {
      await save.mutateAsync(draft);
      onSaved();
    } catch {
      // Shown next to the columns and above the table.
    }
  }

  return (
    <Stack gap="md" data-testid="mapping-step">
      {imp.target === null && (
        <OptionSelect
          label={t('imports.upload.target')}
          options={IMPORT_TARGETS}
          optionLabel={(option) => t(`imports.target.${option}`)}
          value={draft.target}
          onChange={(next) => change({ target: next, mapping: imp.headers.map(() => null), matchKey: null })}
          w={260}
        />
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" data-testid="mapping-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.mapping.column')}</Table.Th>
                <Table.Th>{t('imports.mapping.samples')}</Table.Th>
                <Table.Th w={340}>{t('imports.mapping.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imp.headers.map((header, index) => {
                const source = columnSource(index, imp.mapping, draft.mapping, imp.mappingSource);
                return (
                  <Table.Tr key={index} data-testid="mapping-row" data-column={header}>
                    <Table.Td>
                      <Text fw={500} size="sm">
                        {header}
                      </Text>
                      {source && (
                        <Badge size="xs" variant="light" color={source === 'remembered' ? 'teal' : 'indigo'} data-testid="mapping-source" data-source={source}>
                          {t(`imports.mapping.source.${source}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" lineClamp={2} data-testid="mapping-samples">
                        {columnSamples(imp.sample, index).join(' · ') || t('imports.mapping.noSample')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('imports.mapping.fieldOf', { column: header })}
                        placeholder={t('imports.mapping.ignore')}
                        data={fieldOptions}
                        value={draft.mapping[index] ?? null}
                        onChange={(value) => change({ mapping: withColumnField(draft.mapping, index, value) })}
                        searchable
                        clearable
                        nothingFoundMessage={t('imports.mapping.noField')}
                        error={issues.columns.get(index)}
                        data-testid="mapping-field"
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('imports.mapping.matchKey')}
          description={t('imports.mapping.matchKeyHint')}
          data={[
            { value: NO_MATCH, label: t('imports.mapping.matchNone') },
            ...(target?.matchKeys ?? []).map((key) => ({ value: key, label: t(`imports.matchKey.${key}`) })),
          ]}
          value={draft.matchKey ?? NO_MATCH}
          onChange={(value) => change({ matchKey: value && value !== NO_MATCH ? (value as MatchKey) : null })}
          allowDeselect={false}
          error={issues.matchKey}
          data-testid="mapping-match-key"
        />
        <OptionSelect
          label={t('imports.mapping.dateOrder')}
          description={t('imports.mapping.dateOrderHint')}
          options={DATE_ORDERS}
          optionLabel={(order) => t(`imports.dateOrder.${order}`)}
          value={draft.options.dateOrder}
          onChange={(dateOrder) => change({ options: { ...draft.options, dateOrder } })}
          data-testid="mapping-date-order"
        />
        <OptionSelect
          label={t('imports.mapping.decimalSeparator')}
          description={t('imports.mapping.decimalSeparatorHint')}
          options={DECIMAL_SEPARATORS}
          optionLabel={(separator) => t(`imports.decimalSeparator.${DECIMAL_NAMES[separator]}`)}
          value={draft.options.decimalSeparator}
          onChange={(decimalSeparator) => change({ options: { ...draft.options, decimalSeparator } })}
          data-testid="mapping-decimal"
        />
      </SimpleGrid>

      {(missing.length > 0 || repeated.length > 0) && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} data-testid="mapping-hints">
          {missing.length > 0 && <Text size="sm">{t('imports.mapping.missing', { fields: missing.map(fieldLabel).join(', ') })}</Text>}
          {repeated.length > 0 && <Text size="sm">{t('imports.mapping.repeated', { fields: repeated.map(fieldLabel).join(', ') })}</Text>}
        </Alert>
      )}
      {save.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('imports.mapping.refused')} role="alert" data-testid="mapping-error">
          <Text size="sm">{errorMessage(save.error)}</Text>
          {issues.general.map((issue) => (
            <Text key={issue} size="sm" data-testid="mapping-issue">
              {issue}
            </Text>
          ))}
        </Alert>
      )}

      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={save.isPending} rightSection={<IconArrowRight size={16} aria-hidden />} data-testid="mapping-submit">
          {t('imports.mapping.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
