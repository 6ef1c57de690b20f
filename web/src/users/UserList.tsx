/**
 * The users of the workspace: a table filtered by text, role and status, sorted by column and paged by cursor.
 * Filters and sort live in the URL, so a filtered list can be bookmarked. Admins (users:manage) also invite
 * users, change roles and disable or enable accounts here.
 */
import { Group, Select, Stack, Table, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../app/CursorPager.tsx';
import { formatDate, formatDateTime } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { ListTable } from '../app/ListTable.tsx';
import { useCursorPages } from '../app/useCursorPages.ts';
import { useTypedFilter } from '../app/useTypedFilter.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { InviteDialog } from './InviteDialog.tsx';
import { RoleBadge, StatusBadge } from './UserBadges.tsx';
import { RoleSelect, StatusToggle } from './UserActions.tsx';
import {
  DEFAULT_USER_SORT,
  isRole,
  isUserStatus,
  ROLES,
  sortDirection,
  toggleSort,
  USER_STATUSES,
  type UserSort,
  type UserSortColumn,
} from './userModel.ts';
import { useUserList } from './userHooks.ts';

const route = getRouteApi('/_signedIn/users');
const PAGE_SIZE = 25;

export function UserList() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canManage = hasPermission(me, 'users:manage');
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const sort = filters.sort ?? DEFAULT_USER_SORT;
  const pages = useCursorPages(JSON.stringify(filters));
  const list = useUserList({ ...filters, sort, limit: PAGE_SIZE, cursor: pages.cursor });

  const [text, setText] = useTypedFilter(filters.q, (q) => void navigate({ search: (prev) => ({ ...prev, q }), replace: true }));

  const setSort = (column: UserSortColumn) =>
    void navigate({ search: (prev) => ({ ...prev, sort: toggleSort(sort, column) }), replace: true });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('users.title')}</Title>
        {canManage && <InviteDialog />}
      </Group>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('users.filters')}>
        <TextInput
          label={t('users.filter.text')}
          placeholder={t('users.filter.textPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('users.fields.role')}
          placeholder={t('users.filter.any')}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={filters.role ?? null}
          onChange={(value) => void navigate({ search: (prev) => ({ ...prev, role: isRole(value) ? value : undefined }) })}
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label={t('users.fields.status')}
          placeholder={t('users.filter.any')}
          data={USER_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
          value={filters.status ?? null}
          onChange={(value) =>
            void navigate({ search: (prev) => ({ ...prev, status: isUserStatus(value) ? value : undefined }) })
          }
          clearable
          w={{ base: '100%', sm: 180 }}
        />
      </Group>

      <ListTable
        query={list}
        head={<UserHead sort={sort} onSort={setSort} canManage={canManage} />}
        columns={canManage ? 7 : 6}
        empty={t('users.empty')}
        minWidth={760}
        testId="users-table"
      >
        {(user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <AnchorLink to="/users/$id" params={{ id: user.id }} fw={500}>
                {user.name}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{user.email}</Table.Td>
            <Table.Td>
              {canManage ? (
                // Admins cannot demote or disable themselves from here: too easy a way to lock oneself out.
                <RoleSelect user={user} disabled={user.id === me.user.id} />
              ) : (
                <RoleBadge role={user.role} />
              )}
            </Table.Td>
            <Table.Td>
              <StatusBadge status={user.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.neverSignedIn')}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(user.createdAt, i18n.language)}</Table.Td>
            {canManage && (
              <Table.Td>
                <StatusToggle user={user} disabled={user.id === me.user.id} />
              </Table.Td>
            )}
          </Table.Tr>
        )}
      </ListTable>

      <CursorPager pages={pages} query={list} />
    </Stack>
  );
}

interface SortableHeaderProps {
  column: UserSortColumn;
  sort: UserSort;
  onSort: (column: UserSortColumn) => void;
  children: ReactNode;
}

function SortableHeader({ column, sort, onSort, children }: SortableHeaderProps) {
  const direction = sortDirection(sort, column);
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction ?? 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden style={{ opacity: direction ? 1 : 0.4 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

interface UserHeadProps {
  sort: UserSort;
  onSort: (column: UserSortColumn) => void;
  canManage: boolean;
}

function UserHead({ sort, onSort, canManage }: UserHeadProps) {
  const { t } = useTranslation();
  return (
    <>
      <SortableHeader column="name" sort={sort} onSort={onSort}>
        {t('users.fields.name')}
      </SortableHeader>
      <SortableHeader column="email" sort={sort} onSort={onSort}>
        {t('users.fields.email')}
      </SortableHeader>
      <Table.Th>{t('users.fields.role')}</Table.Th>
      <Table.Th>{t('users.fields.status')}</Table.Th>
      <Table.Th>{t('users.fields.lastLoginAt')}</Table.Th>
      <SortableHeader column="createdAt" sort={sort} onSort={onSort}>
        {t('users.fields.createdAt')}
      </SortableHeader>
      {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
    </>
  );
}
