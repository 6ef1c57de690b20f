/**
 * A customer's whole story on one feed: interactions, tasks, orders to payments, cases, feedback and changes to
 * the record, newest first, filtered by kind and channel, loading older entries on demand. An organisation's
 * feed includes its people's entries, each saying whose it is.
 */
import { Badge, Button, Center, Chip, Group, Select, Stack, Text, Timeline } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCash,
  IconChecklist,
  IconFileInvoice,
  IconLifebuoy,
  IconMessageCircle,
  IconMoodSmile,
  IconPencil,
  IconReceiptRefund,
  IconShoppingCart,
  IconTruckDelivery,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { InteractionDrawer } from '../interactions/InteractionDrawer.tsx';
import { LogInteractionButton } from '../interactions/LogInteractionButton.tsx';
import { Section } from '../record/Section.tsx';
import { CHANNELS } from '../../../src/shared/reference/party.ts';
import { INTERACTION_CHANNELS } from '../../../src/shared/interactions/interaction-reference.ts';
import { useTimeline } from './timelineHooks.ts';
import {
  changedFields,
  entryColor,
  entryKey,
  entryLink,
  entryValues,
  FILTER_GROUPS,
  kindsOf,
  type FilterGroup,
  type TimelineEntry,
} from './timelineModel.ts';

const ICONS: Record<string, Icon> = {
  interaction: IconMessageCircle,
  task: IconChecklist,
  alert: IconAlertTriangle,
  quote: IconFileInvoice,
  order: IconShoppingCart,
  delivery: IconTruckDelivery,
  return: IconReceiptRefund,
  invoice: IconFileInvoice,
  credit_note: IconReceiptRefund,
  payment: IconCash,
  case: IconLifebuoy,
  feedback: IconMoodSmile,
};

