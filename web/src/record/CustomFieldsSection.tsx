/**
 * The workspace's own fields for this kind of record, each with an input fitting its type and its purpose as
 * help. Sensitive fields carry a lock; those the user may not read show as restricted.
 */
import { Anchor, Group, SimpleGrid, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../app/QueryState.tsx';
import type { Party } from '../parties/partyTypes.ts';
import { MultiSelectField, NumberField, SelectField, SwitchField, TextField } from './FieldEditors.tsx';
import { formatDay, formatMoney } from './recordFormat.ts';
import { useCustomFields, type CustomFieldDefinition } from './recordHooks.ts';
import { Section } from './Section.tsx';

export function CustomFieldsSection({ party, canReadSensitive }: { party: Party; canReadSensitive: boolean }) {
  const { t } = useTranslation();
  const fields = useCustomFields(party.kind);
  if (fields.isSuccess && fields.data.length === 0) return null;
  return (
    <Section title={t('record.sections.custom')} testId="custom-fields">
      {fields.isPending ? (
        <Loading />
      ) : fields.isError ? (
        <LoadError error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md" m={0}>
          {fields.data.map((field) =>
            party.hiddenFields.includes(field.key) || (field.sensitive && !canReadSensitive) ? (
              <Restricted key={field.key} field={field} />
            ) : (
              <CustomField key={field.key} field={field} value={party.custom[field.key] ?? null} />
            ),
          )}
        </SimpleGrid>
      )}
    </Section>
  );
}

function Restricted({ field }: { field: CustomFieldDefinition }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`field-custom.${field.key}`}>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {field.label}
      </Text>
      <Text component="dd" m={0} mt={6} size="sm" c="dimmed">
        <Group gap={4} component="span">
          <IconLock size={14} aria-hidden />
          {t('record.custom.restricted')}
        </Group>
      </Text>
    </div>
  );
}

function CustomField({ field, value }: { field: CustomFieldDefinition; value: unknown }) {
  const { i18n } = useTranslation();
  const common = {
    name: `custom.${field.key}`,
    label: field.label,
    help: field.purpose,
    sensitive: field.sensitive,
    toChanges: (next: unknown) => ({ custom: { [field.key]: next } }),
  };
  const text = typeof value === 'string' ? value : null;
  const number = typeof value === 'number' ? value : null;
  const options = field.options.map((option) => ({ value: option, label: option }));
  switch (field.type) {
    case 'number':
      return <NumberField {...common} value={number} decimals={4} />;
    case 'money':
      return (
        <NumberField {...common} value={number} decimals={2} suffix=" €" display={number === null ? null : formatMoney(number, i18n.language)} />
      );
    case 'date':
      return <TextField {...common} value={text} type="date" display={text ? formatDay(text, i18n.language) : null} />;
    case 'boolean':
      return <SwitchField {...common} value={typeof value === 'boolean' ? value : null} />;
    case 'choice':
      return <SelectField {...common} value={text} options={options} />;
    case 'multi_choice':
      return <MultiSelectField {...common} value={Array.isArray(value) ? (value as string[]) : []} options={options} />;
    case 'url':
      return (
        <TextField
          {...common}
          value={text}
          type="url"
          placeholder="https://"
          display={
            text ? (
              <Anchor href={text} target="_blank" rel="noopener noreferrer" size="sm">
                {text.replace(/^https?:\/\//, '')}
              </Anchor>
            ) : null
          }
        />
      );
    default:
      return <TextField {...common} value={text} />;
  }
}
