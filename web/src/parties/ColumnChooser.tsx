/** Picking the columns of a list: shown ones in their order (movable), then every other standard and custom field. */
import { ActionIcon, Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconColumns3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { columnLabel } from './PartyCells.tsx';
import { availableColumns, CUSTOM_PREFIX, moveColumn, toggleColumn, type PartyColumn } from './partyColumns.ts';
import type { CustomField, PartyKind } from './partyTypes.ts';

export interface ColumnChooserProps {
  kind: PartyKind;
  /** Column ids chosen, undefined for the default ones. */
  chosen: string[] | undefined;
  visible: PartyColumn[];
  customFields: CustomField[];
  onChange: (columns: string[] | undefined) => void;
}

export function ColumnChooser({ kind, chosen, visible, customFields, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const label = (column: PartyColumn) => columnLabel(t, column);
  const shownIds = new Set(visible.map((c) => c.id));
  const hidden = availableColumns(kind, customFields).filter((c) => !shownIds.has(c.id));
  const hiddenStandard = hidden.filter((c) => !c.id.startsWith(CUSTOM_PREFIX));
  const hiddenCustom = hidden.filter((c) => c.id.startsWith(CUSTOM_PREFIX));
  // Changes apply to what is on screen, which leaves out ids that no longer exist (an archived custom field).
  const current = visible.map((c) => c.id);
  const toggle = (id: string) => onChange(toggleColumn(kind, current, id));

  return (
    <Popover position="bottom-end" shadow="md" width={320} trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns3 size={16} aria-hidden />} data-testid="columns-button">
          {t('parties.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="columns-chooser">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600} size="sm">
            {t('parties.columns.title')}
          </Text>
          <Button variant="subtle" size="compact-xs" onClick={() => onChange(undefined)} disabled={chosen === undefined}>
            {t('parties.columns.reset')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={2} p="xs">
            {visible.map((column, index) => (
              <Group key={column.id} justify="space-between" wrap="nowrap" gap={4}>
                <Checkbox
                  label={label(column)}
                  checked
                  disabled={column.id === 'displayName'}
                  onChange={() => toggle(column.id)}
                  size="xs"
                  data-testid={`column-${column.id}`}
                />
                {column.id !== 'displayName' && (
                  <Group gap={0} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={index <= 1}
                      onClick={() => onChange(moveColumn(kind, current, column.id, -1))}
                      aria-label={t('parties.columns.moveLeft', { column: label(column) })}
                    >
                      <IconChevronUp size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={index === visible.length - 1}
                      onClick={() => onChange(moveColumn(kind, current, column.id, 1))}
                      aria-label={t('parties.columns.moveRight', { column: label(column) })}
                    >
                      <IconChevronDown size={14} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            ))}
            <HiddenGroup title={t('parties.columns.standard')} columns={hiddenStandard} label={label} onToggle={toggle} />
            <HiddenGroup title={t('parties.columns.custom')} columns={hiddenCustom} label={label} onToggle={toggle} />
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

interface HiddenGroupProps {
  title: string;
  columns: PartyColumn[];
  label: (column: PartyColumn) => string;
  onToggle: (id: string) => void;
}

function HiddenGroup({ title, columns, label, onToggle }: HiddenGroupProps) {
  if (columns.length === 0) return null;
  return (
    <>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="sm" mb={4}>
        {title}
      </Text>
      {columns.map((column) => (
        <Checkbox
          key={column.id}
          label={label(column)}
          checked={false}
          onChange={() => onToggle(column.id)}
          size="xs"
          py={3}
          data-testid={`column-${column.id}`}
        />
      ))}
    </>
  );
}
