/** What an admin can do to a user in one click: change the role, disable or enable the account. */
import { Button, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { useUpdateUser } from './userHooks.ts';
import { isRole, nextStatus, ROLES, type User } from './userModel.ts';

/** The role of a user as a select that changes it at once. */
export function RoleSelect({ user, disabled }: { user: User; disabled?: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const roles = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <Select
      aria-label={t('users.roleOf', { name: user.name })}
      data={roles}
      value={user.role}
      size="xs"
      w={150}
      allowDeselect={false}
      disabled={disabled || update.isPending}
      onChange={(role) => {
        if (!isRole(role) || role === user.role) return;
        update.mutate(
          { id: user.id, role },
          {
            onSuccess: () => notifySuccess(t('users.roleChanged', { name: user.name, role: t(`roles.${role}`) })),
            onError: notifyError,
          },
        );
      }}
    />
  );
}

/** Disable (after confirmation) or enable a user. */
export function StatusToggle({ user, disabled, size = 'xs' }: { user: User; disabled?: boolean; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const status = nextStatus(user);

  if (status === 'active') {
    return (
      <Button
        size={size}
        variant="light"
        color="green"
        disabled={disabled}
        loading={update.isPending}
        aria-label={t('users.enableNamed', { name: user.name })}
        onClick={() =>
          update.mutate(
            { id: user.id, status },
            { onSuccess: () => notifySuccess(t('users.enabled', { name: user.name })), onError: notifyError },
          )
        }
      >
        {t('users.enable')}
      </Button>
    );
  }
  return (
    <ConfirmButton
      size={size}
      variant="light"
      disabled={disabled}
      label={t('users.disable')}
      ariaLabel={t('users.disableNamed', { name: user.name })}
      title={t('users.disableTitle', { name: user.name })}
      message={t('users.disableMessage')}
      onConfirm={() =>
        update.mutateAsync({ id: user.id, status }).then(
          () => notifySuccess(t('users.disabled', { name: user.name })),
          (error: unknown) => {
            notifyError(error);
            throw error;
          },
        )
      }
    />
  );
}
