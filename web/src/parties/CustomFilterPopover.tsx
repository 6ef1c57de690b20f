/**
 * Filtering on a custom field: pick the field, then a condition and a value suited to its type (a choice among
 * its options, yes or no, a number or a date with "at least" and "at most").
 */
import { Button, Group, NumberInput, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMoney, formatNumber } from './partyFormat.ts';
import { operatorsFor, parseCustomCondition, withCustomCondition, type CustomOperator, type PartyListSearch } from './partyListModel.ts';
import type { CustomField } from './partyTypes.ts';

const OPERATOR_KEYS = { '=': 'eq', '>=': 'gte', '<=': 'lte' } as const;

export interface CustomFilterPopoverProps {
  fields: CustomField[];
  search: PartyListSearch;
  onChange: (search: PartyListSearch) => void;
}

export function CustomFilterPopover({ fields, search, onChange }: CustomFilterPopoverProps) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [key, setKey] = useState<string | null>(null);
  const [operator, setOperator] = useState<CustomOperator>('=');
  const [value, setValue] = useState('');
  const field = fields.find((f) => f.key === key);
  const operators = field ? operatorsFor(field.type) : (['='] as CustomOperator[]);

  function pick(nextKey: string | null) {
    setKey(nextKey);
    setOperator('=');
    setValue('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!field || value.trim() === '') return;
    onChange(withCustomCondition(search, { key: field.key, operator, value: value.trim() }));
    pick(null);
    close();
  }

  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-start" shadow="md" width={320} trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconAdjustmentsPlus size={16} aria-hidden />} onClick={toggle} data-testid="filter-custom">
          {t('parties.filters.custom.add')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('parties.filters.custom.none')}
          </Text>
        ) : (
          <form onSubmit={submit} aria-label={t('parties.filters.custom.title')}>
            <Stack gap="sm">
              <Text fw={600} size="sm">
                {t('parties.filters.custom.title')}
              </Text>
              <Select
                label={t('parties.filters.custom.field')}
                data={fields.map((f) => ({ value: f.key, label: f.label }))}
                value={key}
                onChange={pick}
                searchable
                comboboxProps={{ withinPortal: false }}
                data-testid="custom-field"
              />
              {field && operators.length > 1 && (
                <Select
                  label={t('parties.filters.custom.operator')}
                  data={operators.map((op) => ({ value: op, label: t(`parties.filters.custom.operators.${OPERATOR_KEYS[op]}`) }))}
                  value={operator}
                  onChange={(op) => op && setOperator(op as CustomOperator)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: false }}
                />
              )}
              {field && <ValueInput field={field} value={value} onChange={setValue} />}
              <Group justify="flex-end">
                <Button type="submit" size="xs" disabled={!field || value.trim() === ''} data-testid="custom-apply">
                  {t('parties.filters.custom.apply')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function ValueInput({ field, value, onChange }: { field: CustomField; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const label = t('parties.filters.custom.value');
  switch (field.type) {
    case 'boolean':
      return (
        <Select
          label={label}
          data={[
            { value: 'true', label: t('parties.table.yes') },
            { value: 'false', label: t('parties.table.no') },
          ]}
          value={value || null}
          onChange={(v) => onChange(v ?? '')}
          comboboxProps={{ withinPortal: false }}
          data-testid="custom-value"
        />
      );
    case 'choice':
    case 'multi_choice':
      return (
        <Select
          label={label}
          data={field.options}
          value={value || null}
          onChange={(v) => onChange(v ?? '')}
          searchable
          comboboxProps={{ withinPortal: false }}
          data-testid="custom-value"
        />
      );
    case 'number':
    case 'money':
      return (
        <NumberInput
          label={label}
          value={value}
          onChange={(v) => onChange(String(v))}
          decimalScale={field.type === 'money' ? 2 : undefined}
          rightSection={field.type === 'money' ? '€' : undefined}
          data-testid="custom-value"
        />
      );
    case 'date':
      return <TextInput label={label} type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid="custom-value" />;
    default:
      return <TextInput label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid="custom-value" />;
  }
}

/** Reads a stored condition back for people: `budget>=1000` → "Budget at least 1,000.00 €". */
export function useConditionLabel(fields: CustomField[]) {
  const { t, i18n } = useTranslation();
  return (condition: string): string => {
    const parsed = parseCustomCondition(condition);
    if (!parsed) return condition;
    const field = fields.find((f) => f.key === parsed.key);
    const op = t(`parties.filters.custom.operators.${OPERATOR_KEYS[parsed.operator]}`);
    let shown = parsed.value;
    const number = Number(parsed.value);
    if (field?.type === 'money' && Number.isFinite(number)) shown = formatMoney(number, i18n.language);
    else if (field?.type === 'number' && Number.isFinite(number)) shown = formatNumber(number, i18n.language);
    else if (field?.type === 'date') shown = formatDay(parsed.value, i18n.language);
    else if (field?.type === 'boolean') shown = parsed.value === 'true' ? t('parties.table.yes') : t('parties.table.no');
    return `${field?.label ?? parsed.key} ${op} ${shown}`;
  };
}
