/**
 * The editor of one contact list (emails, phones or addresses): rows to change, add and remove, the first one
 * being the primary one; "make primary" moves a row first.
 */
import { ActionIcon, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconStar, IconStarFilled, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { makePrimary, removeAt, updateAt } from './recordModel.ts';

export interface ContactListEditorProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  /** A blank row for "add". */
  blank: () => T;
  addLabel: string;
  /** The inputs of row `index`; `update` changes some of its properties. */
  renderRow: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
  /** Names a row for assistive technology ("Email 2"). */
  rowLabel: (index: number) => string;
  /** A message about the whole list, such as "at most 20". */
  error?: string;
}

export function ContactListEditor<T>({ items, onChange, blank, addLabel, renderRow, rowLabel, error }: ContactListEditorProps<T>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('record.contact.none')}
        </Text>
      )}
      {items.map((item, index) => (
        <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ flex: 1, minWidth: 0 }}>{renderRow(item, index, (patch) => onChange(updateAt(items, index, patch)))}</div>
          <Group gap={4} wrap="nowrap" mt={4}>
            {index === 0 ? (
              <Tooltip label={t('record.contact.primary')}>
                <ActionIcon variant="subtle" color="yellow" aria-label={t('record.contact.primary')} component="span">
                  <IconStarFilled size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ) : (
              <Tooltip label={t('record.contact.makePrimary')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`${t('record.contact.makePrimary')} (${rowLabel(index)})`}
                  onClick={() => onChange(makePrimary(items, index))}
                >
                  <IconStar size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label={t('record.contact.remove')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('record.contact.remove')} (${rowLabel(index)})`}
                onClick={() => onChange(removeAt(items, index))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...items, blank()])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** The badges of a contact point when it is read: primary, type, and whether it still works. */
export function ContactBadges({ primary, type, valid, typeLabel }: { primary: boolean; type: string; valid: boolean; typeLabel: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-type={type}>
      <Badge size="xs" variant="light" color="gray" tt="none">
        {typeLabel}
      </Badge>
      {primary && (
        <Badge size="xs" variant="light" color="yellow" tt="none">
          {t('record.contact.primary')}
        </Badge>
      )}
      {!valid && (
        <Badge size="xs" variant="light" color="red" tt="none">
          {t('record.contact.invalid')}
        </Badge>
      )}
    </Group>
  );
}
