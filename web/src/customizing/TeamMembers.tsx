/** The users of the workspace with their team: choosing another team in the select moves the user at once. */
import { Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { RoleBadge, StatusBadge } from '../users/UserBadges.tsx';
import { MEMBER_PAGE_SIZE, useAssignTeam, useTeamMembers, type TeamMember } from './accessHooks.ts';
import type { Team } from './accessModel.ts';
import { SectionIntro } from './SectionIntro.tsx';

/** The value of the "no team" choice: a select's values are strings. */
const NO_TEAM = '';

export function TeamMembers({ teams }: { teams: readonly Team[] }) {
  const { t } = useTranslation();
  const members = useTeamMembers();

  return (
    <Stack gap="sm" component="section" aria-labelledby="team-members-title">
      <SectionIntro id="team-members-title" title={t('customizing.teams.assign.title')} intro={t('customizing.teams.assign.intro')} level={3} />
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.data.length === 0 ? (
        <Text c="dimmed">{t('customizing.teams.assign.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-labelledby="team-members-title" data-testid="team-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customizing.teams.assign.user')}</Table.Th>
                  <Table.Th>{t('users.fields.role')}</Table.Th>
                  <Table.Th>{t('users.fields.status')}</Table.Th>
                  <Table.Th>{t('customizing.teams.assign.team')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.data.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadge role={user.role} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={user.status} />
                    </Table.Td>
                    <Table.Td w={260}>
                      <TeamSelect user={user} teams={teams} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {members.data.nextCursor && (
            <Text size="sm" c="dimmed">
              {t('customizing.teams.assign.truncated', { count: MEMBER_PAGE_SIZE })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function TeamSelect({ user, teams }: { user: TeamMember; teams: readonly Team[] }) {
  const { t } = useTranslation();
  const assign = useAssignTeam();
  const data = [{ value: NO_TEAM, label: t('customizing.teams.assign.noTeam') }, ...teams.map((team) => ({ value: team.id, label: team.name }))];

  return (
    <Select
      aria-label={t('customizing.teams.assign.teamOf', { name: user.name })}
      data={data}
      value={user.teamId ?? NO_TEAM}
      size="xs"
      allowDeselect={false}
      disabled={assign.isPending}
      onChange={(value) => {
        const teamId = value === NO_TEAM || value === null ? null : value;
        if (teamId === user.teamId) return;
        const team = teams.find((candidate) => candidate.id === teamId);
        assign.mutate(
          { userId: user.id, teamId },
          {
            onSuccess: () =>
              notifySuccess(
                team
                  ? t('customizing.teams.assign.assigned', { name: user.name, team: team.name })
                  : t('customizing.teams.assign.unassigned', { name: user.name }),
              ),
            onError: notifyError,
          },
        );
      }}
    />
  );
}
