/**
 * One person's or organisation's record: header, profile and contact points edited in place, custom fields,
 * relationships, roles, consent and history. Every save carries the version read; a conflict opens a dialog to
 * reload, keep one's own values or merge field by field.
 */
import { Grid, Group, Stack, Tabs } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';
import { AnchorLink } from '../app/links.tsx';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { EventFeedPanel } from '../events/EventFeedPanel.tsx';
import { useHistory } from '../events/eventHooks.ts';
import type { Party, PartyKind } from '../parties/partyTypes.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { ContactSection } from './ContactSection.tsx';
import { CustomFieldsSection } from './CustomFieldsSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { RecordEditorContext, useRecordSaving, type RecordEditor } from './recordEditor.ts';
import { RecordHeader } from './RecordHeader.tsx';
import { useCustomFields, useOwners, useParty, useTeams } from './recordHooks.ts';
import { RelationshipsPanel } from './RelationshipsPanel.tsx';
import { RolesPanel } from './RolesPanel.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { MetricsPanel } from '../metrics/MetricsPanel.tsx';
import { PartyAlertsPanel } from '../alerts/PartyAlertsPanel.tsx';
import { PartyTasksPanel } from '../tasks/PartyTasksPanel.tsx';
import { PartyOrdersPanel } from '../commerce/PartyOrdersPanel.tsx';
import { PartyCasesPanel } from '../cases/PartyCasesPanel.tsx';
import { PartyFeedbackPanel } from '../voc/PartyFeedbackPanel.tsx';
import { MergedBanner } from '../duplicates/MergedBanner.tsx';
import { PartyMergesPanel } from '../duplicates/PartyMergesPanel.tsx';

export function PartyRecordPage({ kind, id }: { kind: PartyKind; id: string }) {
  const { t } = useTranslation();
  const party = useParty(kind, id);
  return (
    <Stack gap="lg" maw={1320} data-testid="party-record">
      <AnchorLink to={kind === 'person' ? '/people' : '/organisations'} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {kind === 'person' ? t('record.backToPeople') : t('record.backToOrganisations')}
        </Group>
      </AnchorLink>
      {party.isPending ? (
        <Loading />
      ) : party.isError ? (
        <LoadError
          error={isApiError(party.error, 'not_found') ? new Error(t('record.notFound')) : party.error}
          onRetry={isApiError(party.error, 'not_found') ? undefined : () => void party.refetch()}
        />
      ) : (
        <RecordView key={party.data.id} party={party.data} />
      )}
    </Stack>
  );
}

function RecordView({ party }: { party: Party }) {
  const { t } = useTranslation();
  const me = useMe();
  const editable = party.canEdit && hasPermission(me, 'customers:write');
  const canReadUsers = hasPermission(me, 'users:read', 'users:manage');
  const owners = useOwners(canReadUsers);
  const teams = useTeams(canReadUsers);
  const customFields = useCustomFields(party.kind);
  const saving = useRecordSaving(party.kind);
  const { save } = saving;

  const editor = useMemo<RecordEditor>(
    () => ({ party, editable, save: (changes, base = party) => save(changes, base) }),
    [party, editable, save],
  );

  return (
    <RecordEditorContext.Provider value={editor}>
      <MergedBanner party={party} />
      <RecordHeader
        party={party}
        editable={editable}
        canPrivacy={hasPermission(me, 'customers:privacy')}
        canMerge={hasPermission(me, 'duplicates:merge') && party.canEdit && !party.mergedIntoId && !party.erasedAt}
        owners={owners.data}
        teams={teams.data}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs defaultValue="profile" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="timeline" data-testid="tab-timeline">{t('record.tabs.timeline')}</Tabs.Tab>
              <Tabs.Tab value="profile" data-testid="tab-profile">{t('record.tabs.profile')}</Tabs.Tab>
              <Tabs.Tab value="orders" data-testid="tab-orders">{t('record.tabs.orders')}</Tabs.Tab>
              <Tabs.Tab value="cases" data-testid="tab-cases">{t('record.tabs.cases')}</Tabs.Tab>
              <Tabs.Tab value="feedback" data-testid="tab-feedback">{t('record.tabs.feedback')}</Tabs.Tab>
              {hasPermission(me, 'history:read') && <Tabs.Tab value="history" data-testid="tab-history">{t('record.tabs.history')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="timeline">
              <TimelinePanel partyId={party.id} />
            </Tabs.Panel>
            <Tabs.Panel value="profile">
              <Stack gap="lg">
                <ProfileSection party={party} />
                <ContactSection party={party} />
                <CustomFieldsSection party={party} canReadSensitive={hasPermission(me, 'customers:sensitive')} />
                <RelationshipsPanel party={party} editable={editable} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="orders">
              <PartyOrdersPanel partyId={party.id} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="cases">
              <PartyCasesPanel partyId={party.id} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="feedback">
              <PartyFeedbackPanel partyId={party.id} editable={editable} />
            </Tabs.Panel>
            {hasPermission(me, 'history:read') && (
              <Tabs.Panel value="history">
                <History id={party.id} title={t('record.sections.history')} />
              </Tabs.Panel>
            )}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <PartyAlertsPanel partyId={party.id} editable={editable} />
            <MetricsPanel partyId={party.id} />
            <PartyTasksPanel partyId={party.id} editable={editable} />
            <RolesPanel party={party} />
            <ConsentPanel party={party} editable={editable} />
            <PartyMergesPanel partyId={party.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ConflictDialog
        conflict={saving.conflict}
        error={saving.resolveError}
        format={{ owners: owners.data, teams: teams.data, customFields: customFields.data }}
        onReload={saving.reload}
        onKeepMine={saving.keepMine}
        onMerge={saving.merge}
      />
    </RecordEditorContext.Provider>
  );
}

function History({ id, title }: { id: string; title: string }) {
  const history = useHistory('party', id);
  return <EventFeedPanel title={title} titleId="party-history-title" feed={history} />;
}
