/**
 * Recording feedback a customer gave: where (touch point, channel, when), any of the scores, their words with
 * topic tags, and a sentiment — left to be derived from the scores and the words unless chosen.
 */
import { Button, Grid, Modal, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { FormActions, FormErrorAlert, OptionSelect } from '../app/FormParts.tsx';
import { notifySuccess } from '../app/notify.ts';
import { SENTIMENTS } from '../../../src/modules/feedback/sentiment.ts';
import { useCreateFeedback } from './vocHooks.ts';
import { FEEDBACK_CHANNELS, TOUCHPOINTS, type FeedbackChannel, type Touchpoint } from './vocModel.ts';
import type { Sentiment } from './vocTypes.ts';

export function RecordFeedbackButton({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" leftSection={<IconMessagePlus size={16} aria-hidden />} onClick={open} data-testid="feedback-create">
        {t('voc.record.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('voc.record.title')} size="lg">
        {opened && <FeedbackForm partyId={partyId} onClose={close} />}
      </Modal>
    </>
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const toNumber = (value: string | null) => (value === null ? null : Number(value));

function FeedbackForm({ partyId, onClose }: { partyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateFeedback();
  const [touchpoint, setTouchpoint] = useState<Touchpoint>('purchase');
  const [channel, setChannel] = useState<FeedbackChannel>('email');
  const [receivedAt, setReceivedAt] = useState('');
  const [nps, setNps] = useState<string | null>(null);
  const [csat, setCsat] = useState<string | null>(null);
  const [effort, setEffort] = useState<string | null>(null);
  const [verbatim, setVerbatim] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [sentiment, setSentiment] = useState<string | null>(null);
  const issue = (field: string) => fieldError(create.error, field);
  const empty = nps === null && csat === null && effort === null && verbatim.trim() === '';

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        partyId,
        touchpoint,
        channel,
        receivedAt: receivedAt ? new Date(receivedAt).toISOString() : undefined,
        nps: toNumber(nps),
        csat: toNumber(csat),
        effort: toNumber(effort),
        verbatim: verbatim.trim() || null,
        topics,
        sentiment: (sentiment as Sentiment | null) ?? undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t('voc.record.saved'));
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} data-testid="feedback-form">
      <Stack gap="sm">
        <FormErrorAlert error={create.error} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <OptionSelect label={t('voc.fields.touchpoint')} options={TOUCHPOINTS} optionLabel={(v) => t(`voc.touchpoints.${v}`)} value={touchpoint} onChange={setTouchpoint} data-testid="feedback-touchpoint" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <OptionSelect label={t('voc.fields.channel')} options={FEEDBACK_CHANNELS} optionLabel={(v) => t(`voc.channels.${v}`)} value={channel} onChange={setChannel} data-testid="feedback-channel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              type="datetime-local"
              label={t('voc.fields.receivedAt')}
              description={t('voc.record.nowByDefault')}
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.currentTarget.value)}
              error={issue('receivedAt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('voc.fields.nps')}
              description={t('voc.record.npsHint')}
              data={range(0, 10)}
              value={nps}
              onChange={setNps}
              clearable
              error={issue('nps')}
              data-testid="feedback-nps"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('voc.fields.csat')}
              description={t('voc.record.csatHint')}
              data={range(1, 5)}
              value={csat}
              onChange={setCsat}
              clearable
              error={issue('csat')}
              data-testid="feedback-csat"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('voc.fields.effort')}
              description={t('voc.record.effortHint')}
              data={range(1, 7)}
              value={effort}
              onChange={setEffort}
              clearable
              error={issue('effort')}
              data-testid="feedback-effort"
            />
          </Grid.Col>
        </Grid>
        <Textarea
          label={t('voc.fields.verbatim')}
          value={verbatim}
          onChange={(e) => setVerbatim(e.currentTarget.value)}
          autosize
          minRows={3}
          error={issue('verbatim')}
          data-testid="feedback-verbatim-input"
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TagsInput label={t('voc.fields.topics')} description={t('voc.record.topicsHint')} value={topics} onChange={setTopics} data-testid="feedback-topics" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Select
              label={t('voc.fields.sentiment')}
              placeholder={t('voc.record.derived')}
              description={t('voc.record.derivedHint')}
              data={SENTIMENTS.map((v) => ({ value: v, label: t(`voc.sentiments.${v}`) }))}
              value={sentiment}
              onChange={setSentiment}
              clearable
              data-testid="feedback-sentiment"
            />
          </Grid.Col>
        </Grid>
        <FormActions onCancel={onClose} submitLabel={t('voc.record.submit')} loading={create.isPending} disabled={empty} testId="feedback-submit" />
      </Stack>
    </form>
  );
}
