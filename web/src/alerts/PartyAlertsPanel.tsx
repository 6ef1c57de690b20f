/**
 * Alerts on the customer's record: the open ones up front as coloured warnings (what, why, who raised it and
 * when), each resolvable with a word on how it ended; a dialog raises a new one; resolved ones stay listed below.
 */
import { Alert, Button, Collapse, Group, Modal, Select, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { formatDateTime } from '../app/format.ts';
import { notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { Section } from '../record/Section.tsx';
import { usePartyAlerts, useRaiseAlert, useResolveAlert } from './alertHooks.ts';
import { ALERT_KINDS, ALERT_STYLES, type AlertKind, type CustomerAlert } from './alertModel.ts';

export function PartyAlertsPanel({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const alerts = usePartyAlerts(partyId);
  const [raising, { open, close }] = useDisclosure(false);
  const [showResolved, { toggle }] = useDisclosure(false);
  const [resolving, setResolving] = useState<CustomerAlert | null>(null);
  const canChange = editable && hasPermission(me, 'customers:write');
  const open_ = alerts.data?.filter((alert) => alert.open) ?? [];
  const resolved = alerts.data?.filter((alert) => !alert.open) ?? [];

  return (
    <Section
      title={t('alerts.panel.title')}
      testId="party-alerts"
      actions={
        canChange && (
          <Button size="xs" variant="light" color="red" leftSection={<IconAlertTriangle size={14} aria-hidden />} onClick={open} data-testid="raise-alert">
            {t('alerts.panel.raise')}
          </Button>
        )
      }
    >
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <Stack gap="sm">
          {open_.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('alerts.panel.none')}
            </Text>
          )}
          {open_.map((alert) => (
            <OpenAlert key={alert.id} alert={alert} onResolve={canChange ? () => setResolving(alert) : undefined} />
          ))}
          {resolved.length > 0 && (
            <div>
              <UnstyledButton onClick={toggle} data-testid="resolved-alerts-toggle">
                <Group gap={4}>
                  {showResolved ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
                  <Text size="sm" c="dimmed">
                    {t('alerts.panel.resolvedCount', { count: resolved.length })}
                  </Text>
                </Group>
              </UnstyledButton>
              <Collapse expanded={showResolved}>
                <Stack gap="xs" mt="xs">
                  {resolved.map((alert) => (
                    <ResolvedAlert key={alert.id} alert={alert} />
                  ))}
                </Stack>
              </Collapse>
            </div>
          )}
        </Stack>
      )}
      {canChange && <RaiseAlertDialog partyId={partyId} opened={raising} onClose={close} />}
      {canChange && <ResolveAlertDialog partyId={partyId} alert={resolving} onClose={() => setResolving(null)} />}
    </Section>
  );
}

function OpenAlert({ alert, onResolve }: { alert: CustomerAlert; onResolve?: () => void }) {
  const { t, i18n } = useTranslation();
  const { color, Icon } = ALERT_STYLES[alert.kind];
  return (
    <Alert color={color} variant="light" icon={<Icon aria-hidden />} title={t(`alerts.kinds.${alert.kind}`)} data-testid={`open-alert-${alert.kind}`}>
      <Stack gap={6}>
        {alert.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {alert.note}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('alerts.panel.raisedBy', { name: alert.raisedBy.name, date: formatDateTime(alert.raisedAt, i18n.language) })}
          </Text>
          {onResolve && (
            <Button size="compact-xs" variant="white" color={color} onClick={onResolve} data-testid="resolve-alert">
              {t('alerts.panel.resolve')}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

function ResolvedAlert({ alert }: { alert: CustomerAlert }) {
  const { t, i18n } = useTranslation();
  const { Icon } = ALERT_STYLES[alert.kind];
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="resolved-alert" opacity={0.75}>
      <Icon size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
      <div>
        <Text size="sm" td="line-through">
          {[t(`alerts.kinds.${alert.kind}`), alert.note].filter(Boolean).join(' — ')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('alerts.panel.resolvedBy', { name: alert.resolvedBy?.name ?? '', date: formatDateTime(alert.resolvedAt ?? alert.raisedAt, i18n.language) })}
          {alert.resolution ? ` — ${alert.resolution}` : ''}
        </Text>
      </div>
    </Group>
  );
}

function RaiseAlertDialog({ partyId, opened, onClose }: { partyId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const raise = useRaiseAlert(partyId);
  const [kind, setKind] = useState<AlertKind>('dispute');
  const [note, setNote] = useState('');

  function submit() {
    raise.mutate(
      { kind, note: note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('alerts.panel.raised'));
          setNote('');
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.panel.raiseTitle')} data-testid="raise-alert-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('alerts.panel.kind')}
            data={ALERT_KINDS.map((value) => ({ value, label: t(`alerts.kinds.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as AlertKind)}
            allowDeselect={false}
            error={fieldError(raise.error, 'kind')}
            data-testid="alert-kind"
          />
          <Textarea
            label={t('alerts.panel.note')}
            description={t('alerts.panel.noteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={3}
            error={fieldError(raise.error, 'note')}
            data-testid="alert-note"
          />
          {raise.isError && !fieldError(raise.error, 'kind') && !fieldError(raise.error, 'note') && (
            <Alert color="red" role="alert">
              {errorMessage(raise.error)}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={raise.isPending} data-testid="alert-submit">
              {t('alerts.panel.raise')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResolveAlertDialog({ partyId, alert, onClose }: { partyId: string; alert: CustomerAlert | null; onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveAlert(partyId);
  const [resolution, setResolution] = useState('');

  function submit() {
    if (!alert) return;
    resolve.mutate(
      { alert, resolution: resolution.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('alerts.panel.resolved'));
          setResolution('');
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened={alert !== null} onClose={onClose} title={t('alerts.panel.resolveTitle')} data-testid="resolve-alert-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {alert && (
            <Text size="sm">
              {[t(`alerts.kinds.${alert.kind}`), alert.note].filter(Boolean).join(' — ')}
            </Text>
          )}
          <Textarea
            label={t('alerts.panel.resolution')}
            value={resolution}
            onChange={(event) => setResolution(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            data-testid="alert-resolution"
          />
          {resolve.isError && (
            <Alert color="red" role="alert">
              {errorMessage(resolve.error)}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={resolve.isPending} data-testid="alert-resolve-submit">
              {t('alerts.panel.resolve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
