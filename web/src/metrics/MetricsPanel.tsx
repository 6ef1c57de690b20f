/**
 * The customer's purchase behaviour at a glance: what they spend with us and earn us, how often they buy,
 * how they pay, how often they complain or return, what they say. Each figure explains itself on hover.
 */
import { Badge, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api.ts';
import { formatDate, formatMoney } from '../app/format.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { Section } from '../record/Section.tsx';
import { formatNumber, formatShare, marginRate, warnings, type CustomerMetrics } from './metricsModel.ts';

export function useCustomerMetrics(partyId: string) {
  return useQuery({
    queryKey: ['metrics', partyId],
    queryFn: ({ signal }) => api<CustomerMetrics>(`/api/parties/${encodeURIComponent(partyId)}/metrics`, { signal }),
  });
}

export function MetricsPanel({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const metrics = useCustomerMetrics(partyId);
  return (
    <Section title={t('metrics.title')} testId="metrics">
      {metrics.isPending ? (
        <Loading />
      ) : metrics.isError ? (
        <LoadError error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : metrics.data.orderCount === 0 && metrics.data.caseCount === 0 && metrics.data.feedbackCount === 0 ? (
        <Text c="dimmed" size="sm">
          {t('metrics.none')}
        </Text>
      ) : (
        <MetricsGrid metrics={metrics.data} />
      )}
    </Section>
  );
}

function MetricsGrid({ metrics }: { metrics: CustomerMetrics }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (value: string | null) => formatMoney(value, metrics.currency, locale);
  const warn = warnings(metrics);
  return (
    <Stack gap="md">
      {warn.size > 0 && (
        <Group gap={6}>
          {[...warn].map((w) => (
            <Badge key={w} color="orange" variant="light" data-testid={`metric-warning-${w}`}>
              {t(`metrics.warnings.${w}`)}
            </Badge>
          ))}
        </Group>
      )}
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Figure name="revenue" value={money(metrics.revenue)} sub={t('metrics.in12m', { value: money(metrics.revenue12m) })} />
        <Figure
          name="margin"
          value={money(metrics.margin)}
          sub={t('metrics.marginRate', { value: formatShare(marginRate(metrics), locale) })}
        />
        <Figure name="orders" value={String(metrics.orderCount)} sub={t('metrics.in12m', { value: metrics.orderCount12m })} />
        <Figure name="averageBasket" value={money(metrics.averageBasket)} />
        <Figure name="monthlySpend" value={money(metrics.monthlySpend)} sub={t('metrics.perQuarter', { value: money(metrics.quarterlySpend) })} />
        <Figure
          name="frequency"
          value={t('metrics.perMonth', { value: formatNumber(metrics.ordersPerMonth, locale, 2) })}
          sub={metrics.meanIntervalDays === null ? undefined : t('metrics.everyDays', { value: formatNumber(metrics.meanIntervalDays, locale, 0) })}
        />
        <Figure
          name="lastPurchase"
          value={metrics.lastPurchaseAt ? formatDate(metrics.lastPurchaseAt, locale) : '—'}
          sub={metrics.daysSinceLastPurchase === null ? undefined : t('metrics.daysAgo', { count: metrics.daysSinceLastPurchase })}
          warn={warn.has('lapsing')}
        />
        <Figure name="firstPurchase" value={metrics.firstPurchaseAt ? formatDate(metrics.firstPurchaseAt, locale) : '—'} />
        <Figure name="openBalance" value={money(metrics.openBalance)} warn={warn.has('openBalance')} />
        <Figure
          name="latePayments"
          value={String(metrics.latePaymentCount)}
          sub={metrics.averageDaysLate === null ? undefined : t('metrics.averageLate', { value: formatNumber(metrics.averageDaysLate, locale, 0) })}
          warn={warn.has('late')}
        />
        <Figure name="cases" value={String(metrics.caseCount)} sub={t('metrics.complaints', { count: metrics.complaintCount })} warn={warn.has('complaints')} />
        <Figure name="returnRate" value={formatShare(metrics.returnRate, locale)} />
        <Figure name="promotionShare" value={formatShare(metrics.promotionShare, locale)} />
        <Figure
          name="nps"
          value={metrics.lastNps === null ? '—' : String(metrics.lastNps)}
          sub={metrics.averageNps === null ? undefined : t('metrics.averageNps', { value: formatNumber(metrics.averageNps, locale, 1) })}
          warn={warn.has('nps')}
        />
      </SimpleGrid>
    </Stack>
  );
}

function Figure({ name, value, sub, warn = false }: { name: string; value: string; sub?: ReactNode; warn?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`metrics.help.${name}` as 'metrics.help.revenue')} multiline w={260} openDelay={300}>
      <Stack gap={0} data-testid={`metric-${name}`}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t(`metrics.names.${name}` as 'metrics.names.revenue')}
        </Text>
        <Text fw={700} c={warn ? 'orange.8' : undefined}>
          {value}
        </Text>
        {sub && (
          <Text size="xs" c="dimmed">
            {sub}
          </Text>
        )}
      </Stack>
    </Tooltip>
  );
}
