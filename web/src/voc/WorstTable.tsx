/** The worst groups first: a click on a row asks for the verbatims behind it. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGroupLabel } from './vocLabels.ts';
import { npsColor, type VocDimension } from './vocModel.ts';
import type { VocGroup } from './vocTypes.ts';

const percent = (value: number | null) => (value === null ? '—' : `${value} %`);
const average = (value: number | null) => (value === null ? '—' : String(value));

export function WorstTable({ dimension, groups, onPick }: { dimension: VocDimension; groups: VocGroup[]; onPick: (key: string) => void }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  if (groups.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('voc.worst.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="voc-worst-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`voc.dimensions.${dimension}`)}</Table.Th>
            <Table.Th ta="right">{t('voc.kpi.nps')}</Table.Th>
            <Table.Th ta="right">{t('voc.kpi.csatShare')}</Table.Th>
            <Table.Th ta="right">{t('voc.kpi.effort')}</Table.Th>
            <Table.Th ta="right">{t('voc.kpi.negative')}</Table.Th>
            <Table.Th ta="right">{t('voc.kpi.answers')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr
              key={g.key}
              onClick={() => onPick(g.key)}
              style={{ cursor: 'pointer' }}
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && onPick(g.key)}
              aria-label={t('voc.worst.show', { group: label(dimension, g.key) })}
              data-testid="voc-worst-row"
              data-key={g.key}
            >
              <Table.Td fw={500}>{label(dimension, g.key)}</Table.Td>
              <Table.Td ta="right">
                <Text span fw={700} c={npsColor(g.nps)}>
                  {g.nps ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{percent(g.csat)}</Table.Td>
              <Table.Td ta="right">{average(g.effortAverage)}</Table.Td>
              <Table.Td ta="right">{percent(g.negativeShare)}</Table.Td>
              <Table.Td ta="right">{g.answers}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
