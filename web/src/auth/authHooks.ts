/** Data hooks of the session: who is signed in, signing in and out, the user's own profile. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.ts';
import { applyLocale, currentLocale } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locale.ts';
import type { User } from '../users/userModel.ts';
import type { Me, SessionStart } from './sessionModel.ts';

/**
 * /api/me. A 401 here is handled by the route guard (it knows where the user was going), so it does not
 * trigger the global redirect.
 */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => api<Me>('/api/me', { signal, redirectOnUnauthorized: false }),
  staleTime: 60_000,
  retry: false,
});

/** The signed-in user, workspace and permissions. Only for pages behind the route guard, which loaded it. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() used outside the signed-in part of the app');
  return data;
}

export interface LoginInput {
  /** Slug of the workspace, asked for only when the email and password open several. */
  workspace?: string;
  email: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      api<SessionStart>('/api/auth/login', { method: 'POST', body: input, redirectOnUnauthorized: false }),
    // Nothing cached for a previous session may leak into this one.
    onSuccess: () => queryClient.clear(),
  });
}

export interface AcceptInviteInput {
  token: string;
  password: string;
  name?: string;
}

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInviteInput) =>
      api<SessionStart>('/api/auth/accept-invite', { method: 'POST', body: input, redirectOnUnauthorized: false }),
    onSuccess: () => queryClient.clear(),
  });
}

/**
 * POST /api/auth/logout. The caller leaves the signed-in pages first and then calls `forgetSession`: clearing
 * the cache while they are still on screen would make them ask for /api/me again.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST', redirectOnUnauthorized: false }),
  });
}

export interface ProfileInput {
  name?: string;
  locale?: Locale;
}

/**
 * PATCH /api/me. A new locale is applied at once and written into the cached /api/me, and put back if the
 * server refuses it, so the interface never waits on the network to change language.
 */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api<{ user: User }>('/api/me', { method: 'PATCH', body: input }),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: meQuery.queryKey });
      const previous = queryClient.getQueryData(meQuery.queryKey);
      const previousLocale = currentLocale();
      if (input.locale) {
        applyLocale(input.locale);
        if (previous) {
          queryClient.setQueryData(meQuery.queryKey, { ...previous, user: { ...previous.user, locale: input.locale } });
        }
      }
      return { previous, previousLocale };
    },
    onError: (_error, _input, context) => {
      if (!context) return;
      applyLocale(context.previousLocale);
      if (context.previous) queryClient.setQueryData(meQuery.queryKey, context.previous);
    },
    onSuccess: ({ user }) => {
      queryClient.setQueryData(meQuery.queryKey, (me) => (me ? { ...me, user } : me));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
