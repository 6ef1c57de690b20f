/** Entry point of the web app. */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthorizedHandler } from './app/api.ts';
import { App } from './app/providers.tsx';
import { createQueryClient } from './app/queryClient.ts';
import { createAppRouter } from './app/router.tsx';
import { meQuery } from './auth/authHooks.ts';
import { PUBLIC_PATHS } from './auth/sessionModel.ts';
import './i18n/i18n.ts';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// The session ended (expired, revoked, signed out in another tab): go to the login page, then forget who was
// signed in. In that order, so the signed-in pages never render without a user.
setUnauthorizedHandler(() => {
  const { pathname, href } = router.state.location;
  if (PUBLIC_PATHS.includes(pathname)) return;
  void router.navigate({ to: '/login', search: { redirect: href } }).then(() => {
    queryClient.removeQueries({ queryKey: meQuery.queryKey });
  });
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
