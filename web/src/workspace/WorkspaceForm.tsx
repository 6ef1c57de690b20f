/** Renaming the workspace (admins). */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import type { Workspace } from '../auth/sessionModel.ts';
import { useUpdateWorkspace } from './workspaceHooks.ts';

export function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const update = useUpdateWorkspace();
  const [name, setName] = useState(workspace.name);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ name: name.trim() }, { onSuccess: () => notifySuccess(t('workspace.saved')) });
  }

  return (
    <form onSubmit={submit} data-testid="workspace-form">
      <Stack>
        <div>
          <Title order={2} size="h3">
            {t('workspace.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('workspace.slug', { slug: workspace.slug })}
          </Text>
        </div>
        <TextInput
          label={t('workspace.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(update.error, 'name') ?? (update.error ? errorMessage(update.error) : undefined)}
          maw={420}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={name.trim() === workspace.name}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
