/**
 * A short-lived, per-process memory of resolved credentials, so a signed-in request costs no database round
 * trip. Entries live at most `ttlMs` (RAPPORT_AUTH_CACHE_SECONDS) and never past their session's or token's own
 * expiry. Any recorded change to a user, API token or workspace drops the entries it concerns at once, and
 * signing out drops the session's; another process sharing a PostgreSQL database sees such a change within the
 * time-to-live.
 */
import { onChangeRecorded } from '../events/change-log.ts';
import type { AuthState } from '../http/route-config.ts';

interface Entry {
  state: AuthState;
  validUntil: number;
}

const MAX_ENTRIES = 10_000;

export class AuthCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #unsubscribe: () => void;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
    this.#unsubscribe = onChangeRecorded((change) => {
      if (change.entity === 'user') this.forget((s) => s.workspaceId === change.workspaceId && s.userId === change.entityId);
      else if (change.entity === 'api_token') this.forget((s) => s.workspaceId === change.workspaceId && s.tokenId === change.entityId);
      else if (change.entity === 'workspace') this.forget((s) => s.workspaceId === change.workspaceId);
    });
  }

  get(key: string): AuthState | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.validUntil <= Date.now()) {
      this.#entries.delete(key);
      return null;
    }
    return entry.state;
  }

  set(key: string, state: AuthState, expiresAt: Date | null): void {
    if (this.#ttlMs <= 0) return;
    const validUntil = Math.min(Date.now() + this.#ttlMs, expiresAt?.getTime() ?? Infinity);
    this.#entries.delete(key);
    this.#entries.set(key, { state, validUntil });
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Drops every entry whose identity matches. */
  forget(matches: (identity: { workspaceId: string; userId: string; tokenId: string | null; sessionId: string | null }) => boolean): void {
    for (const [key, { state }] of this.#entries) {
      const actor = state.ctx.actor;
      if (actor.type === 'system') continue;
      const identity = {
        workspaceId: state.ctx.workspaceId,
        userId: actor.userId,
        tokenId: actor.type === 'token' ? actor.tokenId : null,
        sessionId: state.sessionId,
      };
      if (matches(identity)) this.#entries.delete(key);
    }
  }

  close(): void {
    this.#unsubscribe();
    this.#entries.clear();
  }
}
