/** The signed-in user's own name and interface language. */
import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { useMe, useUpdateProfile } from '../auth/authHooks.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { isLocale, LOCALES, type Locale } from '../i18n/locale.ts';

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const update = useUpdateProfile();
  const [name, setName] = useState(me.user.name);
  const [locale, setLocale] = useState<Locale>(me.user.locale ?? currentLocale());
  const unchanged = name.trim() === me.user.name && locale === (me.user.locale ?? currentLocale());

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ name: name.trim(), locale }, { onSuccess: () => notifySuccess(t('settings.profileSaved')) });
  }

  return (
    <form onSubmit={submit} data-testid="profile-form">
      <Stack>
        <div>
          <Title order={2} size="h3">
            {t('settings.profile')}
          </Title>
          <Text size="sm" c="dimmed">
            {me.user.email}
          </Text>
        </div>
        <TextInput
          label={t('users.fields.name')}
          required
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(update.error, 'name')}
          maw={420}
        />
        <Select
          label={t('settings.language')}
          data={LOCALES.map((value) => ({ value, label: t(`languages.${value}`) }))}
          value={locale}
          onChange={(value) => isLocale(value) && setLocale(value)}
          allowDeselect={false}
          error={fieldError(update.error, 'locale')}
          maw={420}
        />
        {update.error && !fieldError(update.error, 'name') && !fieldError(update.error, 'locale') && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(update.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={update.isPending} disabled={unchanged}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
