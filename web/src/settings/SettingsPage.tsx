/**
 * Settings: the user's profile and API tokens, the workspace for those who manage it, and the way to the
 * customer record settings for those who configure them.
 */
import { Group, Paper, Stack, Title } from '@mantine/core';
import { IconAdjustments, IconLifebuoy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../app/links.tsx';
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
      {hasPermission(me, 'customers:configure') && (
        <Paper withBorder p="lg" component="section">
          <Group gap="sm">
            <IconAdjustments size={20} aria-hidden />
            <AnchorLink to="/settings/customers" fw={500} data-testid="settings-customers">
              {t('settings.customers')}
            </AnchorLink>
          </Group>
        </Paper>
      )}
      {hasPermission(me, 'service:configure') && (
        <Paper withBorder p="lg" component="section">
          <Group gap="sm">
            <IconLifebuoy size={20} aria-hidden />
            <AnchorLink to="/settings/service" fw={500} data-testid="settings-service">
              {t('cases.settings.title')}
            </AnchorLink>
          </Group>
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
