/**
 * Feedback answers as a list of verbatims: when and where, the scores, the sentiment and the topics, the words
 * of the customer, and (outside the customer's own record) who said it.
 */
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { CustomerLink } from '../cases/CaseBadges.tsx';
import { useFeedbackList } from './vocHooks.ts';
import { npsAnswerColor, SENTIMENT_COLORS } from './vocModel.ts';
import type { Feedback } from './vocTypes.ts';

export function FeedbackList({ query, withCustomer = true }: { query: Record<string, QueryValue>; withCustomer?: boolean }) {
  const { t } = useTranslation();
  const list = useFeedbackList(query);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const answers = list.data.pages.flatMap((page) => page.data);
  return (
    <Stack gap="sm" data-testid="feedback-list" aria-busy={list.isFetching}>
      {answers.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('voc.list.empty')}
        </Text>
      )}
      {answers.map((answer) => (
        <FeedbackItem key={answer.id} answer={answer} withCustomer={withCustomer} />
      ))}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('voc.list.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function SentimentBadge({ sentiment }: { sentiment: Feedback['sentiment'] }) {
  const { t } = useTranslation();
  if (!sentiment) return null;
  return (
    <Badge color={SENTIMENT_COLORS[sentiment]} variant="light" data-testid="sentiment-badge">
      {t(`voc.sentiments.${sentiment}`)}
    </Badge>
  );
}

function FeedbackItem({ answer, withCustomer }: { answer: Feedback; withCustomer: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="feedback-item">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            {withCustomer && <CustomerLink party={answer.party} />}
            <Text size="xs" c="dimmed">
              {formatDateTime(answer.receivedAt, i18n.language)} · {t(`voc.touchpoints.${answer.touchpoint}`)} · {t(`voc.channels.${answer.channel}`)}
            </Text>
          </Group>
          <Group gap={6}>
            {answer.nps !== null && (
              <Badge color={npsAnswerColor(answer.nps)} variant="filled">
                {t('voc.scores.nps', { value: answer.nps })}
              </Badge>
            )}
            {answer.csat !== null && (
              <Badge color="blue" variant="outline">
                {t('voc.scores.csat', { value: answer.csat })}
              </Badge>
            )}
            {answer.effort !== null && (
              <Badge color="gray" variant="outline">
                {t('voc.scores.effort', { value: answer.effort })}
              </Badge>
            )}
            <SentimentBadge sentiment={answer.sentiment} />
          </Group>
        </Group>
        {answer.verbatim && (
          <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }} data-testid="feedback-verbatim">
            {answer.verbatim}
          </Text>
        )}
        {answer.topics.length > 0 && (
          <Group gap={4}>
            {answer.topics.map((topic) => (
              <Badge key={topic} size="sm" variant="dot" color="grape" tt="none">
                {topic}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
