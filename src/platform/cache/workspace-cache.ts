/**
 * Small per-process memories of workspace settings read on almost every request (custom field definitions, edit
 * scopes), so that a request does not pay a query for them. An entry lives at most `ttlMs`; any change recorded
 * to one of the watched entities drops the workspace's entries at once (when written and again after commit, as
 * the auth cache does), and another process sharing the database sees it within the time-to-live.
 */
import { onChangeRecorded } from '../events/change-log.ts';

/** How long another process may keep serving a setting after it changed elsewhere. */
export const SETTINGS_TTL_MS = 5_000;

export class WorkspaceCache<T> {
  readonly #entries = new Map<string, { value: Promise<T>; validUntil: number }>();
  readonly #ttlMs: number;

  /** `entities`: the change-log entities whose changes make the cached values stale. */
  constructor(entities: readonly string[], ttlMs = SETTINGS_TTL_MS) {
    this.#ttlMs = ttlMs;
    onChangeRecorded((change) => {
      if (!entities.includes(change.entity)) return;
      for (const key of this.#entries.keys()) if (key.startsWith(`${change.workspaceId}/`)) this.#entries.delete(key);
    });
  }

  /** The value for `workspaceId` and `key`, loaded once per time-to-live; a failed load is not kept. */
  get(workspaceId: string, key: string, load: () => Promise<T>): Promise<T> {
    const id = `${workspaceId}/${key}`;
    const entry = this.#entries.get(id);
    if (entry && entry.validUntil > Date.now()) return entry.value;
    const value = load();
    this.#entries.set(id, { value, validUntil: Date.now() + this.#ttlMs });
    value.catch(() => this.#entries.delete(id));
    return value;
  }
}
