/**
 * The people or organisations list: a count, saved views, a column chooser and the creation button on top,
 * quick filters below, then the virtualised table filling the rest of the screen. Filters, sort, columns and
 * the view applied live in the URL, so a list can be bookmarked and shared.
 */
import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { PartyCreateButton } from './PartyCreateDialog.tsx';
import { PartyFilterBar } from './PartyFilterBar.tsx';
import { DEFAULT_COLUMNS, visibleColumns } from './partyColumns.ts';
import { useCustomFields, usePartyCount, usePartyList } from './partyHooks.ts';
import { activeFilterCount, countQueryString, DEFAULT_SORT, formatCount, listQueryString, normaliseSearch, parsePartyListSearch, type PartyListSearch } from './partyListModel.ts';
import { PartyTable } from './PartyTable.tsx';
import { PARTY_PATHS, type CustomField, type PartyCount, type PartyKind } from './partyTypes.ts';
import { SavedViewsMenu } from './SavedViewsMenu.tsx';
import { formatNumber } from './partyFormat.ts';
import { ExportMenu } from '../exports/ExportMenu.tsx';

const NO_FIELDS: CustomField[] = [];

export function PartyListPage({ kind }: { kind: PartyKind }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const rawSearch = useRouterState({ select: (state) => state.location.search });
  const search = useMemo(() => parsePartyListSearch(rawSearch as Record<string, unknown>), [rawSearch]);
  const setSearch = useCallback(
    (next: PartyListSearch) => void navigate({ to: PARTY_PATHS[kind].app, search: normaliseSearch(next, DEFAULT_COLUMNS[kind]), replace: true }),
    [navigate, kind],
  );

  const customFields = useCustomFields(kind).data ?? NO_FIELDS;
  const columns = useMemo(() => visibleColumns(kind, search.columns, customFields), [kind, search.columns, customFields]);
  const sort = search.sort ?? DEFAULT_SORT;
  const listQuery = listQueryString(kind, search, me.user.id);
  const countQuery = countQueryString(kind, search, me.user.id);
  const list = usePartyList(kind, listQuery);
  const count = usePartyCount(kind, countQuery);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <Stack gap="md" h="calc(100dvh - var(--app-shell-header-offset, 60px) - 2 * var(--app-shell-padding, 16px))" mih={480}>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="md" align="baseline">
          <Title order={1}>{t(`parties.title.${kind}`)}</Title>
          {!count.isError && <CountLabel kind={kind} count={count.data} />}
        </Group>
        <Group gap="xs">
          <SavedViewsMenu kind={kind} search={search} canSave={hasPermission(me, 'views:write')} onApply={setSearch} />
          <ColumnChooser kind={kind} chosen={search.columns} visible={columns} customFields={customFields} onChange={(ids) => setSearch({ ...search, columns: ids })} />
          {hasPermission(me, 'data:export') && <ExportMenu kind={kind} search={search} columns={columns.map((c) => c.id)} meId={me.user.id} />}
          {hasPermission(me, 'customers:write') && <PartyCreateButton kind={kind} />}
        </Group>
      </Group>

      <PartyFilterBar kind={kind} search={search} customFields={customFields} onChange={setSearch} />

      <Paper withBorder radius="md" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        {list.isPending ? (
          <Loading />
        ) : list.isError && rows.length === 0 ? (
          <Stack p="md">
            <LoadError error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : (
          <PartyTable
            kind={kind}
            rows={rows}
            columns={columns}
            sort={sort}
            onSort={(next) => setSearch({ ...search, sort: next })}
            total={count.data?.exact ? count.data.count : null}
            hasNextPage={hasNextPage && !list.isError}
            isFetchingNextPage={isFetchingNextPage}
            fetchNextPage={loadMore}
            resetKey={listQuery}
            stale={list.isPlaceholderData}
            empty={
              <Text c="dimmed" ta="center" py="xl" data-testid="party-empty">
                {hasFilters(search) ? t('parties.table.empty') : t(`parties.table.emptyStart.${kind}`)}
              </Text>
            }
            footer={
              <>
                <Text size="xs" c="dimmed" aria-live="polite" data-testid="party-loaded">
                  {count.data && rows.length > 0
                    ? t('parties.table.loaded', { count: rows.length, loaded: formatNumber(rows.length, i18n.language), total: totalLabel(count.data, i18n.language) })
                    : null}
                </Text>
                {list.isFetchNextPageError && (
                  <Button size="compact-xs" variant="light" color="red" onClick={loadMore}>
                    {t('parties.table.loadMoreFailed')}
                  </Button>
                )}
              </>
            }
          />
        )}
      </Paper>
    </Stack>
  );
}

/** "12,345 people", or "More than 100,000 people" past the count's cap. */
export function CountLabel({ kind, count }: { kind: PartyKind; count: PartyCount | undefined }) {
  const { t, i18n } = useTranslation();
  if (!count) return <Skeleton height={16} width={100} />;
  const { value, atLeast } = formatCount(count, i18n.language);
  return (
    <Text c="dimmed" fw={500} data-testid="party-count">
      {atLeast ? t(`parties.count.${kind}AtLeast`, { value }) : t(`parties.count.${kind}`, { value, count: count.count })}
    </Text>
  );
}

function hasFilters(search: PartyListSearch): boolean {
  return search.q !== undefined || activeFilterCount('person', search) + activeFilterCount('organisation', search) > 0;
}

function totalLabel(count: PartyCount, locale: string): string {
  const { value, atLeast } = formatCount(count, locale);
  return atLeast ? `${value}+` : value;
}
