/**
 * The merges a record took part in, on its page: which record went into which, who merged them and when, and
 * an Undo (confirmed) while the merge can still be undone. Only for users who may merge, and only once there is
 * at least one merge to tell about, which most records never have.
 */
import { Badge, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { formatDateTime } from '../app/format.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { Section } from '../record/Section.tsx';
import { PartyLink } from './DuplicateParts.tsx';
import { undoMerge, usePartyMerges } from './duplicateHooks.ts';
import type { MergeOut } from './duplicateTypes.ts';

export function PartyMergesPanel({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const canMerge = hasPermission(useMe(), 'duplicates:merge');
  const merges = usePartyMerges(partyId, canMerge);

  if (merges.isError) {
    return (
      <Section title={t('duplicates.history.title')} testId="party-merges">
        <LoadError error={merges.error} onRetry={() => void merges.refetch()} />
      </Section>
    );
  }
  if (!merges.data || merges.data.length === 0) return null;
  return (
    <Section title={t('duplicates.history.title')} testId="party-merges">
      <Stack gap="md">
        {merges.data.map((merge) => (
          <MergeLine key={merge.id} merge={merge} />
        ))}
      </Stack>
    </Section>
  );
}

function MergeLine({ merge }: { merge: MergeOut }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const names = { absorbed: merge.absorbed.displayName, survivor: merge.survivor.displayName };
  const date = formatDateTime(merge.mergedAt, i18n.language);

  async function undo() {
    try {
      const undone = await undoMerge(queryClient, merge.id);
      notifySuccess(t('duplicates.merge.undone', { absorbed: undone.absorbed.displayName }));
    } catch (error) {
      notifyError(error);
      // Keeps the confirmation open, so the user can read why and try again or cancel.
      throw error;
    }
  }

  return (
    <Stack gap={4} align="flex-start" data-testid="party-merge" data-merge-id={merge.id}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Trans
          i18nKey="duplicates.history.line"
          components={{ absorbed: <PartyLink party={merge.absorbed} />, survivor: <PartyLink party={merge.survivor} /> }}
        />
      </Text>
      <Text size="xs" c="dimmed">
        {merge.mergedBy ? t('duplicates.history.by', { name: merge.mergedBy.name, date }) : date}
      </Text>
      {merge.undoneAt && (
        <Badge size="sm" variant="light" color="gray" tt="none" data-testid="party-merge-undone">
          {t('duplicates.history.undone', { date: formatDateTime(merge.undoneAt, i18n.language) })}
        </Badge>
      )}
      {merge.canUndo && (
        <ConfirmButton
          size="xs"
          variant="light"
          color="orange"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          label={t('duplicates.history.undo')}
          ariaLabel={t('duplicates.history.undoOf', names)}
          title={t('duplicates.history.undoTitle')}
          message={t('duplicates.history.undoMessage', names)}
          onConfirm={undo}
          data-testid="party-merge-undo"
        />
      )}
    </Stack>
  );
}
