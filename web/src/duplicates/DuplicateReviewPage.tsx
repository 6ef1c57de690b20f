/** The review queue of likely duplicates: pairs side by side, merge or ignore, bulk actions. */
import { Badge, Button, Checkbox, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { CursorPager } from '../app/CursorPager.tsx';
import { formatDateTime } from '../app/format.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { QueryView } from '../app/QueryState.tsx';
import { useCursorPages } from '../app/useCursorPages.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { PARTY_KINDS, type PartyKind } from '../parties/partyTypes.ts';
import { DuplicatePairCard } from './DuplicatePairCard.tsx';
import { useBulkDecision, useCandidates, useDuplicateSummary, useStartScan } from './duplicateHooks.ts';
import { DEFAULT_REVIEW_FILTERS, defaultSurvivor, reviewQuery, scanProgress, type ReviewFilters, type ScanRequest } from './duplicateModel.ts';
import { DUPLICATE_LEVELS, DUPLICATE_STATUSES, type BulkResult, type Candidate } from './duplicateTypes.ts';
import { MergeDialog } from './MergeDialog.tsx';

const PAGE_SIZE = 20;

export function DuplicateReviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canDecide = hasPermission(me, 'duplicates:merge');
  const [filters, setFilters] = useState<ReviewFilters>(DEFAULT_REVIEW_FILTERS);
  const pages = useCursorPages(JSON.stringify(filters));
  const list = useCandidates(reviewQuery(filters, pages.cursor, PAGE_SIZE));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [merging, setMerging] = useState<Candidate | null>(null);
  const bulk = useBulkDecision();
  const summary = useDuplicateSummary(false);
  const setFilter = (changes: Partial<ReviewFilters>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setSelected(new Set());
  };

  const onPage = list.data?.items.filter((c) => c.status !== 'merged') ?? [];
  const allSelected = onPage.length > 0 && onPage.every((c) => selected.has(c.id));

  function runBulk(action: 'ignore' | 'merge') {
    return bulk.mutateAsync({ ids: [...selected], action }).then(
      (result) => {
        reportBulk(result, t);
        setSelected(new Set());
      },
      (error: unknown) => {
        notifyError(error);
        throw error;
      },
    );
  }

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('duplicates.title')}</Title>
          <Text c="dimmed">{t('duplicates.intro')}</Text>
        </div>
        <ScanButton kind={filters.kind} />
      </Group>
      <Tabs value={filters.kind} onChange={(value) => setFilter({ kind: PARTY_KINDS.find((k) => k === value) ?? 'person' })}>
        <Tabs.List>
          {PARTY_KINDS.map((kind) => (
            <Tabs.Tab
              key={kind}
              value={kind}
              rightSection={
                summary.data && (
                  <Badge size="sm" variant="light" color={summary.data.open[kind] > 0 ? 'orange' : 'gray'}>
                    {summary.data.open[kind]}
                  </Badge>
                )
              }
              data-testid={`duplicates-tab-${kind}`}
            >
              {t(`duplicates.kinds.${kind}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end" role="search" aria-label={t('duplicates.filters.label')}>
          <Select
            label={t('duplicates.filters.level')}
            placeholder={t('duplicates.filters.anyLevel')}
            data={DUPLICATE_LEVELS.map((level) => ({ value: level, label: t(`duplicates.levels.${level}`) }))}
            value={filters.level}
            onChange={(level) => setFilter({ level: DUPLICATE_LEVELS.find((l) => l === level) ?? null })}
            clearable
            w={160}
            data-testid="duplicates-filter-level"
          />
          <Select
            label={t('duplicates.filters.status')}
            data={DUPLICATE_STATUSES.map((status) => ({ value: status, label: t(`duplicates.statuses.${status}`) }))}
            value={filters.status}
            onChange={(status) => setFilter({ status: DUPLICATE_STATUSES.find((s) => s === status) ?? 'open' })}
            allowDeselect={false}
            w={160}
            data-testid="duplicates-filter-status"
          />
        </Group>
        {canDecide && onPage.length > 0 && (
          <Group gap="sm">
            <Checkbox
              label={t('duplicates.actions.selectPage')}
              checked={allSelected}
              indeterminate={!allSelected && onPage.some((c) => selected.has(c.id))}
              onChange={(e) => setSelected(e.currentTarget.checked ? new Set(onPage.map((c) => c.id)) : new Set())}
              data-testid="duplicates-select-page"
            />
            {selected.size > 0 && (
              <>
                <Text size="sm" c="dimmed">
                  {t('duplicates.actions.selected', { count: selected.size })}
                </Text>
                {filters.status === 'open' && (
                  <Button size="xs" variant="default" loading={bulk.isPending} onClick={() => void runBulk('ignore').catch(() => {})} data-testid="duplicates-ignore-selected">
                    {t('duplicates.actions.ignoreSelected')}
                  </Button>
                )}
                <ConfirmButton
                  size="xs"
                  color="blue"
                  label={t('duplicates.actions.mergeSelected')}
                  title={t('duplicates.actions.mergeSelectedTitle')}
                  message={t('duplicates.actions.mergeSelectedMessage')}
                  onConfirm={() => runBulk('merge')}
                />
              </>
            )}
          </Group>
        )}
      </Group>
      <QueryView query={list}>
        {(page) => (
          <Stack gap="md" aria-busy={list.isFetching} data-testid="duplicates-list">
            {page.items.length === 0 && (
              <Text c="dimmed" ta="center" py="lg" data-testid="duplicates-empty">
                {t('duplicates.empty')}
              </Text>
            )}
            {page.items.map((candidate) => (
              <DuplicatePairCard
                key={candidate.id}
                candidate={candidate}
                canDecide={canDecide}
                selected={selected.has(candidate.id)}
                onSelect={(on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(candidate.id);
                    else next.delete(candidate.id);
                    return next;
                  })
                }
                onMerge={setMerging}
              />
            ))}
          </Stack>
        )}
      </QueryView>
      <CursorPager pages={pages} query={list} />
      {merging && (
        <MergeDialog
          a={merging.a}
          b={merging.b}
          defaultSurvivor={defaultSurvivor(merging.a, merging.b)}
          survivorIsMoreComplete
          candidateId={merging.id}
          onClose={() => setMerging(null)}
        />
      )}
    </Stack>
  );
}

/** Says how many pairs the bulk action settled, and why the others were not. */
function reportBulk(result: BulkResult, t: TFunction) {
  if (result.done > 0) notifySuccess(t('duplicates.actions.bulkDone', { count: result.done }));
  if (result.failed.length > 0) notifyError(new Error(t('duplicates.actions.bulkFailed', { messages: result.failed.map((f) => f.message).join('; ') })));
}

/**
 * "Scan now", with the open counts and the last scan beside it. It stays busy from the click until the summary
 * says that scan is over, then the queue is read again.
 */
function ScanButton({ kind }: { kind: PartyKind }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [request, setRequest] = useState<ScanRequest | null>(null);
  const summary = useDuplicateSummary(request !== null);
  const start = useStartScan();
  const busy = request !== null || start.isPending || summary.data?.scanning === true;

  useEffect(() => {
    if (!request || !summary.data || summary.isFetching) return;
    const next = scanProgress(request, summary.data);
    if (next === 'done') {
      setRequest(null);
      void queryClient.invalidateQueries({ queryKey: ['duplicates', 'list'] });
      notifySuccess(t('duplicates.scan.done'));
    } else if (next.sawScanning !== request.sawScanning) {
      setRequest(next);
    }
  }, [request, summary.data, summary.isFetching, queryClient, t]);

  function scan() {
    const lastScanBefore = summary.data?.lastScanAt ?? null;
    start.mutate(kind, {
      onSuccess: () => setRequest({ lastScanBefore, sawScanning: false }),
      onError: notifyError,
    });
  }

  const data = summary.data;
  return (
    <Stack gap={4} align="flex-end">
      {hasPermission(me, 'duplicates:merge') && (
        <Button
          leftSection={busy ? <Loader size={16} aria-hidden /> : <IconScan size={18} aria-hidden />}
          onClick={scan}
          disabled={busy}
          data-testid="duplicates-scan"
        >
          {busy ? t('duplicates.scan.running') : t('duplicates.scan.button')}
        </Button>
      )}
      {data && (
        <Text size="sm" c="dimmed" data-testid="duplicates-counts" aria-live="polite">
          {t('duplicates.counts.open', { count: data.open[kind] })} ·{' '}
          {data.lastScanAt ? t('duplicates.scan.last', { date: formatDateTime(data.lastScanAt, i18n.language) }) : t('duplicates.scan.never')}
        </Text>
      )}
    </Stack>
  );
}
