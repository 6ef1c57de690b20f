/** The teams of the workspace: their member counts, creating and renaming them, and who belongs to which. */
import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useCreateTeam, useRenameTeam, useTeams } from './accessHooks.ts';
import { teamNameTaken, type Team } from './accessModel.ts';
import { TeamMembers } from './TeamMembers.tsx';
import { SectionIntro } from './SectionIntro.tsx';

export function TeamPanel() {
  const { t } = useTranslation();
  const teams = useTeams();
  const [renaming, setRenaming] = useState<Team | null>(null);

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="teams-title">
        <SectionIntro id="teams-title" title={t('customizing.teams.title')} intro={t('customizing.teams.intro')} />
        <NewTeamForm teams={teams.data ?? []} />
        {teams.isPending ? (
          <Loading />
        ) : teams.isError ? (
          <LoadError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <Text c="dimmed">{t('customizing.teams.empty')}</Text>
        ) : (
          <Table verticalSpacing="sm" aria-labelledby="teams-title" data-testid="teams-table" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customizing.teams.name')}</Table.Th>
                <Table.Th ta="right">{t('customizing.teams.members')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.data.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td fw={500}>{team.name}</Table.Td>
                  <Table.Td ta="right">{team.memberCount}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      aria-label={t('customizing.teams.renameNamed', { name: team.name })}
                      onClick={() => setRenaming(team)}
                    >
                      {t('customizing.teams.rename')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <TeamMembers teams={teams.data ?? []} />
      <RenameTeamDialog team={renaming} teams={teams.data ?? []} onClose={() => setRenaming(null)} />
    </Stack>
  );
}

/** What the API said about a team name, under the input: its rule for the field, else its message. */
function nameError(error: unknown): string | undefined {
  if (error === null || error === undefined) return undefined;
  return fieldError(error, 'name') ?? errorMessage(error);
}

function NewTeamForm({ teams }: { teams: readonly Team[] }) {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const taken = teamNameTaken(teams, name);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '' || taken) return;
    create.mutate(name.trim(), {
      onSuccess: (team) => {
        notifySuccess(t('customizing.teams.created', { name: team.name }));
        setName('');
      },
    });
  }

  return (
    <form onSubmit={submit} data-testid="team-new">
      <Group align="flex-start" gap="sm">
        <TextInput
          aria-label={t('customizing.teams.name')}
          placeholder={t('customizing.teams.name')}
          value={name}
          maxLength={80}
          onChange={(event) => {
            setName(event.currentTarget.value);
            create.reset();
          }}
          error={taken ? t('customizing.teams.nameTaken') : nameError(create.error)}
          w={{ base: '100%', sm: 280 }}
        />
        <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending} disabled={name.trim() === '' || taken}>
          {t('customizing.teams.create')}
        </Button>
      </Group>
    </form>
  );
}

function RenameTeamDialog({ team, teams, onClose }: { team: Team | null; teams: readonly Team[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={team !== null} onClose={onClose} title={t('customizing.teams.renameTitle')}>
      {team && <RenameTeamForm key={team.id} team={team} teams={teams} onDone={onClose} />}
    </Modal>
  );
}

function RenameTeamForm({ team, teams, onDone }: { team: Team; teams: readonly Team[]; onDone: () => void }) {
  const { t } = useTranslation();
  const rename = useRenameTeam();
  const [name, setName] = useState(team.name);
  const taken = teamNameTaken(teams, name, team.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '' || taken) return;
    if (name.trim() === team.name) return onDone();
    rename.mutate(
      { id: team.id, name: name.trim() },
      {
        onSuccess: (renamed) => {
          notifySuccess(t('customizing.teams.renamed', { name: renamed.name }));
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('customizing.teams.name')}
          required
          data-autofocus
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={taken ? t('customizing.teams.nameTaken') : nameError(rename.error)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={rename.isPending} disabled={name.trim() === '' || taken}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
