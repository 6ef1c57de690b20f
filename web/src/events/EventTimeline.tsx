/**
 * The change log as a timeline: who did what and when, and for each changed field its value before → after.
 * Used for the workspace's recent activity (with a link to each record) and for one record's history.
 */
import { Badge, Button, Center, Group, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isIsoDateTime } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { translateDynamic } from '../i18n/dynamic.ts';
import { isLocale } from '../i18n/locale.ts';
import { isTokenScope } from '../tokens/tokenModel.ts';
import { isRole, isUserStatus } from '../users/userModel.ts';
import { displayValue, entityLink, fieldChanges, isEmptyValue, type ChangeEvent, type EventAction } from './eventModel.ts';

const ACTION_ICONS = { create: IconPlus, update: IconPencil, delete: IconTrash } as const;
const ACTION_COLORS: Record<EventAction, string> = { create: 'green', update: 'blue', delete: 'red' };

export interface EventTimelineProps {
  events: ChangeEvent[];
  /** Name the record each event is about, with a link to it: for a feed that mixes records. */
  showEntity?: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

export function EventTimeline({ events, showEntity = false, hasMore, loadingMore, onLoadMore }: EventTimelineProps) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) {
    return <Text c="dimmed">{t('events.empty')}</Text>;
  }
  return (
    <>
      <Timeline bulletSize={26} lineWidth={2} aria-label={t('events.timeline')}>
        {events.map((event) => {
          const Icon = ACTION_ICONS[event.action] ?? IconPencil;
          return (
            <Timeline.Item
              key={event.id}
              color={ACTION_COLORS[event.action] ?? 'gray'}
              bullet={<Icon size={14} aria-hidden />}
              title={<EventTitle event={event} showEntity={showEntity} />}
            >
              <Text size="xs" c="dimmed" component="time" dateTime={event.occurredAt}>
                {formatDateTime(event.occurredAt, i18n.language)}
              </Text>
              <ChangeList event={event} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {hasMore && (
        <Center mt="md">
          <Button variant="subtle" onClick={onLoadMore} loading={loadingMore}>
            {t('events.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}

function EventTitle({ event, showEntity }: { event: ChangeEvent; showEntity: boolean }) {
  const { t } = useTranslation();
  const entity = translateDynamic(t, `entities.${event.entity}`, event.entity);
  return (
    <Group gap={6} wrap="wrap">
      <Text fw={600} size="sm">
        {actorLabel(t, event)}
      </Text>
      <Badge size="sm" variant="light" color={ACTION_COLORS[event.action] ?? 'gray'}>
        {t(`events.actions.${event.action}`)}
      </Badge>
      {showEntity && <EntityReference entity={event.entity} entityId={event.entityId} label={entity} />}
    </Group>
  );
}

function EntityReference({ entity, entityId, label }: { entity: string; entityId: string; label: string }) {
  const link = entityLink(entity, entityId);
  if (!link) return <Text size="sm">{label}</Text>;
  if (link.to === '/users/$id') {
    return (
      <AnchorLink to="/users/$id" params={link.params} size="sm">
        {label}
      </AnchorLink>
    );
  }
  return (
    <AnchorLink to={link.to} size="sm">
      {label}
    </AnchorLink>
  );
}

function ChangeList({ event }: { event: ChangeEvent }) {
  const { t, i18n } = useTranslation();
  const changes = fieldChanges(event);
  if (changes.length === 0) return null;
  const show = (field: string, value: unknown) =>
    isEmptyValue(value) ? t('events.empty_value') : valueLabel(t, i18n.language, field, value);
  return (
    <dl style={{ margin: 'var(--mantine-spacing-xs) 0 0' }}>
      {changes.map((change) => (
        <Group key={change.field} gap={6} wrap="wrap" align="baseline">
          <Text component="dt" size="sm" fw={500}>
            {translateDynamic(t, `fields.${change.field}`, change.field)}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {event.action !== 'create' && (
              <>
                <Text span size="sm" c="dimmed" td={event.action === 'update' ? 'line-through' : undefined}>
                  {show(change.field, change.before)}
                </Text>
                {event.action === 'update' && (
                  <Text span size="sm" c="dimmed" mx={6} aria-label={t('events.changedTo')}>
                    →
                  </Text>
                )}
              </>
            )}
            {event.action !== 'delete' && (
              <Text span size="sm">
                {show(change.field, change.after)}
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </dl>
  );
}

function actorLabel(t: TFunction, event: ChangeEvent): string {
  const { actor } = event;
  if (actor.type === 'system') return t('events.actor.system');
  const label = actor.label ?? t('events.actor.unknown');
  return actor.type === 'token' ? t('events.actor.token', { label }) : label;
}

/** Role, status and language values are shown by name, timestamps as dates, booleans as yes/no. */
function valueLabel(t: TFunction, locale: string, field: string, value: unknown): string {
  if (field === 'role' && isRole(value)) return t(`roles.${value}`);
  if (field === 'status' && isUserStatus(value)) return t(`statuses.${value}`);
  if (field === 'locale' && isLocale(value)) return t(`languages.${value}`);
  if (field === 'scope' && isTokenScope(value)) return t(`tokens.scopes.${value}`);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (isIsoDateTime(value)) return formatDateTime(value, locale);
  return displayValue(value);
}
