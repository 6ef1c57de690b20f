/** The fields of a user, shared by the invitation dialog (email, name, role) and the edit dialog (name, role). */
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { isRole, ROLES, type Role } from './userModel.ts';

export interface UserFormValues {
  email: string;
  name: string;
  role: Role;
}

export interface UserFormProps {
  mode: 'invite' | 'edit';
  initialValues: UserFormValues;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: UserFormValues) => void;
  onCancel: () => void;
  /** The role cannot be changed (an admin editing themselves). */
  roleLocked?: boolean;
}

export function UserForm({ mode, initialValues, submitting, error, onSubmit, onCancel, roleLocked = false }: UserFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const roles = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ ...values, email: values.email.trim(), name: values.name.trim() });
  }

  return (
    <form onSubmit={submit} data-testid={`user-form-${mode}`}>
      <Stack>
        {error !== null && error !== undefined && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <TextInput
          label={t('users.fields.email')}
          type="email"
          required={mode === 'invite'}
          disabled={mode === 'edit'}
          value={values.email}
          onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
          error={fieldError(error, 'email')}
          data-autofocus={mode === 'invite' || undefined}
        />
        <TextInput
          label={t('users.fields.name')}
          required
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
          error={fieldError(error, 'name')}
          data-autofocus={mode === 'edit' || undefined}
        />
        <Select
          label={t('users.fields.role')}
          data={roles}
          value={values.role}
          onChange={(role) => isRole(role) && setValues({ ...values, role })}
          allowDeselect={false}
          disabled={roleLocked}
          description={roleLocked ? t('users.ownRoleLocked') : undefined}
          error={fieldError(error, 'role')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {mode === 'invite' ? t('users.invite.submit') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
