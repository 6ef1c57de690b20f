/** Users as the API presents them, and the pure rules the user pages follow. */
import { ROLES, type Role } from '../../../src/platform/auth/permissions.ts';
import type { Locale } from '../i18n/locale.ts';

export { ROLES, type Role };

export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  locale: Locale | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const USER_SORTS = ['name', '-name', 'email', '-email', 'createdAt', '-createdAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export type UserSortColumn = 'name' | 'email' | 'createdAt';

/** The filters of the user list, as they appear in the page's URL. */
export interface UserFilters {
  q?: string;
  role?: Role;
  status?: UserStatus;
  sort?: UserSort;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isUserStatus(value: unknown): value is UserStatus {
  return typeof value === 'string' && (USER_STATUSES as readonly string[]).includes(value);
}

export function isUserSort(value: unknown): value is UserSort {
  return typeof value === 'string' && (USER_SORTS as readonly string[]).includes(value);
}

/** Reads the list filters from untrusted URL search parameters, dropping anything the API would refuse. */
export function parseUserFilters(search: Record<string, unknown>): UserFilters {
  const filters: UserFilters = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') filters.q = search.q;
  if (isRole(search.role)) filters.role = search.role;
  if (isUserStatus(search.status)) filters.status = search.status;
  if (isUserSort(search.sort)) filters.sort = search.sort;
  return filters;
}

/** The list's default order. */
export const DEFAULT_USER_SORT: UserSort = 'name';

/** Which way `column` is sorted under `sort`, or null when the list is sorted by another column. */
export function sortDirection(sort: UserSort, column: UserSortColumn): 'ascending' | 'descending' | null {
  if (sort === column) return 'ascending';
  if (sort === `-${column}`) return 'descending';
  return null;
}

/** Clicking a column header: sort by it ascending, or flip the direction when it is already the sort column. */
export function toggleSort(sort: UserSort, column: UserSortColumn): UserSort {
  return sort === column ? `-${column}` : column;
}

/** The status an admin can switch a user to with one click: disabled users are enabled, others disabled. */
export function nextStatus(user: Pick<User, 'status'>): 'active' | 'disabled' {
  return user.status === 'disabled' ? 'active' : 'disabled';
}

/** Badge colour of each status. */
export const STATUS_COLORS: Record<UserStatus, string> = {
  active: 'green',
  invited: 'yellow',
  disabled: 'gray',
};

/** Initials for an avatar: the first letters of the first and last words of the name, or of the email. */
export function initials(user: Pick<User, 'name' | 'email'>): string {
  const words = user.name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length === 0 ? [user.email] : words.length === 1 ? [words[0]] : [words[0], words.at(-1)];
  return letters
    .map((word) => (word ?? '').charAt(0).toUpperCase())
    .join('')
    .slice(0, 2);
}

/** The invitation URL as a full address to copy, whether the server sends it absolute or as a path. */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin).toString();
}
