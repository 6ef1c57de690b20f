/** The small labels a case shows wherever it appears (status, priority, SLA state and time left), and customer links. */
import { Badge, Text, Tooltip } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { formatDuration, PRIORITY_COLORS, SLA_COLORS, STATUS_COLORS } from './caseModel.ts';
import type { Case, CasePriority, CaseStatus } from './caseTypes.ts';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={{ flexShrink: 0 }} data-testid="case-status">
      {t(`cases.statuses.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLORS[priority]} variant="outline" style={{ flexShrink: 0 }}>
      {t(`cases.priorities.${priority}`)}
    </Badge>
  );
}

/** "in 2 h 5 min" or "3 h overdue", from minutes left (negative once overdue). */
export function useTimeLeft() {
  const { t } = useTranslation();
  const units = { day: t('cases.units.day'), hour: t('cases.units.hour'), minute: t('cases.units.minute') };
  return (minutes: number) =>
    minutes < 0 ? t('cases.sla.overdue', { time: formatDuration(minutes, units) }) : t('cases.sla.left', { time: formatDuration(minutes, units) });
}

type SlaFields = Pick<Case, 'slaState' | 'firstResponseMinutesLeft' | 'resolutionMinutesLeft' | 'firstResponseDueAt' | 'resolutionDueAt'>;

/** The case's SLA state; the tooltip and the text beside it tell the next deadline. */
export function SlaBadge({ sla, withTime = false }: { sla: SlaFields; withTime?: boolean }) {
  const { t, i18n } = useTranslation();
  const timeLeft = useTimeLeft();
  const next = sla.firstResponseMinutesLeft !== null ? sla.firstResponseMinutesLeft : sla.resolutionMinutesLeft;
  const due = sla.firstResponseMinutesLeft !== null ? sla.firstResponseDueAt : sla.resolutionDueAt;
  const badge = (
    <Badge color={SLA_COLORS[sla.slaState]} leftSection={<IconAlarm size={12} aria-hidden />} data-testid="sla-badge" data-state={sla.slaState}>
      {t(`cases.slaStates.${sla.slaState}`)}
    </Badge>
  );
  return (
    <>
      {due && next !== null ? (
        <Tooltip label={t('cases.sla.dueAt', { date: formatDateTime(due, i18n.language) })}>{badge}</Tooltip>
      ) : (
        badge
      )}
      {withTime && next !== null && (
        <Text span size="xs" c={next < 0 ? 'red' : 'dimmed'} ml={6}>
          {timeLeft(next)}
        </Text>
      )}
    </>
  );
}

/** A link to a customer's record, a person's or an organisation's. */
export function CustomerLink({ party }: { party: { id: string; kind: string; displayName: string } }) {
  const to = party.kind === 'organisation' ? '/organisations/$id' : '/people/$id';
  return (
    <AnchorLink to={to} params={{ id: party.id }} data-testid="customer-link">
      {party.displayName}
    </AnchorLink>
  );
}
