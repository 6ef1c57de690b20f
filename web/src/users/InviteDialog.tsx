/**
 * Inviting a user: the form, then the invitation link to hand over. The link is shown here once; Rapport does
 * not send emails by itself.
 */
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { CopyValueButton } from '../app/CopyValueButton.tsx';
import { useTranslation } from 'react-i18next';
import { useInviteUser } from './userHooks.ts';
import { absoluteUrl } from './userModel.ts';
import { UserForm } from './UserForm.tsx';

export function InviteDialog() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const invite = useInviteUser();

  function finish() {
    close();
    invite.reset();
  }

  return (
    <>
      <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
        {t('users.invite.open')}
      </Button>
      <Modal opened={opened} onClose={finish} title={t('users.invite.title')}>
        {invite.data ? (
          <Stack>
            <Alert color="green" role="status">
              {t('users.invite.done', { email: invite.data.user.email })}
            </Alert>
            <TextInput
              label={t('users.invite.link')}
              readOnly
              value={absoluteUrl(invite.data.inviteUrl, window.location.origin)}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="invite-url"
            />
            <Group justify="flex-end">
              <CopyValueButton value={absoluteUrl(invite.data.inviteUrl, window.location.origin)} label={t('users.invite.copy')} />
              <Button onClick={finish}>{t('common.done')}</Button>
            </Group>
          </Stack>
        ) : (
          <UserForm
            mode="invite"
            initialValues={{ email: '', name: '', role: 'sales' }}
            submitting={invite.isPending}
            error={invite.error}
            onSubmit={(values) => invite.mutate(values)}
            onCancel={finish}
          />
        )}
      </Modal>
    </>
  );
}
