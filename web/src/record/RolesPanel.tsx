/**
 * The relationship roles of a record: the current ones, edited in place (becoming a former customer asks why and
 * for which competitor), and below them every role held, with its dates.
 */
import { Badge, Group, MultiSelect, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { PARTY_ROLES, type Party, type PartyRole } from '../parties/partyTypes.ts';
import { InlineField } from './InlineField.tsx';
import { formatDay } from './recordFormat.ts';
import { useRoleHistory } from './recordHooks.ts';
import { asksForLossReason, sortRoleHistory, sortRoles } from './relationModel.ts';
import { Section } from './Section.tsx';

export const ROLE_COLORS: Record<PartyRole, string> = {
  prospect: 'gray',
  lead: 'cyan',
  customer: 'green',
  former_customer: 'orange',
  partner: 'violet',
  supplier: 'grape',
  collaborator: 'teal',
};

export function RoleBadge({ role, size = 'sm' }: { role: string; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role as PartyRole] ?? 'gray'} variant="light" size={size} tt="none">
      {t(`record.roleNames.${role as PartyRole}`)}
    </Badge>
  );
}

interface RolesDraft {
  roles: string[];
  reason: string;
  competitor: string;
}

export function RolesPanel({ party }: { party: Party }) {
  const { t } = useTranslation();
  const options = PARTY_ROLES.map((role) => ({ value: role, label: t(`record.roleNames.${role}`) }));
  return (
    <Section title={t('record.sections.roles')} testId="roles-panel">
      <dl style={{ margin: 0 }}>
        <InlineField<RolesDraft>
          name="roles"
          label={t('record.roles.current')}
          display={
            party.roles.length === 0 ? null : (
              <Group gap={6}>
                {sortRoles(party.roles, PARTY_ROLES).map((role) => (
                  <RoleBadge key={role} role={role} />
                ))}
              </Group>
            )
          }
          start={() => ({ roles: party.roles, reason: '', competitor: '' })}
          toChanges={(draft) => {
            const lost = asksForLossReason(party.roles, draft.roles);
            return {
              roles: draft.roles as PartyRole[],
              ...(lost && draft.reason.trim() ? { roleReason: draft.reason.trim() } : {}),
              ...(lost && draft.competitor.trim() ? { lostToCompetitor: draft.competitor.trim() } : {}),
            };
          }}
          editor={({ draft, setDraft, label, error }) => (
            <Stack gap="xs">
              <MultiSelect
                aria-label={label}
                data={options}
                value={draft.roles}
                onChange={(roles) => setDraft({ ...draft, roles })}
                description={t('record.roles.hint')}
                error={error()}
              />
              {asksForLossReason(party.roles, draft.roles) && (
                <>
                  <TextInput
                    label={t('record.roles.reason')}
                    value={draft.reason}
                    onChange={(event) => setDraft({ ...draft, reason: event.currentTarget.value })}
                    error={error('roleReason')}
                  />
                  <TextInput
                    label={t('record.roles.competitor')}
                    value={draft.competitor}
                    onChange={(event) => setDraft({ ...draft, competitor: event.currentTarget.value })}
                    error={error('lostToCompetitor')}
                  />
                </>
              )}
            </Stack>
          )}
        />
      </dl>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="lg" mb="xs">
        {t('record.roles.history')}
      </Text>
      <RoleHistory id={party.id} />
    </Section>
  );
}

/** Every role held, newest first; refreshed after each save of the record (see refreshParty). */
function RoleHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const history = useRoleHistory(id);
  if (history.isPending) return <Loading />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  const spells = sortRoleHistory(history.data);
  if (spells.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('record.roles.noHistory')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t('record.roles.history')}>
      {spells.map((spell) => (
        <Timeline.Item key={spell.id} color={spell.endedOn ? 'gray' : ROLE_COLORS[spell.role as PartyRole] ?? 'gray'} lineVariant={spell.endedOn ? 'dashed' : 'solid'}>
          <Group gap={6}>
            <RoleBadge role={spell.role} size="xs" />
            <Text size="xs" c="dimmed">
              {spell.endedOn
                ? t('record.roles.between', { from: formatDay(spell.startedOn, i18n.language), to: formatDay(spell.endedOn, i18n.language) })
                : t('record.roles.since', { from: formatDay(spell.startedOn, i18n.language) })}
            </Text>
          </Group>
          {(spell.reason || spell.competitor) && (
            <Text size="xs" mt={4}>
              {[spell.reason, spell.competitor && t('record.roles.lostTo', { competitor: spell.competitor })].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
