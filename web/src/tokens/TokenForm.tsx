/**
 * Creating an API token: name, scope and lifetime, then the secret, shown this once with a copy button since
 * the server keeps only its hash.
 */
import { Alert, Button, Code, Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyValueButton } from '../app/CopyValueButton.tsx';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { useCreateToken } from './tokenHooks.ts';
import { TOKEN_LIFETIMES, TOKEN_SCOPES, type TokenScope } from './tokenModel.ts';

export function TokenForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [lifetime, setLifetime] = useState<string>('90');

  if (create.data) {
    return (
      <Stack>
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t('tokens.secretTitle')} role="status">
          {t('tokens.secretWarning')}
        </Alert>
        <Code block data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
          {create.data.secret}
        </Code>
        <Group justify="flex-end">
          <CopyValueButton value={create.data.secret} label={t('tokens.copySecret')} />
          <Button onClick={onDone}>{t('common.done')}</Button>
        </Group>
      </Stack>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = lifetime === 'never' ? undefined : Number(lifetime);
    create.mutate({ name: name.trim(), scope, ...(days ? { expiresInDays: days } : {}) });
  }

  return (
    <form onSubmit={submit} data-testid="token-form">
      <Stack>
        {create.error && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <TextInput
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(create.error, 'name')}
        />
        <Radio.Group
          label={t('tokens.scope')}
          value={scope}
          onChange={(value) => setScope(value === 'read_write' ? 'read_write' : 'read')}
          error={fieldError(create.error, 'scope')}
        >
          <Stack gap="xs" mt="xs">
            {TOKEN_SCOPES.map((value) => (
              <Radio key={value} value={value} label={t(`tokens.scopes.${value}`)} description={t(`tokens.scopeHints.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Select
          label={t('tokens.lifetime')}
          data={TOKEN_LIFETIMES.map((days) =>
            days === null
              ? { value: 'never', label: t('tokens.never') }
              : { value: String(days), label: t('tokens.days', { count: days }) },
          )}
          value={lifetime}
          onChange={(value) => value && setLifetime(value)}
          allowDeselect={false}
          error={fieldError(create.error, 'expiresInDays')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
