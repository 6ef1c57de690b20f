/**
 * The signed-in user's menu in the header: who is signed in, the interface language (saved to their profile),
 * light or dark theme (saved in this browser), and signing out.
 */
import { Avatar, Group, Menu, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLogout, IconMoon, IconSettings, IconSun } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe, useUpdateProfile } from '../auth/authHooks.ts';
import { currentLocale } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locale.ts';
import { initials } from '../users/userModel.ts';
import { notifyError } from './notify.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const updateProfile = useUpdateProfile();
  const logout = useLogout();
  const { setColorScheme } = useMantineColorScheme();
  const colorScheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const locale = currentLocale();

  function chooseLocale(next: Locale) {
    if (next === locale && me.user.locale === next) return;
    updateProfile.mutate({ locale: next }, { onError: notifyError });
  }

  async function signOut() {
    try {
      await logout.mutateAsync();
    } catch {
      // Signed out either way: the session may have ended already.
    }
    await navigate({ to: '/login' });
    queryClient.clear();
  }

  const languageItem = (value: Locale) => (
    <Menu.Item
      data-testid={`lang-${value}`}
      lang={value}
      onClick={() => chooseLocale(value)}
      leftSection={value === locale ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16 }} />}
      aria-current={value === locale ? 'true' : undefined}
    >
      {t(`languages.${value}`)}
    </Menu.Item>
  );

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('userMenu.open', { name: me.user.name })}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size="sm" aria-hidden>
              {initials(me.user)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>{t('userMenu.language')}</Menu.Label>
        {languageItem('en')}
        {languageItem('fr')}
        <Menu.Divider />
        <Menu.Item
          data-testid="theme-toggle"
          leftSection={colorScheme === 'dark' ? <IconSun size={16} aria-hidden /> : <IconMoon size={16} aria-hidden />}
          onClick={() => setColorScheme(colorScheme === 'dark' ? 'light' : 'dark')}
        >
          {colorScheme === 'dark' ? t('userMenu.lightTheme') : t('userMenu.darkTheme')}
        </Menu.Item>
        <Menu.Item leftSection={<IconSettings size={16} aria-hidden />} onClick={() => void navigate({ to: '/settings' })}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          data-testid="logout"
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void signOut()}
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
