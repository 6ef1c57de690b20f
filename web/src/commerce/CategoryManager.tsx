/** Managing the catalogue's categories: add, rename in place, delete those no product uses. */
import { ActionIcon, Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { notifyError } from '../app/notify.ts';
import { useCategories, useCreateCategory, useDeleteCategory, useRenameCategory } from './commerceHooks.ts';
import type { Category } from './commerceTypes.ts';

export function CategoryManager({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const create = useCreateCategory();
  const [name, setName] = useState('');

  function add(event: FormEvent) {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  }

  return (
    <Modal opened onClose={onClose} title={t('commerce.categories.title')}>
      <Stack gap="sm">
        {(categories.data ?? []).map((category) => (
          <CategoryRow key={category.id} category={category} />
        ))}
        {categories.data?.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('commerce.categories.empty')}
          </Text>
        )}
        <form onSubmit={add}>
          <Group align="flex-start" gap="xs">
            <TextInput
              flex={1}
              placeholder={t('commerce.categories.newPlaceholder')}
              aria-label={t('commerce.categories.new')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(create.error, 'body.name')}
              data-testid="category-new"
            />
            <Button type="submit" disabled={!name.trim()} loading={create.isPending} data-testid="category-add">
              {t('commerce.categories.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Modal>
  );
}

function CategoryRow({ category }: { category: Category }) {
  const { t } = useTranslation();
  const rename = useRenameCategory();
  const remove = useDeleteCategory();
  const [name, setName] = useState(category.name);
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        flex={1}
        value={name}
        aria-label={t('commerce.categories.rename', { name: category.name })}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError(rename.error, 'body.name')}
      />
      <Badge variant="light" color="gray">
        {t('commerce.categories.products', { count: category.productCount })}
      </Badge>
      <ActionIcon
        variant="subtle"
        aria-label={t('commerce.categories.saveName')}
        disabled={!name.trim() || name.trim() === category.name}
        onClick={() => rename.mutate({ id: category.id, name: name.trim() })}
      >
        <IconCheck size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('commerce.categories.delete', { name: category.name })}
        disabled={category.productCount > 0}
        title={category.productCount > 0 ? t('commerce.categories.inUse') : undefined}
        onClick={() => remove.mutate(category.id, { onError: notifyError })}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
