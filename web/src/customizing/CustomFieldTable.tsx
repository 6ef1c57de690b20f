/**
 * The custom fields of one kind of record, in the order records show them: their label, key, type, choices,
 * purpose and sensitivity, with buttons to move, change, archive and restore them.
 */
import { ActionIcon, Badge, Button, Code, Group, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconArrowDown, IconArrowUp, IconLock, IconPencil, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useCustomFields, useReorderCustomFields, useUpdateCustomField } from './customFieldHooks.ts';
import { moveField, sortFields, type CustomField, type CustomFieldEntity } from './customFieldModel.ts';
import { CreateCustomFieldButton, EditCustomFieldDialog } from './CustomFieldDialogs.tsx';

const MAX_OPTIONS_SHOWN = 4;

export function CustomFieldTable({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation();
  const fields = useCustomFields(entity);
  const reorder = useReorderCustomFields();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<CustomField | null>(null);
  const titleId = `custom-fields-${entity}-title`;

  const isVisible = (field: CustomField) => showArchived || field.archivedAt === null;
  const all = fields.data ?? [];
  const shown = sortFields(all).filter(isVisible);
  const archivedCount = all.length - all.filter((field) => field.archivedAt === null).length;

  function move(field: CustomField, delta: -1 | 1) {
    const moves = moveField(all, field.id, delta, isVisible);
    if (moves.length > 0) reorder.mutate(moves, { onError: notifyError });
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId} data-testid={`custom-fields-${entity}`}>
      <Group justify="space-between">
        <Title order={2} size="h3" id={titleId}>
          {t(`customizing.fields.titles.${entity}`)}
        </Title>
        <Group gap="md">
          {archivedCount > 0 && (
            <Switch
              label={t('customizing.fields.showArchived')}
              checked={showArchived}
              onChange={(event) => setShowArchived(event.currentTarget.checked)}
            />
          )}
          <CreateCustomFieldButton entity={entity} />
        </Group>
      </Group>
      {fields.isPending ? (
        <Loading />
      ) : fields.isError ? (
        <LoadError error={fields.error} onRetry={() => void fields.refetch()} />
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('customizing.fields.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" aria-labelledby={titleId} aria-busy={reorder.isPending || fields.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customizing.fields.columns.order')}</Table.Th>
                <Table.Th>{t('customizing.fields.columns.label')}</Table.Th>
                <Table.Th>{t('customizing.fields.columns.key')}</Table.Th>
                <Table.Th>{t('customizing.fields.columns.type')}</Table.Th>
                <Table.Th>{t('customizing.fields.columns.options')}</Table.Th>
                <Table.Th>{t('customizing.fields.columns.purpose')}</Table.Th>
                <Table.Th>{t('customizing.fields.columns.sensitive')}</Table.Th>
                <Table.Th>{t('customizing.fields.columns.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((field, index) => (
                <Table.Tr key={field.id} data-testid={`custom-field-${field.key}`}>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('customizing.fields.actions.moveUp', { label: field.label })}
                        disabled={index === 0 || reorder.isPending}
                        onClick={() => move(field, -1)}
                      >
                        <IconArrowUp size={14} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('customizing.fields.actions.moveDown', { label: field.label })}
                        disabled={index === shown.length - 1 || reorder.isPending}
                        onClick={() => move(field, 1)}
                      >
                        <IconArrowDown size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                  <Table.Td fw={500} c={field.archivedAt ? 'dimmed' : undefined}>
                    {field.label}
                  </Table.Td>
                  <Table.Td>
                    <Code>{field.key}</Code>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`customizing.fields.types.${field.type}`)}</Table.Td>
                  <Table.Td>
                    <OptionBadges options={field.options} />
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Text size="sm" lineClamp={2} title={field.purpose}>
                      {field.purpose}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {field.sensitive ? (
                      <Tooltip label={t('customizing.fields.sensitive')}>
                        <IconLock size={18} color="var(--mantine-color-orange-7)" role="img" aria-label={t('customizing.fields.sensitive')} />
                      </Tooltip>
                    ) : (
                      <Text size="sm" c="dimmed" aria-label={t('customizing.fields.notSensitive')}>
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={field.archivedAt ? 'gray' : 'green'} miw="max-content">
                      {t(`customizing.fields.status.${field.archivedAt ? 'archived' : 'active'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('customizing.fields.actions.edit', { label: field.label })}
                        onClick={() => setEditing(field)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ArchiveToggle field={field} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <EditCustomFieldDialog field={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function OptionBadges({ options }: { options: readonly string[] }) {
  if (options.length === 0) return <Text c="dimmed">—</Text>;
  const rest = options.length - MAX_OPTIONS_SHOWN;
  return (
    <Group gap={4} title={options.join(', ')}>
      {options.slice(0, MAX_OPTIONS_SHOWN).map((option) => (
        <Badge key={option} variant="light" color="gray" tt="none" miw="max-content">
          {option}
        </Badge>
      ))}
      {rest > 0 && (
        <Text size="xs" c="dimmed">
          +{rest}
        </Text>
      )}
    </Group>
  );
}

/** Archiving is undone by restoring, so it needs no confirmation. */
function ArchiveToggle({ field }: { field: CustomField }) {
  const { t } = useTranslation();
  const update = useUpdateCustomField();
  const archived = field.archivedAt !== null;
  return (
    <Button
      size="xs"
      variant="light"
      color={archived ? 'green' : 'gray'}
      leftSection={archived ? <IconRestore size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
      aria-label={t(archived ? 'customizing.fields.actions.restoreNamed' : 'customizing.fields.actions.archiveNamed', { label: field.label })}
      loading={update.isPending}
      onClick={() =>
        update.mutate(
          { id: field.id, archived: !archived },
          {
            onSuccess: () =>
              notifySuccess(t(archived ? 'customizing.fields.restored' : 'customizing.fields.archived', { label: field.label })),
            onError: notifyError,
          },
        )
      }
    >
      {t(archived ? 'customizing.fields.actions.restore' : 'customizing.fields.actions.archive')}
    </Button>
  );
}
