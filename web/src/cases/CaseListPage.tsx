/**
 * The after-sales queue: cases still waiting for work, the most urgent (nearest deadline) first, with their SLA
 * state, customer and assignee. Filters live in the URL, so a queue ("my breached cases") can be bookmarked.
 */
import { Group, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAdjustments, IconSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../app/CursorPager.tsx';
import { formatDateTime } from '../app/format.ts';
import { OptionSelect } from '../app/FormParts.tsx';
import { AnchorLink } from '../app/links.tsx';
import { ListTable } from '../app/ListTable.tsx';
import { useCursorPages } from '../app/useCursorPages.ts';
import { useTypedFilter } from '../app/useTypedFilter.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useOwners } from '../parties/partyHooks.ts';
import { CaseStatusBadge, CustomerLink, PriorityBadge, SlaBadge } from './CaseBadges.tsx';
import { CaseCreateButton } from './CaseCreateDialog.tsx';
import { useCaseList } from './caseHooks.ts';
import { CASE_PRIORITIES, CASE_SORTS, CASE_STATUSES, CASE_TYPES, caseListQuery, parseCaseListSearch, type CaseListSearch } from './caseModel.ts';

const route = getRouteApi('/_signedIn/cases');
const PAGE_SIZE = 50;

export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const users = useOwners();
  const query = caseListQuery(search);
  const pages = useCursorPages(JSON.stringify(query));
  const list = useCaseList({ ...query, limit: PAGE_SIZE, cursor: pages.cursor });
  const canWrite = hasPermission(me, 'customers:write');

  const setFilter = (changes: Partial<Record<keyof CaseListSearch, unknown>>) =>
    void navigate({ search: (prev) => parseCaseListSearch({ ...prev, ...changes }), replace: true });

  const [text, setText] = useTypedFilter(search.q, (q) => void navigate({ search: (prev) => ({ ...prev, q }), replace: true }));

  const assigneeOptions = [
    { value: 'me', label: t('cases.filters.me') },
    { value: 'none', label: t('cases.unassigned') },
    ...(users.data ?? []).filter((u) => u.id !== me.user.id).map((u) => ({ value: u.id, label: u.name })),
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('cases.title')}</Title>
        <Group gap="sm">
          {hasPermission(me, 'service:configure') && (
            <AnchorLink to="/settings/service" size="sm" data-testid="cases-sla-settings">
              <Group gap={4}>
                <IconAdjustments size={16} aria-hidden />
                {t('cases.settings.link')}
              </Group>
            </AnchorLink>
          )}
          {canWrite && <CaseCreateButton />}
        </Group>
      </Group>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('cases.filters.label')}>
        <TextInput
          label={t('cases.filters.text')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={{ base: '100%', sm: 220 }}
          data-testid="cases-filter-text"
        />
        <Select
          label={t('cases.fields.status')}
          placeholder={search.all ? t('cases.filters.any') : t('cases.filters.active')}
          data={CASE_STATUSES.map((v) => ({ value: v, label: t(`cases.statuses.${v}`) }))}
          value={search.status ?? null}
          onChange={(status) => setFilter({ status: status ?? undefined })}
          clearable
          w={{ base: '100%', sm: 170 }}
          data-testid="cases-filter-status"
        />
        <Select
          label={t('cases.fields.priority')}
          placeholder={t('cases.filters.any')}
          data={CASE_PRIORITIES.map((v) => ({ value: v, label: t(`cases.priorities.${v}`) }))}
          value={search.priority ?? null}
          onChange={(priority) => setFilter({ priority: priority ?? undefined })}
          clearable
          w={{ base: '100%', sm: 140 }}
          data-testid="cases-filter-priority"
        />
        <Select
          label={t('cases.fields.type')}
          placeholder={t('cases.filters.any')}
          data={CASE_TYPES.map((v) => ({ value: v, label: t(`cases.types.${v}`) }))}
          value={search.type ?? null}
          onChange={(type) => setFilter({ type: type ?? undefined })}
          clearable
          w={{ base: '100%', sm: 150 }}
          data-testid="cases-filter-type"
        />
        <Select
          label={t('cases.fields.assignee')}
          placeholder={t('cases.filters.anyone')}
          data={assigneeOptions}
          value={search.assignee ?? null}
          onChange={(assignee) => setFilter({ assignee: assignee ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', sm: 180 }}
          data-testid="cases-filter-assignee"
        />
        <OptionSelect
          label={t('cases.filters.sort')}
          options={CASE_SORTS}
          optionLabel={(v) => t(`cases.sorts.${v}`)}
          value={search.sort ?? 'urgency'}
          onChange={(sort) => setFilter({ sort: sort === 'urgency' ? undefined : sort })}
          w={{ base: '100%', sm: 170 }}
        />
        <Stack gap={6} pb={4}>
          <Switch
            label={t('cases.filters.breached')}
            checked={search.breached ?? false}
            onChange={(e) => setFilter({ breached: e.currentTarget.checked || undefined })}
            color="red"
            data-testid="cases-filter-breached"
          />
          <Switch
            label={t('cases.filters.all')}
            checked={search.all ?? false}
            onChange={(e) => setFilter({ all: e.currentTarget.checked || undefined })}
            data-testid="cases-filter-all"
          />
        </Stack>
      </Group>

      <ListTable query={list} head={<CaseHead />} columns={8} empty={t('cases.empty')} minWidth={980} testId="cases-table">
        {(c) => (
          <Table.Tr key={c.id} data-testid="case-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <AnchorLink to="/cases/$id" params={{ id: c.id }} fw={500}>
                {c.number}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {c.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`cases.types.${c.type}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <CustomerLink party={c.party} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <PriorityBadge priority={c.priority} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <CaseStatusBadge status={c.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <SlaBadge sla={c} withTime />
            </Table.Td>
            <Table.Td>{c.assignee?.name ?? <Text span c="dimmed" size="sm">{t('cases.unassigned')}</Text>}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.openedAt, i18n.language)}</Table.Td>
          </Table.Tr>
        )}
      </ListTable>

      <CursorPager pages={pages} query={list} />
    </Stack>
  );
}

function CaseHead() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('cases.fields.number')}</Table.Th>
      <Table.Th>{t('cases.fields.subject')}</Table.Th>
      <Table.Th>{t('cases.fields.customer')}</Table.Th>
      <Table.Th>{t('cases.fields.priority')}</Table.Th>
      <Table.Th>{t('cases.fields.status')}</Table.Th>
      <Table.Th>{t('cases.fields.sla')}</Table.Th>
      <Table.Th>{t('cases.fields.assignee')}</Table.Th>
      <Table.Th>{t('cases.fields.openedAt')}</Table.Th>
    </>
  );
}
