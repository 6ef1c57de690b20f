/** Sign-in form; on success goes back to the page the user was sent away from. */
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { useLogin } from './authHooks.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { safeRedirect } from './sessionModel.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  // The server asks for the workspace only when these credentials open several; the field appears then.
  const [askWorkspace, setAskWorkspace] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password, ...(askWorkspace && workspace.trim() ? { workspace: workspace.trim() } : {}) },
      {
        onSuccess: () => void navigate({ href: safeRedirect(redirect), replace: true }),
        onError: (error) => {
          if (fieldError(error, 'workspace')) setAskWorkspace(true);
        },
      },
    );
  }

  return (
    <AuthFrame title={t('login.title')}>
      {/* Every field is required, so no asterisks: the labels stay plain "Email" and "Password". */}
      <form onSubmit={submit} data-testid="login-form">
        <Stack>
          {login.error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('login.failed')} role="alert">
              {errorMessage(login.error)}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            withAsterisk={false}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(login.error, 'email')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(login.error, 'password')}
          />
          {askWorkspace && (
            <TextInput
              label={t('login.workspace')}
              description={t('login.workspaceHint')}
              required
              withAsterisk={false}
              value={workspace}
              onChange={(event) => setWorkspace(event.currentTarget.value)}
            />
          )}
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
