/** API tokens as the API presents them (the secret itself is only ever shown once), and their state. Pure. */

export const TOKEN_SCOPES = ['read', 'read_write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (TOKEN_SCOPES as readonly string[]).includes(value);
}

export interface ApiToken {
  id: string;
  name: string;
  scope: TokenScope;
  /** The last characters of the secret, to recognise it. */
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type TokenState = 'active' | 'expired' | 'revoked';

/** Whether a token still opens the API at `now`. */
export function tokenState(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export const TOKEN_STATE_COLORS: Record<TokenState, string> = { active: 'green', expired: 'gray', revoked: 'red' };

/** Active tokens first, then by creation, newest first. */
export function sortTokens(tokens: readonly ApiToken[], now: Date): ApiToken[] {
  const rank = (token: ApiToken) => (tokenState(token, now) === 'active' ? 0 : 1);
  return [...tokens].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}

/** Choices of lifetime offered when creating a token, in days; null means it never expires. */
export const TOKEN_LIFETIMES = [30, 90, 365, null] as const;
export type TokenLifetime = (typeof TOKEN_LIFETIMES)[number];
