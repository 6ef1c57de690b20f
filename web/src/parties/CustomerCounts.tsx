/** How many people and organisations the workspace holds, each a way into its list (shown on the home page). */
import { Group, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePartyCount } from './partyHooks.ts';
import { CountLabel } from './PartyListPage.tsx';
import { PARTY_KINDS, PARTY_PATHS, type PartyKind } from './partyTypes.ts';

const ICONS = { person: IconUser, organisation: IconBuilding } as const;

function CountCard({ kind }: { kind: PartyKind }) {
  const { t } = useTranslation();
  const count = usePartyCount(kind, '');
  const Icon = ICONS[kind];
  return (
    <Paper component={Link} to={PARTY_PATHS[kind].app} withBorder p="md" radius="md" data-testid={`home-count-${kind}`}>
      <Group gap="md" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light">
          <Icon size={22} aria-hidden />
        </ThemeIcon>
        <div>
          <Text fw={600}>{t(`parties.title.${kind}`)}</Text>
          {!count.isError && <CountLabel kind={kind} count={count.data} />}
        </div>
      </Group>
    </Paper>
  );
}

export function CustomerCounts() {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
      {PARTY_KINDS.map((kind) => (
        <CountCard key={kind} kind={kind} />
      ))}
    </SimpleGrid>
  );
}
