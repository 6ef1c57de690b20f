/**
 * One case: its number, status, priority and SLA timers at the top with what can be done next; its particulars,
 * description, resolution and attachments; and beside it the customer's whole history and figures, so whoever
 * handles the case knows the story.
 */
import { Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { BackLink } from '../app/links.tsx';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { Attachments } from '../interactions/Attachments.tsx';
import { LogInteractionButton } from '../interactions/LogInteractionButton.tsx';
import { MetricsPanel } from '../metrics/MetricsPanel.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseStatusBadge, CustomerLink, PriorityBadge, SlaBadge, useTimeLeft } from './CaseBadges.tsx';
import { CaseDetails } from './CaseDetails.tsx';
import { useCase } from './caseHooks.ts';
import type { Case } from './caseTypes.ts';

export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const kase = useCase(id);
  return (
    <Stack gap="lg" maw={1400} data-testid="case-page">
      <BackLink to="/cases">{t('cases.back')}</BackLink>
      {kase.isPending ? (
        <Loading />
      ) : kase.isError ? (
        <LoadError
          error={isApiError(kase.error, 'not_found') ? new Error(t('cases.notFound')) : kase.error}
          onRetry={isApiError(kase.error, 'not_found') ? undefined : () => void kase.refetch()}
        />
      ) : (
        <CaseView kase={kase.data} />
      )}
    </Stack>
  );
}

function CaseView({ kase }: { kase: Case }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const editable = hasPermission(me, 'customers:write');
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          <Paper withBorder p="lg" component="header" data-testid="case-header">
            <Stack gap="sm">
              <Group gap="sm">
                <Text fw={700} c="dimmed" data-testid="case-number">
                  {kase.number}
                </Text>
                <CaseStatusBadge status={kase.status} />
                <PriorityBadge priority={kase.priority} />
                <SlaBadge sla={kase} />
              </Group>
              <Title order={1} size="h2" data-testid="case-subject">
                {kase.subject}
              </Title>
              <Text size="sm">
                {t('cases.header.for')} <CustomerLink party={kase.party} /> · {t(`cases.types.${kase.type}`)} · {t(`cases.channels.${kase.channel}`)} ·{' '}
                {t('cases.header.opened', { date: formatDateTime(kase.openedAt, i18n.language) })}
              </Text>
              <SlaTimers kase={kase} />
              {editable && <CaseActions kase={kase} />}
              <Group>
                <LogInteractionButton partyId={kase.party.id} links={{ caseId: kase.id }} />
              </Group>
            </Stack>
          </Paper>
          <CaseDetails kase={kase} editable={editable} />
          <Paper withBorder p="lg" component="section">
            <Attachments ownerType="case" ownerId={kase.id} editable={editable} />
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="lg">
          <MetricsPanel partyId={kase.party.id} />
          <TimelinePanel partyId={kase.party.id} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** The two targets: when each is due, and whether it was met, missed, or how long is left. */
function SlaTimers({ kase }: { kase: Case }) {
  const { t, i18n } = useTranslation();
  const timeLeft = useTimeLeft();
  const timer = (kind: 'firstResponse' | 'resolution', dueAt: string | null, doneAt: string | null, breached: boolean, left: number | null) => (
    <Stack gap={2} data-testid={`sla-${kind}`} data-breached={breached}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t(`cases.sla.${kind}`)}
      </Text>
      <Text size="sm">{dueAt ? t('cases.sla.dueAt', { date: formatDateTime(dueAt, i18n.language) }) : '—'}</Text>
      {doneAt ? (
        <Text size="sm" c={breached ? 'red' : 'teal'}>
          {t(breached ? 'cases.sla.metLate' : 'cases.sla.met', { date: formatDateTime(doneAt, i18n.language) })}
        </Text>
      ) : (
        left !== null && (
          <Text size="sm" c={left < 0 ? 'red' : undefined} fw={left < 0 ? 600 : undefined}>
            {timeLeft(left)}
          </Text>
        )
      )}
    </Stack>
  );
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {timer('firstResponse', kase.firstResponseDueAt, kase.firstResponseAt, kase.firstResponseBreached, kase.firstResponseMinutesLeft)}
        {timer('resolution', kase.resolutionDueAt, kase.resolvedAt, kase.resolutionBreached, kase.resolutionMinutesLeft)}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('cases.sla.elapsed')}
      </Text>
    </Stack>
  );
}
