/** The Cases tab of a customer's record: their cases, those still open first, with SLA state; a new case. */
import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { QueryView } from '../app/QueryState.tsx';
import { CaseStatusBadge, PriorityBadge, SlaBadge } from './CaseBadges.tsx';
import { CaseCreateButton } from './CaseCreateDialog.tsx';
import { useCaseList } from './caseHooks.ts';

export function PartyCasesPanel({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const list = useCaseList({ partyId, limit: 100 });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="party-cases-title" data-testid="party-cases">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="party-cases-title">
            {t('cases.party.title')}
          </Title>
          {editable && <CaseCreateButton partyId={partyId} size="xs" />}
        </Group>
        <QueryView query={list}>
          {({ data: cases }) =>
            cases.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('cases.party.empty')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={620}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('cases.fields.number')}</Table.Th>
                      <Table.Th>{t('cases.fields.subject')}</Table.Th>
                      <Table.Th>{t('cases.fields.status')}</Table.Th>
                      <Table.Th>{t('cases.fields.sla')}</Table.Th>
                      <Table.Th>{t('cases.fields.openedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cases.map((c) => (
                      <Table.Tr key={c.id} data-testid="party-case-row">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <AnchorLink to="/cases/$id" params={{ id: c.id }} fw={500}>
                            {c.number}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.subject}</Text>
                          <Group gap={4} mt={2}>
                            <Text size="xs" c="dimmed">
                              {t(`cases.types.${c.type}`)}
                            </Text>
                            <PriorityBadge priority={c.priority} />
                          </Group>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <CaseStatusBadge status={c.status} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <SlaBadge sla={c} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.openedAt, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryView>
      </Stack>
    </Paper>
  );
}
