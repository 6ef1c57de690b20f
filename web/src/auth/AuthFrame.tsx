/** The centred card around the pages seen before signing in, with a language switch for this visit. */
import { Anchor, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale } from '../i18n/i18n.ts';
import { LOCALES } from '../i18n/locale.ts';

export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={420} gap="lg">
        <Group gap="sm" justify="center">
          <ThemeIcon variant="light" size="xl" aria-hidden>
            <IconAddressBook size={26} />
          </ThemeIcon>
          <Text fw={700} size="xl">
            {t('app.name')}
          </Text>
        </Group>
        <Paper withBorder shadow="sm" p="xl">
          <Title order={1} size="h3" mb="lg">
            {title}
          </Title>
          {children}
        </Paper>
        <Group justify="center" gap="md" aria-label={t('userMenu.language')} role="group">
          {LOCALES.map((value) => (
            <Anchor
              key={value}
              component="button"
              type="button"
              size="sm"
              lang={value}
              c={value === locale ? 'dimmed' : undefined}
              aria-current={value === locale ? 'true' : undefined}
              onClick={() => applyLocale(value)}
            >
              {t(`languages.${value}`)}
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Center>
  );
}
