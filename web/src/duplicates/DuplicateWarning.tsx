/**
 * The warning of the creation form: while the user types (a moment after they stop) and again before saving,
 * the record is checked against existing ones; likely matches are named with a link, and saving waits until the
 * user chooses "Create anyway". A check that fails never stands in the way of creating.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api.ts';
import { AnchorLink } from '../app/links.tsx';
import { PARTY_PATHS, type PartyKind } from '../parties/partyTypes.ts';
import { useDuplicateCheck } from './duplicateHooks.ts';
import { blocksCreation, formatScore } from './duplicateModel.ts';
import type { DuplicateMatch } from './duplicateTypes.ts';

/** How long typing must pause before the record is checked. */
const TYPING_PAUSE_MS = 600;
/** How many matches the warning names. */
const SHOWN_MATCHES = 3;

export interface DuplicateWarningState {
  kind: PartyKind;
  matches: DuplicateMatch[];
  /** Resolves true when saving must wait: a likely match the user has not yet chosen to ignore. */
  holdsCreation: () => Promise<boolean>;
}

/**
 * Checks `record` (a creation body of /api/people or /api/organisations) once `ready` and typing paused, and
 * on demand before saving. The same cache serves both, so a save right after a pause asks nothing new.
 */
export function useDuplicateWarning(kind: PartyKind, record: object, ready: boolean): DuplicateWarningState {
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState<{ record: object; ready: boolean }>({ record, ready });
  const recordKey = JSON.stringify(record);
  useEffect(() => {
    const timer = setTimeout(() => setChecked({ record: JSON.parse(recordKey) as object, ready }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [recordKey, ready]);
  const check = useDuplicateCheck(kind, checked.record, checked.ready);

  async function holdsCreation(): Promise<boolean> {
    if (!ready) return false;
    try {
      const { matches } = await queryClient.fetchQuery({
        queryKey: ['duplicates', 'check', kind, record],
        queryFn: () => api<{ matches: DuplicateMatch[] }>('/api/duplicates/check', { method: 'POST', body: { kind, record } }),
        staleTime: 30_000,
      });
      // Show what was found for exactly what is about to be saved.
      setChecked({ record, ready });
      return blocksCreation(matches);
    } catch {
      return false;
    }
  }

  return { kind, matches: checked.ready ? (check.data?.matches ?? []) : [], holdsCreation };
}

export interface DuplicateWarningProps {
  warning: DuplicateWarningState;
  /** Saves the record despite the warning. */
  onCreateAnyway: () => void;
  creating: boolean;
}

/** Nothing while no existing record looks like this one. */
export function DuplicateWarning({ warning, onCreateAnyway, creating }: DuplicateWarningProps) {
  const { t, i18n } = useTranslation();
  const { matches, kind } = warning;
  if (matches.length === 0) return null;
  const likely = blocksCreation(matches);
  return (
    <Alert color={likely ? 'orange' : 'yellow'} icon={<IconCopy aria-hidden />} title={t('duplicates.warning.title')} role="alert" data-testid="duplicate-warning">
      <Stack gap={6}>
        {matches.slice(0, SHOWN_MATCHES).map((match) => (
          <Group key={match.id} gap="sm" justify="space-between" wrap="nowrap" data-testid="duplicate-warning-match">
            <Text size="sm">
              {t('duplicates.warning.match', { name: match.displayName, number: match.customerNumber, score: formatScore(match.score, i18n.language) })}
            </Text>
            <AnchorLink to={PARTY_PATHS[kind].record} params={{ id: match.id }} size="sm" target="_blank" style={{ whiteSpace: 'nowrap' }}>
              {t('duplicates.warning.open', { number: match.customerNumber })}
            </AnchorLink>
          </Group>
        ))}
        {likely && (
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="dimmed">
              {t('duplicates.warning.confirmHint')}
            </Text>
            <Button size="xs" variant="light" color="orange" onClick={onCreateAnyway} loading={creating} data-testid="duplicate-create-anyway">
              {t('duplicates.warning.createAnyway')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
