/**
 * The top of a record: who it is (name, kind, customer number to copy, roles, do-not-contact), who looks after
 * it (owner and team, changeable in place) and, for those allowed, the data-protection actions.
 */
import { Alert, Badge, Divider, Group, Paper, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBan, IconBuilding, IconEraser, IconEye, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyValueButton } from '../app/CopyValueButton.tsx';
import { formatDateTime } from '../app/format.ts';
import { PARTY_ROLES, type Party } from '../parties/partyTypes.ts';
import { SelectField } from './FieldEditors.tsx';
import { PrivacyMenu } from './PrivacyMenu.tsx';
import type { NamedRef } from './recordHooks.ts';
import { sortRoles } from './relationModel.ts';
import { RoleBadge } from './RolesPanel.tsx';
import { AlertBadges } from '../alerts/AlertBadges.tsx';
import { MergeWithButton } from '../duplicates/MergeWithButton.tsx';

export interface RecordHeaderProps {
  party: Party;
  editable: boolean;
  canPrivacy: boolean;
  /** Offer "Merge with…": the user may merge and the record is live (not merged, not erased). */
  canMerge: boolean;
  owners: readonly NamedRef[] | undefined;
  teams: readonly NamedRef[] | undefined;
}

export function RecordHeader({ party, editable, canPrivacy, canMerge, owners, teams }: RecordHeaderProps) {
  const { t, i18n } = useTranslation();
  const person = party.kind === 'person';
  const Icon = person ? IconUser : IconBuilding;
  // The current owner and team stay choosable even when the lists leave them out (disabled user, no access).
  const withCurrent = (list: readonly NamedRef[] | undefined, current: NamedRef | null) =>
    [...(current && !list?.some((item) => item.id === current.id) ? [current] : []), ...(list ?? [])].map((item) => ({
      value: item.id,
      label: item.name,
    }));

  return (
    <>
      {party.erasedAt && (
        <Alert color="gray" variant="filled" icon={<IconEraser size={18} aria-hidden />} title={t('record.erased.title')} data-testid="erased-banner">
          {t('record.erased.text', { date: formatDateTime(party.erasedAt, i18n.language) })}
        </Alert>
      )}
      {!party.canEdit && !party.erasedAt && (
        <Alert color="blue" variant="light" icon={<IconEye size={18} aria-hidden />} data-testid="read-only-notice">
          {t('record.readOnly')}
        </Alert>
      )}
      <Paper withBorder p="lg" component="header" data-testid="record-header">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Group align="flex-start" wrap="nowrap" gap="md" style={{ minWidth: 0 }}>
            <ThemeIcon size={56} radius="xl" variant="light" color={person ? 'indigo' : 'teal'} aria-hidden>
              <Icon size={30} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(`record.kinds.${party.kind}`)}
              </Text>
              <Title order={1} size="h2" data-testid="record-name" style={{ overflowWrap: 'anywhere' }}>
                {party.displayName}
              </Title>
              {!person && party.legalName && party.legalName !== party.displayName && (
                <Text size="sm" c="dimmed">
                  {party.legalName}
                </Text>
              )}
              <Group gap={6} mt={8}>
                {sortRoles(party.roles, PARTY_ROLES).map((role) => (
                  <RoleBadge key={role} role={role} size="md" />
                ))}
                {party.doNotContact && (
                  <Badge color="red" variant="filled" size="md" tt="none" leftSection={<IconBan size={12} aria-hidden />} data-testid="do-not-contact-badge">
                    {t('record.fields.doNotContact')}
                  </Badge>
                )}
                <AlertBadges kinds={party.activeAlerts} />
              </Group>
            </div>
          </Group>
          <Group gap="xs">
            <CopyValueButton value={party.customerNumber} label={party.customerNumber} />
            {canMerge && <MergeWithButton party={party} />}
            {canPrivacy && <PrivacyMenu party={party} />}
          </Group>
        </Group>
        <Divider my="md" />
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" m={0}>
          <SelectField
            name="ownerId"
            label={t('record.fields.ownerId')}
            value={party.owner?.id ?? null}
            display={party.owner?.name ?? null}
            options={withCurrent(owners, party.owner)}
            searchable
            readOnly={!editable || !owners}
          />
          <SelectField
            name="teamId"
            label={t('record.fields.teamId')}
            value={party.team?.id ?? null}
            display={party.team?.name ?? null}
            options={withCurrent(teams, party.team)}
            readOnly={!editable || !teams}
          />
          <Meta label={t('record.createdAt')} value={formatDateTime(party.createdAt, i18n.language)} />
          <Meta label={t('record.updatedAt')} value={formatDateTime(party.updatedAt, i18n.language)} />
        </SimpleGrid>
      </Paper>
    </>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} mt={6} size="sm">
        {value}
      </Text>
    </div>
  );
}
