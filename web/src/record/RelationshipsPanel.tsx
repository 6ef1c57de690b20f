/**
 * Links to other people and organisations, grouped the way the record reads them (works at, contacts, parent
 * company, household…), each a way to the other record; links can be added, ended today, or removed.
 */
import { ActionIcon, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconDots, IconLink, IconPlayerStop, IconTrash, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../app/links.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import type { Party } from '../parties/partyTypes.ts';
import { AddLinkDialog } from './AddLinkDialog.tsx';
import { formatDay } from './recordFormat.ts';
import { useDeleteLink, useLinks, useUpdateLink } from './recordHooks.ts';
import { groupLinks, partyPath, todayIso, type DecisionRole, type Link } from './relationModel.ts';
import { Section } from './Section.tsx';

export function RelationshipsPanel({ party, editable }: { party: Party; editable: boolean }) {
  const { t } = useTranslation();
  const links = useLinks(party.id);
  const [adding, { open, close }] = useDisclosure(false);

  return (
    <Section
      title={t('record.sections.links')}
      testId="links-panel"
      actions={
        editable && (
          <Button size="xs" variant="light" leftSection={<IconLink size={14} aria-hidden />} onClick={open} data-testid="add-link">
            {t('record.links.add')}
          </Button>
        )
      }
    >
      {links.isPending ? (
        <Loading />
      ) : links.isError ? (
        <LoadError error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('record.links.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {groupLinks(links.data).map(({ group, links: inGroup }) => (
            <div key={group} data-testid={`links-${group}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6}>
                {t(`record.links.groups.${group}`)}
              </Text>
              <Stack gap={6}>
                {inGroup.map((link) => (
                  <LinkRow key={link.id} partyId={party.id} link={link} editable={editable} />
                ))}
              </Stack>
            </div>
          ))}
        </Stack>
      )}
      {editable && <AddLinkDialog party={party} opened={adding} onClose={close} />}
    </Section>
  );
}

function LinkRow({ partyId, link, editable }: { partyId: string; link: Link; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateLink(partyId);
  const remove = useDeleteLink(partyId);
  const Icon = link.other.kind === 'organisation' ? IconBuilding : IconUser;
  const dates = [link.startedOn && t('record.links.from', { date: formatDay(link.startedOn, i18n.language) }), link.endedOn && t('record.links.to', { date: formatDay(link.endedOn, i18n.language) })]
    .filter(Boolean)
    .join(' ');

  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="link-row" opacity={link.current ? 1 : 0.65}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Icon size={16} aria-hidden style={{ flex: 'none' }} />
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <AnchorLink to={partyPath(link.other.kind)} params={{ id: link.other.id }} size="sm" fw={500}>
              {link.other.displayName}
            </AnchorLink>
            {link.decisionRole && (
              <Badge size="xs" variant="light" color="indigo" tt="none">
                {t(`record.decisionRoles.${link.decisionRole as DecisionRole}`)}
              </Badge>
            )}
            {!link.current && (
              <Badge size="xs" variant="light" color="gray" tt="none">
                {t('record.links.ended')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[link.function, link.other.customerNumber, dates].filter(Boolean).join(' · ')}
          </Text>
        </div>
      </Group>
      {editable && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('record.links.actions', { name: link.other.displayName })}>
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {link.current && (
              <Menu.Item
                leftSection={<IconPlayerStop size={14} aria-hidden />}
                onClick={() =>
                  update.mutate(
                    { link, changes: { endedOn: todayIso() } },
                    { onSuccess: () => notifySuccess(t('record.links.endedToday')), onError: notifyError },
                  )
                }
              >
                {t('record.links.end')}
              </Menu.Item>
            )}
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => remove.mutate(link, { onSuccess: () => notifySuccess(t('record.links.removed')), onError: notifyError })}
            >
              {t('record.links.remove')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
