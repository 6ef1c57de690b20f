/** The Feedback tab of a customer's record: what they told us, newest first, with scores; recording a new answer. */
import { Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordFeedbackButton } from './FeedbackDialog.tsx';
import { FeedbackList } from './FeedbackList.tsx';

export function PartyFeedbackPanel({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="party-feedback-title" data-testid="party-feedback">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="party-feedback-title">
            {t('voc.party.title')}
          </Title>
          {editable && <RecordFeedbackButton partyId={partyId} />}
        </Group>
        <FeedbackList query={{ partyId }} withCustomer={false} />
      </Stack>
    </Paper>
  );
}
