/** Where an invitation link leads: the new user picks a password (and may correct their name), then is in. */
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { AnchorLink } from '../app/links.tsx';
import { useAcceptInvite } from './authHooks.ts';
import { AuthFrame } from './AuthFrame.tsx';

const route = getRouteApi('/accept-invite');

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const accept = useAcceptInvite();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);

  if (!token) {
    return (
      <AuthFrame title={t('acceptInvite.title')}>
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
          {t('acceptInvite.missingToken')}
        </Alert>
        <Text size="sm" mt="md">
          <AnchorLink to="/login">{t('acceptInvite.toLogin')}</AnchorLink>
        </Text>
      </AuthFrame>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const trimmedName = name.trim();
    accept.mutate(
      { token: token ?? '', password, ...(trimmedName ? { name: trimmedName } : {}) },
      { onSuccess: () => void navigate({ to: '/', replace: true }) },
    );
  }

  return (
    <AuthFrame title={t('acceptInvite.title')}>
      <form onSubmit={submit} data-testid="accept-invite-form">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('acceptInvite.intro')}
          </Text>
          {accept.error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('acceptInvite.failed')} role="alert">
              {errorMessage(accept.error)}
            </Alert>
          )}
          <TextInput
            label={t('acceptInvite.name')}
            description={t('acceptInvite.nameHint')}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(accept.error, 'name')}
          />
          <PasswordInput
            label={t('acceptInvite.password')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(accept.error, 'password')}
          />
          <PasswordInput
            label={t('acceptInvite.confirmPassword')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={mismatch ? t('acceptInvite.mismatch') : undefined}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t('acceptInvite.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