export function TimelinePanel({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<FilterGroup[]>([]);
  const [channel, setChannel] = useState<string | null>(null);
  const [openInteraction, setOpenInteraction] = useState<string | null>(null);
  const feed = useTimeline(partyId, kindsOf(groups), channel);
  const channels = [...new Set<string>([...INTERACTION_CHANNELS, ...CHANNELS])];

  return (
    <Section title={t('timeline.title')} testId="timeline" actions={<LogInteractionButton partyId={partyId} />}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Chip.Group multiple value={groups} onChange={(value) => setGroups(value as FilterGroup[])}>
            <Group gap={6} data-testid="timeline-filters">
              {(Object.keys(FILTER_GROUPS) as FilterGroup[]).map((group) => (
                <Chip key={group} value={group} size="xs" data-testid={`timeline-filter-${group}`}>
                  {t(`timeline.filters.${group}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Select
            size="xs"
            w={180}
            clearable
            placeholder={t('timeline.allChannels')}
            aria-label={t('timeline.channel')}
            data={channels.map((value) => ({ value, label: t(`timeline.channels.${value}`, { defaultValue: value }) }))}
            value={channel}
            onChange={setChannel}
            data-testid="timeline-channel"
          />
        </Group>
        {feed.isPending ? (
          <Loading />
        ) : feed.isError ? (
          <LoadError error={feed.error} onRetry={() => void feed.refetch()} />
        ) : (
          <TimelineEntries
            entries={feed.data.pages.flatMap((page) => page.data)}
            hasMore={feed.hasNextPage}
            loadingMore={feed.isFetchingNextPage}
            onLoadMore={() => void feed.fetchNextPage()}
            onOpenInteraction={setOpenInteraction}
          />
        )}
      </Stack>
      <InteractionDrawer interactionId={openInteraction} opened={openInteraction !== null} onClose={() => setOpenInteraction(null)} />
    </Section>
  );
}

interface EntriesProps {
  entries: TimelineEntry[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpenInteraction: (id: string) => void;
}

function TimelineEntries({ entries, hasMore, loadingMore, onLoadMore, onOpenInteraction }: EntriesProps) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Text c="dimmed">{t('timeline.empty')}</Text>;
  return (
    <>
      <Timeline bulletSize={26} lineWidth={2} aria-label={t('timeline.title')}>
        {entries.map((entry) => (
          <Timeline.Item
            key={entry.id}
            data-testid="timeline-entry"
            data-kind={entry.kind}
            color={entryColor(entry)}
            bullet={<EntryIcon kind={entry.kind} />}
            title={<EntryTitle entry={entry} onOpenInteraction={onOpenInteraction} />}
          >
            <EntryDetails entry={entry} />
          </Timeline.Item>
        ))}
      </Timeline>
      {hasMore && (
        <Center mt="md">
          <Button variant="default" size="xs" loading={loadingMore} onClick={onLoadMore} data-testid="timeline-more">
            {t('timeline.more')}
          </Button>
        </Center>
      )}
    </>
  );
}

function EntryIcon({ kind }: { kind: string }) {
  const Icon = ICONS[kind] ?? IconPencil;
  return <Icon size={14} aria-hidden />;
}

function EntryTitle({ entry, onOpenInteraction }: { entry: TimelineEntry; onOpenInteraction: (id: string) => void }) {
  const { t } = useTranslation();
  const values = entryValues(entry);
  if (typeof values.status === 'string') values.status = t(`timeline.status.${values.status}`, { defaultValue: values.status });
  if (typeof values.previousStatus === 'string') {
    values.previousStatus = t(`timeline.status.${values.previousStatus}`, { defaultValue: values.previousStatus });
  }
  const sentence = t(entryKey(entry) as 'timeline.entries.unknown', { ...values, defaultValue: entry.kind });
  const link = entryLink(entry);
  return (
    <Group gap={6} wrap="wrap">
      {entry.kind === 'interaction' && entry.subjectId ? (
        <Text
          component="button"
          type="button"
          fw={600}
          size="sm"
          c="blue"
          style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', textAlign: 'left' }}
          onClick={() => onOpenInteraction(entry.subjectId!)}
        >
          {sentence}
        </Text>
      ) : link ? (
        <AnchorLink to={link.to} params={{ id: link.id }} fw={600} size="sm">
          {sentence}
        </AnchorLink>
      ) : (
        <Text fw={600} size="sm">
          {sentence}
        </Text>
      )}
      {entry.channel && (
        <Badge size="xs" variant="light" color="gray">
          {t(`timeline.channels.${entry.channel}`, { defaultValue: entry.channel })}
        </Badge>
      )}
      {entry.via && (
        <Badge size="xs" variant="outline">
          {entry.via.displayName}
        </Badge>
      )}
    </Group>
  );
}

function EntryDetails({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const { data } = entry;
  const amount = typeof data.amount === 'string' || typeof data.amount === 'number' ? data.amount : null;
  const currency = typeof data.currency === 'string' ? data.currency : 'EUR';
  const fields = changedFields(entry);
  const scores = (['nps', 'csat', 'effort'] as const).filter((score) => typeof data[score] === 'number');
  return (
    <Stack gap={2}>
      {amount !== null && (
        <Text size="sm">{formatMoney(amount, currency, i18n.language)}</Text>
      )}
      {scores.length > 0 && (
        <Text size="sm">{scores.map((score) => `${t(`timeline.scores.${score}`)} ${String(data[score])}`).join(' · ')}</Text>
      )}
      {typeof data.excerpt === 'string' && data.excerpt && (
        <Text size="sm" fs="italic" lineClamp={3}>
          « {data.excerpt} »
        </Text>
      )}
      {typeof data.outcome === 'string' && data.outcome && (
        <Text size="sm" lineClamp={2}>
          {data.outcome}
        </Text>
      )}
      {fields.length > 0 && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          {fields.join(', ')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {formatDateTime(entry.occurredAt, i18n.language)}
        {entry.actor?.label ? ` · ${entry.actor.label}` : ''}
      </Text>
    </Stack>
  );
}
