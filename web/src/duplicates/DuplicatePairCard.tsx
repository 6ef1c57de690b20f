/**
 * One pair of the review queue: the two records side by side, the score with its level, and field by field why
 * they look alike, the values that differ highlighted; then what the reviewer may do with the pair.
 */
import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowMerge, IconEyeOff, IconRefresh } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { formatDay } from '../record/recordFormat.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { fieldLabel, PartyLink, ScoreBadge, VerdictIcon } from './DuplicateParts.tsx';
import { useDecideCandidate } from './duplicateHooks.ts';
import { comparisonDiffers, formatWeight, SIDE_FIELDS, sideDiffers, type SideField } from './duplicateModel.ts';
import type { Candidate, CandidateSide } from './duplicateTypes.ts';

/** How a differing value stands out: the same yellow in both tables. */
const HIGHLIGHT: CSSProperties = { backgroundColor: 'var(--mantine-color-yellow-light)' };

export interface DuplicatePairCardProps {
  candidate: Candidate;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Whether the user may merge and ignore (`duplicates:merge`). */
  canDecide: boolean;
  onMerge: (candidate: Candidate) => void;
}

export function DuplicatePairCard({ candidate, selected, onSelect, canDecide, onMerge }: DuplicatePairCardProps) {
  const { t, i18n } = useTranslation();
  const decide = useDecideCandidate();
  const names = { a: candidate.a.displayName, b: candidate.b.displayName };

  function act(action: 'ignore' | 'reopen') {
    decide.mutate(
      { id: candidate.id, action },
      { onSuccess: () => notifySuccess(t(action === 'ignore' ? 'duplicates.actions.ignored' : 'duplicates.actions.reopened')), onError: notifyError },
    );
  }

  return (
    <Paper withBorder p="md" data-testid="duplicate-pair" data-candidate-id={candidate.id} aria-label={t('duplicates.pair.label', names)} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            {canDecide && candidate.status !== 'merged' && (
              <Checkbox
                checked={selected}
                onChange={(e) => onSelect(e.currentTarget.checked)}
                aria-label={t('duplicates.pair.select', names)}
                data-testid="duplicate-select"
              />
            )}
            <ScoreBadge score={candidate.score} level={candidate.level} />
            <Text size="sm" c="dimmed">
              {t(`duplicates.sources.${candidate.source}`)} · {t('duplicates.pair.detected', { date: formatDateTime(candidate.detectedAt, i18n.language) })}
            </Text>
          </Group>
          {canDecide && (
            <Group gap="xs">
              {candidate.status === 'open' && (
                <>
                  <Button
                    size="xs"
                    leftSection={<IconArrowMerge size={16} aria-hidden />}
                    onClick={() => onMerge(candidate)}
                    aria-label={t('duplicates.actions.mergeOf', names)}
                    data-testid="duplicate-merge"
                  >
                    {t('duplicates.actions.merge')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconEyeOff size={16} aria-hidden />}
                    loading={decide.isPending}
                    onClick={() => act('ignore')}
                    aria-label={t('duplicates.actions.ignoreOf', names)}
                    data-testid="duplicate-ignore"
                  >
                    {t('duplicates.actions.ignore')}
                  </Button>
                </>
              )}
              {candidate.status === 'ignored' && (
                <Button size="xs" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={decide.isPending} onClick={() => act('reopen')} data-testid="duplicate-reopen">
                  {t('duplicates.actions.reopen')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        <SideBySide a={candidate.a} b={candidate.b} />
        <Explanation candidate={candidate} />
      </Stack>
    </Paper>
  );
}

function SideBySide({ a, b }: { a: CandidateSide; b: CandidateSide }) {
  const { t, i18n } = useTranslation();
  const show = (side: CandidateSide, field: SideField) => {
    if (field === 'displayName') return <PartyLink party={side} />;
    const value = side[field];
    if (value === null || value === '') return <Text span c="dimmed">—</Text>;
    if (field === 'birthDate') return formatDay(value, i18n.language);
    if (field === 'updatedAt') return formatDateTime(value, i18n.language);
    return value;
  };
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withColumnBorders layout="fixed" data-testid="duplicate-sides">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%" />
            <Table.Th>{t('duplicates.pair.a')}</Table.Th>
            <Table.Th>{t('duplicates.pair.b')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SIDE_FIELDS.map((field) => {
            const differs = sideDiffers(field, a, b);
            return (
              <Table.Tr key={field} data-field={field} data-differs={differs} style={differs ? HIGHLIGHT : undefined}>
                <Table.Th scope="row" fw={500}>
                  {t(`duplicates.side.${field}`)}
                </Table.Th>
                <Table.Td data-testid="side-a">{show(a, field)}</Table.Td>
                <Table.Td data-testid="side-b">{show(b, field)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Explanation({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <Title order={3} size="sm" mb={4}>
        {t('duplicates.explanation.title')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} data-testid="duplicate-explanation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} />
              <Table.Th>{t('duplicates.explanation.field')}</Table.Th>
              <Table.Th>{t('duplicates.pair.a')}</Table.Th>
              <Table.Th>{t('duplicates.pair.b')}</Table.Th>
              <Table.Th>{t('duplicates.explanation.reason')}</Table.Th>
              <Table.Th ta="right">{t('duplicates.explanation.weight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidate.fields.map((comparison) => {
              const differs = comparisonDiffers(comparison);
              return (
                <Table.Tr key={comparison.field} data-field={comparison.field} data-differs={differs} style={differs ? HIGHLIGHT : undefined}>
                  <Table.Td>
                    <VerdictIcon verdict={comparison.verdict} />
                  </Table.Td>
                  <Table.Td fw={500}>{fieldLabel(t, comparison.field)}</Table.Td>
                  <Table.Td>{comparison.a ?? '—'}</Table.Td>
                  <Table.Td>{comparison.b ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {comparison.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatWeight(comparison.weight, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
