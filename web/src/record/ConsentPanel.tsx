/**
 * Consent per channel and purpose, with where and when each answer was given, and the do-not-contact flag that
 * overrides them all. Recording an answer asks for its source.
 */
import { Alert, Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Switch, Table, Text, UnstyledButton } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../app/format.ts';
import { errorMessage } from '../app/formErrors.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { translateDynamic } from '../i18n/dynamic.ts';
import type { Party } from '../parties/partyTypes.ts';
import { useRecordEditor } from './recordEditor.ts';
import { useConsents, useSetConsents } from './recordHooks.ts';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, CONSENT_SOURCES, consentOf, type Consent, type ConsentChannel, type ConsentPurpose } from './relationModel.ts';
import { Section } from './Section.tsx';
import classes from './record.module.css';

const STATUS_COLORS = { granted: 'green', denied: 'red', unknown: 'gray' } as const;

export function ConsentPanel({ party, editable }: { party: Party; editable: boolean }) {
  const { t } = useTranslation();
  const consents = useConsents(party.id);
  const [changing, setChanging] = useState<Consent | null>(null);

  return (
    <Section title={t('record.sections.consent')} testId="consent-panel">
      <DoNotContact party={party} editable={editable} />
      {consents.isPending ? (
        <Loading />
      ) : consents.isError ? (
        <LoadError error={consents.error} onRetry={() => void consents.refetch()} />
      ) : (
        <Table layout="fixed" withRowBorders={false} verticalSpacing={4} horizontalSpacing={4} mt="sm" data-testid="consent-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={76} />
              {CONSENT_PURPOSES.map((purpose) => (
                <Table.Th key={purpose} fz="xs" c="dimmed" tt="uppercase">
                  {t(`record.consent.purposes.${purpose}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CONSENT_CHANNELS.map((channel) => (
              <Table.Tr key={channel}>
                <Table.Th scope="row" fz="sm" fw={500}>
                  {t(`record.channels.${channel}`)}
                </Table.Th>
                {CONSENT_PURPOSES.map((purpose) => (
                  <Table.Td key={purpose} data-testid={`consent-${channel}-${purpose}`}>
                    <ConsentCell consent={consentOf(consents.data, channel, purpose)} editable={editable} onChange={setChanging} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && <ConsentDialog partyId={party.id} consent={changing} onClose={() => setChanging(null)} />}
    </Section>
  );
}

function ConsentCell({ consent, editable, onChange }: { consent: Consent; editable: boolean; onChange: (consent: Consent) => void }) {
  const { t, i18n } = useTranslation();
  const content = (
    <>
      <Badge size="sm" variant="light" color={STATUS_COLORS[consent.status]} tt="none" data-status={consent.status}>
        {t(`record.consent.statuses.${consent.status}`)}
      </Badge>
      {consent.source && (
        <Text size="xs" c="dimmed" mt={2} lh={1.3} title={consent.recordedAt ? formatDateTime(consent.recordedAt, i18n.language) : undefined}>
          {translateDynamic(t, `record.consent.sources.${consent.source}`, consent.source)}
          {consent.recordedAt && <> · {formatDate(consent.recordedAt, i18n.language)}</>}
        </Text>
      )}
    </>
  );
  if (!editable) return <div className={classes.cell}>{content}</div>;
  const label = t('record.consent.change', {
    channel: t(`record.channels.${consent.channel}`),
    purpose: t(`record.consent.purposes.${consent.purpose}`),
  });
  return (
    <UnstyledButton className={classes.cell} onClick={() => onChange(consent)} aria-label={label} title={label}>
      {content}
    </UnstyledButton>
  );
}

function ConsentDialog({ partyId, consent, onClose }: { partyId: string; consent: Consent | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={consent !== null}
      onClose={onClose}
      title={
        consent
          ? t('record.consent.dialogTitle', { channel: t(`record.channels.${consent.channel}`), purpose: t(`record.consent.purposes.${consent.purpose}`) })
          : ''
      }
      data-testid="consent-dialog"
    >
      {consent && <ConsentForm partyId={partyId} channel={consent.channel} purpose={consent.purpose} initial={consent} onDone={onClose} />}
    </Modal>
  );
}

function ConsentForm({
  partyId,
  channel,
  purpose,
  initial,
  onDone,
}: {
  partyId: string;
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  initial: Consent;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'granted' | 'denied'>(initial.status === 'denied' ? 'denied' : 'granted');
  const [source, setSource] = useState<string | null>(null);
  const set = useSetConsents(partyId);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!source) return;
        set.mutate([{ channel, purpose, status, source }], {
          onSuccess: () => {
            notifySuccess(t('record.consent.saved'));
            onDone();
          },
        });
      }}
    >
      <Stack gap="sm">
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value as 'granted' | 'denied')}
          data={[
            { value: 'granted', label: t('record.consent.statuses.granted') },
            { value: 'denied', label: t('record.consent.statuses.denied') },
          ]}
          aria-label={t('record.consent.status')}
          data-testid="consent-status"
        />
        <Select
          label={t('record.consent.source')}
          description={t('record.consent.sourceHint')}
          data={CONSENT_SOURCES.map((s) => ({ value: s, label: t(`record.consent.sources.${s}`) }))}
          value={source}
          onChange={setSource}
          required
          comboboxProps={{ withinPortal: true }}
          data-testid="consent-source"
        />
        {set.isError && (
          <Alert color="red" role="alert">
            {errorMessage(set.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!source} loading={set.isPending} data-testid="consent-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DoNotContact({ party, editable }: { party: Party; editable: boolean }) {
  const { t } = useTranslation();
  const { save } = useRecordEditor();
  const [saving, setSaving] = useState(false);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="xs" wrap="nowrap">
        <IconBan size={18} color={party.doNotContact ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-dimmed)'} aria-hidden />
        <div>
          <Text size="sm" fw={500}>
            {t('record.fields.doNotContact')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('record.consent.doNotContactHint')}
          </Text>
        </div>
      </Group>
      <Switch
        checked={party.doNotContact}
        disabled={!editable || saving}
        aria-label={t('record.fields.doNotContact')}
        color="red"
        onChange={async (event) => {
          const doNotContact = event.currentTarget.checked;
          setSaving(true);
          const outcome = await save({ doNotContact });
          setSaving(false);
          if (outcome.status === 'invalid' || outcome.status === 'failed') notifyError(outcome.error);
        }}
        data-testid="do-not-contact"
      />
    </Group>
  );
}
