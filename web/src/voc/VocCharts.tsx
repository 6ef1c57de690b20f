/**
 * The dashboard's charts: NPS and CSAT month by month (a line each), and the same per touch point, channel or
 * topic (bars). A click on a month or a bar asks for the verbatims behind it. Loaded on demand: the charting
 * library is heavy and only this page needs it.
 */
import { BarChart, LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useGroupLabel } from './vocLabels.ts';
import type { VocDimension } from './vocModel.ts';
import type { VocGroup } from './vocTypes.ts';

const indexOf = (state: { activeTooltipIndex?: unknown }): number | null => {
  const index = Number(state.activeTooltipIndex);
  return Number.isInteger(index) && index >= 0 ? index : null;
};

export function TrendChart({ months, onPick }: { months: VocGroup[]; onPick: (month: string) => void }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const data = months.map((m) => ({ label: label('month', m.key), nps: m.nps, csat: m.csat }));
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="label"
      series={[
        { name: 'nps', label: t('voc.kpi.nps'), color: 'indigo.6' },
        { name: 'csat', label: t('voc.kpi.csatShare'), color: 'teal.6' },
      ]}
      curveType="monotone"
      connectNulls
      withLegend
      yAxisProps={{ domain: [-100, 100] }}
      referenceLines={[{ y: 0, color: 'gray.5' }]}
      lineChartProps={{
        onClick: (state) => {
          const index = indexOf(state);
          const month = index === null ? undefined : months[index];
          if (month) onPick(month.key);
        },
        style: { cursor: 'pointer' },
      }}
      data-testid="voc-trend-chart"
    />
  );
}

export function BreakdownChart({ dimension, groups, onPick }: { dimension: VocDimension; groups: VocGroup[]; onPick: (key: string) => void }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const data = groups.map((g) => ({ label: label(dimension, g.key), nps: g.nps, csat: g.csat }));
  return (
    <BarChart
      h={Math.max(220, groups.length * 28)}
      data={data}
      dataKey="label"
      series={[
        { name: 'nps', label: t('voc.kpi.nps'), color: 'indigo.6' },
        { name: 'csat', label: t('voc.kpi.csatShare'), color: 'teal.6' },
      ]}
      withLegend
      yAxisProps={{ domain: [-100, 100] }}
      referenceLines={[{ y: 0, color: 'gray.5' }]}
      barChartProps={{
        onClick: (state) => {
          const index = indexOf(state);
          const group = index === null ? undefined : groups[index];
          if (group) onPick(group.key);
        },
        style: { cursor: 'pointer' },
      }}
      data-testid="voc-breakdown-chart"
    />
  );
}
