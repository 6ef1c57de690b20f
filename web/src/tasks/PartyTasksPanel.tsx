/**
 * The open tasks of a customer on their record, overdue ones first and in red, each done in one click; a dialog
 * plans a new one (with a recurrence and a reminder).
 */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { Section } from '../record/Section.tsx';
import { TaskDialog } from './TaskDialog.tsx';
import { usePartyTasks } from './taskHooks.ts';
import { TaskRow } from './TaskRow.tsx';

export function PartyTasksPanel({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const tasks = usePartyTasks(partyId);
  const [adding, { open, close }] = useDisclosure(false);
  const canPlan = editable && hasPermission(me, 'customers:write');
  const overdue = tasks.data?.filter((task) => task.overdue).length ?? 0;

  return (
    <Section
      title={t('tasks.panel.title')}
      testId="party-tasks"
      actions={
        <Group gap="xs" wrap="nowrap">
          {overdue > 0 && (
            <Badge color="red" variant="filled" data-testid="party-tasks-overdue">
              {t('tasks.panel.overdue', { count: overdue })}
            </Badge>
          )}
          {canPlan && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={open} data-testid="add-task">
              {t('tasks.panel.add')}
            </Button>
          )}
        </Group>
      }
    >
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.panel.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {tasks.data.map((task) => (
            <TaskRow key={task.id} task={task} canComplete={canPlan} showParty={false} showAssignee />
          ))}
        </Stack>
      )}
      {canPlan && <TaskDialog opened={adding} onClose={close} partyId={partyId} defaultKind="visit" />}
    </Section>
  );
}
