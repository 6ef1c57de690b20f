/**
 * The Voice of the Customer dashboard: over a period, the NPS, CSAT, effort and number of answers; NPS and CSAT
 * month by month and per touch point, channel or topic; the worst groups first; and below, the verbatims behind
 * whatever was clicked. Period and drill-down live in the URL, so a view can be shared.
 */
import { Badge, CloseButton, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { FeedbackList } from './FeedbackList.tsx';
import { useGroupLabel } from './vocLabels.ts';
import { WorstTable } from './WorstTable.tsx';
import { useVocSummary, useVocWorst } from './vocHooks.ts';
import {
  activeDrills,
  drillTo,
  localToday,
  npsColor,
  parseVocSearch,
  PERIODS,
  periodRange,
  verbatimQuery,
  VOC_DIMENSIONS,
  type DrillKey,
  type VocDimension,
  type VocSearch,
} from './vocModel.ts';
import type { VocMetrics } from './vocTypes.ts';

const route = getRouteApi('/_signedIn/voc');
// The charting library loads with the first chart, not with the app.
const TrendChart = lazy(() => import('./VocCharts.tsx').then((m) => ({ default: m.TrendChart })));
const BreakdownChart = lazy(() => import('./VocCharts.tsx').then((m) => ({ default: m.BreakdownChart })));

export function VocDashboardPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const range = periodRange(search, localToday());
  const [dimension, setDimension] = useState<VocDimension>('touchpoint');
  const trend = useVocSummary(range.from, range.to, 'month');
  const breakdown = useVocSummary(range.from, range.to, dimension);
  const worst = useVocWorst(range.from, range.to, dimension);
  const go = (next: VocSearch) => void navigate({ search: next, replace: true });
  const drill = (key: DrillKey, value: string | true) => go(drillTo(search, key, value));

  return (
    <Stack gap="lg" data-testid="voc-dashboard">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('voc.title')}</Title>
        <PeriodPicker search={search} range={range} onChange={(changes) => go(parseVocSearch({ ...search, ...changes }))} />
      </Group>

      {trend.isPending ? (
        <Loading />
      ) : trend.isError ? (
        <LoadError error={trend.error} onRetry={() => void trend.refetch()} />
      ) : (
        <>
          <KpiCards total={trend.data.total} onDetractors={() => drill('detractors', true)} />
          <Card title={t('voc.trend.title')} hint={t('voc.trend.hint')}>
            <Suspense fallback={<Loading />}>
              <TrendChart months={trend.data.groups} onPick={(month) => drill('month', month)} />
            </Suspense>
          </Card>
        </>
      )}

      <SegmentedControl
        value={dimension}
        onChange={(value) => setDimension(value as VocDimension)}
        data={VOC_DIMENSIONS.map((d) => ({ value: d, label: t(`voc.dimensions.${d}`) }))}
        w="fit-content"
        data-testid="voc-dimension"
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card title={t('voc.breakdown.title', { dimension: t(`voc.dimensions.${dimension}`) })} hint={t('voc.breakdown.hint')}>
          {breakdown.data ? (
            <Suspense fallback={<Loading />}>
              <BreakdownChart dimension={dimension} groups={breakdown.data.groups} onPick={(key) => drill(dimension, key)} />
            </Suspense>
          ) : breakdown.isError ? (
            <LoadError error={breakdown.error} />
          ) : (
            <Loading />
          )}
        </Card>
        <Card title={t('voc.worst.title')} hint={t('voc.worst.hint')}>
          {worst.data ? (
            <WorstTable dimension={dimension} groups={worst.data.data} onPick={(key) => drill(dimension, key)} />
          ) : worst.isError ? (
            <LoadError error={worst.error} />
          ) : (
            <Loading />
          )}
        </Card>
      </SimpleGrid>

      <Card title={t('voc.verbatims.title')} hint={t('voc.verbatims.hint')} testId="voc-verbatims">
        <DrillChips search={search} onClear={(key) => go({ ...search, [key]: undefined })} />
        <FeedbackList query={verbatimQuery(search, range)} />
      </Card>
    </Stack>
  );
}

function Card({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="lg" component="section" data-testid={testId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function PeriodPicker({ search, range, onChange }: { search: VocSearch; range: { from: string; to: string }; onChange: (changes: Partial<VocSearch>) => void }) {
  const { t } = useTranslation();
  const period = search.period ?? '12m';
  return (
    <Group gap="sm" align="flex-end" data-testid="voc-period">
      <SegmentedControl
        value={period}
        onChange={(value) => onChange({ period: value as VocSearch['period'], ...(value === 'custom' ? range : { from: undefined, to: undefined }) })}
        data={PERIODS.map((p) => ({ value: p, label: t(`voc.periods.${p}`) }))}
      />
      {period === 'custom' && (
        <>
          <TextInput type="date" label={t('voc.period.from')} value={range.from} onChange={(e) => onChange({ from: e.currentTarget.value || undefined })} />
          <TextInput type="date" label={t('voc.period.to')} value={range.to} onChange={(e) => onChange({ to: e.currentTarget.value || undefined })} />
        </>
      )}
    </Group>
  );
}

function Kpi({ label, value, detail, color, testId }: { label: string; value: string; detail: ReactNode; color?: string; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={32} fw={700} c={color} data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" component="div">
        {detail}
      </Text>
    </Paper>
  );
}

function KpiCards({ total, onDetractors }: { total: VocMetrics; onDetractors: () => void }) {
  const { t } = useTranslation();
  const or = (value: number | null, suffix = '') => (value === null ? '—' : `${value}${suffix}`);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
      <Kpi
        testId="kpi-nps"
        label={t('voc.kpi.nps')}
        value={or(total.nps)}
        color={npsColor(total.nps)}
        detail={
          <UnstyledButton fz="xs" c="dimmed" onClick={onDetractors} data-testid="kpi-detractors">
            {t('voc.kpi.npsDetail', { promoters: total.promoters, passives: total.passives, detractors: total.detractors })}
          </UnstyledButton>
        }
      />
      <Kpi testId="kpi-csat" label={t('voc.kpi.csatShare')} value={or(total.csat, ' %')} detail={t('voc.kpi.csatDetail', { average: or(total.csatAverage), count: total.csatAnswers })} />
      <Kpi testId="kpi-effort" label={t('voc.kpi.effort')} value={or(total.effortAverage)} detail={t('voc.kpi.effortDetail', { count: total.effortAnswers })} />
      <Kpi testId="kpi-answers" label={t('voc.kpi.answers')} value={String(total.answers)} detail={t('voc.kpi.negativeDetail', { share: or(total.negativeShare, ' %') })} />
    </SimpleGrid>
  );
}

function DrillChips({ search, onClear }: { search: VocSearch; onClear: (key: DrillKey) => void }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const drills = activeDrills(search);
  if (drills.length === 0) return null;
  return (
    <Group gap="xs" data-testid="voc-drill">
      {drills.map(([key, value]) => (
        <Badge
          key={key}
          size="lg"
          variant="light"
          rightSection={<CloseButton size="xs" aria-label={t('voc.verbatims.clear')} onClick={() => onClear(key)} />}
        >
          {t(`voc.drill.${key}`)}: {key === 'detractors' ? t('voc.drill.detractorsValue') : label(key, value)}
        </Badge>
      ))}
    </Group>
  );
}
