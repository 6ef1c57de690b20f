/** The frame of every signed-in page: header (workspace, search, user menu), side navigation, content. */
import { AppShell, Burger, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBuilding,
  IconCalendar,
  IconCopy,
  IconFileImport,
  IconFileInvoice,
  IconHome,
  IconLifebuoy,
  IconMoodSmile,
  IconPackage,
  IconSettings,
  IconShoppingCart,
  IconSun,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery, useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { applyLocale } from '../i18n/i18n.ts';
import { GlobalSearch } from '../search/GlobalSearch.tsx';
import { isApiError, reportUnauthorized } from './api.ts';
import { NavLinkItem } from './links.tsx';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from '../tasks/NotificationBell.tsx';

/** The pages of the side navigation, in order; `needsUsers` ones only for those who may see users. */
const NAVIGATION = [
  { to: '/', label: 'nav.home', Icon: IconHome, testId: 'nav-home', needsUsers: false },
  { to: '/people', label: 'nav.people', Icon: IconUser, testId: 'nav-people', needsUsers: false },
  { to: '/organisations', label: 'nav.organisations', Icon: IconBuilding, testId: 'nav-organisations', needsUsers: false },
  { to: '/my-day', label: 'nav.myDay', Icon: IconSun, testId: 'nav-my-day', needsUsers: false },
  { to: '/agenda', label: 'nav.agenda', Icon: IconCalendar, testId: 'nav-agenda', needsUsers: false },
  { to: '/orders', label: 'nav.orders', Icon: IconShoppingCart, testId: 'nav-orders', needsUsers: false },
  { to: '/invoices', label: 'nav.invoices', Icon: IconFileInvoice, testId: 'nav-invoices', needsUsers: false },
  { to: '/cases', label: 'nav.cases', Icon: IconLifebuoy, testId: 'nav-cases', needsUsers: false },
  { to: '/voc', label: 'nav.voc', Icon: IconMoodSmile, testId: 'nav-voc', needsUsers: false },
  { to: '/catalogue', label: 'nav.catalogue', Icon: IconPackage, testId: 'nav-catalogue', needsUsers: false },
  { to: '/imports', label: 'nav.imports', Icon: IconFileImport, testId: 'nav-imports', needsUsers: false },
  { to: '/duplicates', label: 'nav.duplicates', Icon: IconCopy, testId: 'nav-duplicates', needsUsers: false },
  { to: '/users', label: 'nav.users', Icon: IconUsers, testId: 'nav-users', needsUsers: true },
  { to: '/settings', label: 'nav.settings', Icon: IconSettings, testId: 'nav-settings', needsUsers: false },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // The language saved in the profile wins, also when /api/me is fetched again (another tab changed it).
  const savedLocale = me.user.locale;
  useEffect(() => {
    if (savedLocale) applyLocale(savedLocale);
  }, [savedLocale]);

  // /api/me is fetched again now and then (window focus); if the session has ended meanwhile, go and sign in.
  const meError = useQuery(meQuery).error;
  useEffect(() => {
    if (isApiError(meError) && meError.status === 401) reportUnauthorized();
  }, [meError]);

  // On a phone the navigation is a drawer: close it once the user has picked a page.
  useEffect(() => closeNav(), [pathname, closeNav]);

  const canSeeUsers = hasPermission(me, 'users:read', 'users:manage');
  const isActive = (path: string) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('nav.close') : t('nav.open')}
            />
            <ThemeIcon variant="light" size="lg" aria-hidden>
              <IconAddressBook size={20} />
            </ThemeIcon>
            <Stack gap={0} visibleFrom="xs">
              <Text fw={700} lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate maw={180}>
                {me.workspace.name}
              </Text>
            </Stack>
          </Group>
          {hasPermission(me, 'search:read') && <GlobalSearch />}
          <NotificationBell />
          <UserMenu />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
        {NAVIGATION.filter((item) => !item.needsUsers || canSeeUsers).map(({ to, label, Icon, testId }) => (
          <NavLinkItem
            key={to}
            to={to}
            label={t(label)}
            leftSection={<Icon size={18} aria-hidden />}
            active={isActive(to)}
            data-testid={testId}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
