/** Settings: the user's profile and API tokens, and the workspace for those who manage it. */
import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { TokenList } from '../tokens/TokenList.tsx';
import { WorkspaceForm } from '../workspace/WorkspaceForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>{t('settings.title')}</Title>
      <Paper withBorder p="lg" component="section">
        <ProfileForm key={me.user.locale ?? 'browser'} />
      </Paper>
      {hasPermission(me, 'profile:write') && (
        <Paper withBorder p="lg" component="section">
          <TokenList />
        </Paper>
      )}
      {hasPermission(me, 'workspace:manage') && (
        <Paper withBorder p="lg" component="section">
          <WorkspaceForm key={me.workspace.id} workspace={me.workspace} />
        </Paper>
      )}
    </Stack>
  );
}
