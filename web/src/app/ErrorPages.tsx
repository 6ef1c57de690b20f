/** What the router shows for an unknown address or an unexpected error while loading a page. */
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './formErrors.ts';
import { AnchorLink } from './links.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="sm">
        <Title order={1}>{t('errors.notFoundTitle')}</Title>
        <Text c="dimmed">{t('errors.notFound')}</Text>
        <AnchorLink to="/">{t('errors.backHome')}</AnchorLink>
      </Stack>
    </Center>
  );
}

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" role="alert">
        <Title order={1}>{t('errors.unexpectedTitle')}</Title>
        <Text c="dimmed">{errorMessage(error)}</Text>
        <Button variant="light" onClick={reset}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
