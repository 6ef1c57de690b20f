/**
 * The pages and how one gets to them. Signed-in pages sit under the pathless `_signedIn` route, whose guard
 * loads /api/me (and with it the user's language) or sends the visitor to /login, remembering where they were
 * going.
 */
import { Outlet, createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AcceptInvitePage } from '../auth/AcceptInvitePage.tsx';
import { meQuery } from '../auth/authHooks.ts';
import { LoginPage } from '../auth/LoginPage.tsx';
import { hasPermission, safeRedirect } from '../auth/sessionModel.ts';
import { HomePage } from '../home/HomePage.tsx';
import { applyLocale } from '../i18n/i18n.ts';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { PartyListPage } from '../parties/PartyListPage.tsx';
import { parsePartyListSearch } from '../parties/partyListModel.ts';
import { PartyRecordPage } from '../record/PartyRecordPage.tsx';
import { CustomerSettingsPage } from '../customizing/CustomerSettingsPage.tsx';
import { UserList } from '../users/UserList.tsx';
import { parseUserFilters } from '../users/userModel.ts';
import { UserShow } from '../users/UserShow.tsx';
import { isApiError } from './api.ts';
import { AppLayout } from './AppLayout.tsx';
import { ErrorPage, NotFoundPage } from './ErrorPages.tsx';
import { Loading } from './QueryState.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  // Someone already signed in has nothing to do here. Always ask the server: a cached /api/me may be stale.
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.fetchQuery({ ...meQuery, staleTime: 0 }).catch(() => null);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: LoginPage,
});

const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invite',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' ? { token: search.token } : {},
  component: AcceptInvitePage,
});

const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_signedIn',
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQuery);
      if (me.user.locale) applyLocale(me.user.locale);
      return { me };
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: HomePage,
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/users',
  validateSearch: parseUserFilters,
  beforeLoad: ({ context }) => {
    if (!hasPermission(context.me, 'users:read', 'users:manage')) throw redirect({ to: '/' });
  },
  component: UserList,
});

const userRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/users/$id',
  beforeLoad: ({ context }) => {
    if (!hasPermission(context.me, 'users:read', 'users:manage')) throw redirect({ to: '/' });
  },
  component: UserShow,
});

const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/settings',
  component: SettingsPage,
});

const peopleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people',
  validateSearch: parsePartyListSearch,
  component: () => <PartyListPage kind="person" />,
});

const personRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/$id',
  component: function PersonRecord() {
    const { id } = personRoute.useParams();
    return <PartyRecordPage kind="person" id={id} />;
  },
});

const organisationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organisations',
  validateSearch: parsePartyListSearch,
  component: () => <PartyListPage kind="organisation" />,
});

const organisationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organisations/$id',
  component: function OrganisationRecord() {
    const { id } = organisationRoute.useParams();
    return <PartyRecordPage kind="organisation" id={id} />;
  },
});

const customerSettingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/settings/customers',
  beforeLoad: ({ context }) => {
    if (!hasPermission(context.me, 'customers:configure')) throw redirect({ to: '/' });
  },
  component: CustomerSettingsPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  acceptInviteRoute,
  signedInRoute.addChildren([
    homeRoute,
    usersRoute,
    userRoute,
    settingsRoute,
    customerSettingsRoute,
    peopleRoute,
    personRoute,
    organisationsRoute,
    organisationRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // TanStack Query already caches; let it decide what is fresh.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: Loading,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
