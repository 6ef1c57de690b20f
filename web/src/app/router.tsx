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
import { MyDayPage } from '../tasks/MyDayPage.tsx';
import { AgendaPage } from '../tasks/AgendaPage.tsx';
import { OrderListPage } from '../commerce/OrderListPage.tsx';
import { OrderPage } from '../commerce/OrderPage.tsx';
import { QuotePage } from '../commerce/QuotePage.tsx';
import { CataloguePage } from '../commerce/CataloguePage.tsx';
import { parseOrderListSearch } from '../commerce/commerceModel.ts';
import { InvoiceListPage } from '../billing/InvoiceListPage.tsx';
import { parseInvoiceListSearch } from '../billing/billingModel.ts';
import { CaseListPage } from '../cases/CaseListPage.tsx';
import { CasePage } from '../cases/CasePage.tsx';
import { ServiceSettingsPage } from '../cases/ServiceSettingsPage.tsx';
import { VocDashboardPage } from '../voc/VocDashboardPage.tsx';
import { parseCaseListSearch } from '../cases/caseModel.ts';
import { parseVocSearch } from '../voc/vocModel.ts';
import { ImportListPage } from '../imports/ImportListPage.tsx';
import { ImportPage } from '../imports/ImportPage.tsx';
import { DuplicateReviewPage } from '../duplicates/DuplicateReviewPage.tsx';
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

// Contact points: planned work, commerce, after-sales and the Voice of the Customer. Each page reads its own
// search parameters (filters) from the URL.
const myDayRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/my-day', component: MyDayPage });
const agendaRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/agenda', component: AgendaPage });
const ordersRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/orders', validateSearch: parseOrderListSearch, component: OrderListPage });
const orderRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/orders/$id',
  component: function OrderRecord() {
    const { id } = orderRoute.useParams();
    return <OrderPage id={id} />;
  },
});
const quoteRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/quotes/$id',
  component: function QuoteRecord() {
    const { id } = quoteRoute.useParams();
    return <QuotePage id={id} />;
  },
});
const catalogueRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/catalogue', component: CataloguePage });
const invoicesRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/invoices', validateSearch: parseInvoiceListSearch, component: InvoiceListPage });
const casesRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/cases', validateSearch: parseCaseListSearch, component: CaseListPage });
const caseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/cases/$id',
  component: function CaseRecord() {
    const { id } = caseRoute.useParams();
    return <CasePage id={id} />;
  },
});
const serviceSettingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/settings/service',
  beforeLoad: ({ context }) => {
    if (!hasPermission(context.me, 'service:configure')) throw redirect({ to: '/' });
  },
  component: ServiceSettingsPage,
});
const vocRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/voc', validateSearch: parseVocSearch, component: VocDashboardPage });
const importsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/imports', component: ImportListPage });
const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/imports/$id',
  component: function ImportRecord() {
    const { id } = importRoute.useParams();
    return <ImportPage id={id} />;
  },
});
const duplicatesRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/duplicates', component: DuplicateReviewPage });

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
    myDayRoute,
    agendaRoute,
    ordersRoute,
    orderRoute,
    quoteRoute,
    catalogueRoute,
    invoicesRoute,
    casesRoute,
    caseRoute,
    serviceSettingsRoute,
    vocRoute,
    importsRoute,
    importRoute,
    duplicatesRoute,
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
