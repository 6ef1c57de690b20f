/** One user: their profile and, for those who may read history, every change made to it. */
import { Avatar, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { BackLink } from '../app/links.tsx';
import { notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useHistory } from '../events/eventHooks.ts';
import { EventFeedPanel } from '../events/EventFeedPanel.tsx';
import { RoleBadge, StatusBadge } from './UserBadges.tsx';
import { UserForm } from './UserForm.tsx';
import { useUpdateUser, useUser } from './userHooks.ts';
import { initials, type User } from './userModel.ts';
import { StatusToggle } from './UserActions.tsx';

const route = getRouteApi('/_signedIn/users/$id');

export function UserShow() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const me = useMe();
  const user = useUser(id);

  return (
    <Stack gap="lg" maw={900}>
      <BackLink to="/users">{t('users.backToList')}</BackLink>
      {user.isPending ? (
        <Loading />
      ) : user.isError ? (
        <LoadError error={user.error} onRetry={() => void user.refetch()} />
      ) : (
        <>
          <UserProfile user={user.data} canManage={hasPermission(me, 'users:manage')} isSelf={user.data.id === me.user.id} />
          {hasPermission(me, 'history:read') && <UserHistory id={id} />}
        </>
      )}
    </Stack>
  );
}

function UserProfile({ user, canManage, isSelf }: { user: User; canManage: boolean; isSelf: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, { open: edit, close: stopEditing }] = useDisclosure(false);
  const update = useUpdateUser();

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="user-name">
      <Group justify="space-between" align="flex-start">
        <Group>
          <Avatar color="indigo" radius="xl" size="lg" aria-hidden>
            {initials(user)}
          </Avatar>
          <div>
            <Title order={1} size="h2" id="user-name">
              {user.name}
            </Title>
            <Text c="dimmed">{user.email}</Text>
          </div>
        </Group>
        {canManage && (
          <Group gap="xs">
            <Button variant="default" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit}>
              {t('common.edit')}
            </Button>
            <StatusToggle user={user} disabled={isSelf} size="sm" />
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt="lg" component="dl" spacing="md">
        <Detail label={t('users.fields.role')}>
          <RoleBadge role={user.role} />
        </Detail>
        <Detail label={t('users.fields.status')}>
          <StatusBadge status={user.status} />
        </Detail>
        <Detail label={t('users.fields.locale')}>
          {user.locale ? t(`languages.${user.locale}`) : t('users.localeBrowser')}
        </Detail>
        <Detail label={t('users.fields.lastLoginAt')}>
          {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.neverSignedIn')}
        </Detail>
        <Detail label={t('users.fields.createdAt')}>{formatDateTime(user.createdAt, i18n.language)}</Detail>
        <Detail label={t('users.fields.updatedAt')}>{formatDateTime(user.updatedAt, i18n.language)}</Detail>
      </SimpleGrid>

      <Modal opened={editing} onClose={stopEditing} title={t('users.editTitle', { name: user.name })}>
        <UserForm
          mode="edit"
          initialValues={{ email: user.email, name: user.name, role: user.role }}
          roleLocked={isSelf}
          submitting={update.isPending}
          error={update.error}
          onCancel={stopEditing}
          onSubmit={({ name, role }) =>
            update.mutate(
              { id: user.id, name, ...(isSelf ? {} : { role }) },
              {
                onSuccess: () => {
                  stopEditing();
                  notifySuccess(t('users.saved'));
                },
              },
            )
          }
        />
      </Modal>
    </Paper>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} mt={4} size="sm">
        {children}
      </Text>
    </div>
  );
}

function UserHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useHistory('user', id);
  return <EventFeedPanel title={t('users.history')} titleId="user-history-title" feed={history} />;
}
