/**
 * The bell of the header: how many notifications are unread, and a list of the latest ones (task reminders…),
 * each opening its customer's record or "my day" and marked read on the way.
 */
import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { notifyError } from '../app/notify.ts';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './taskHooks.ts';
import type { AppNotification } from './taskTypes.ts';

export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const notifications = useNotifications();
  const markAll = useMarkAllNotificationsRead();
  const unread = notifications.data?.unreadCount ?? 0;
  const list = notifications.data?.data ?? [];

  return (
    <Popover opened={opened} onChange={(next) => !next && close()} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4} data-testid="notification-count">
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={t('tasks.notifications.open', { count: unread })} data-testid="notification-bell">
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600} size="sm">
            {t('tasks.notifications.title')}
          </Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" loading={markAll.isPending} onClick={() => markAll.mutate(undefined, { onError: notifyError })}>
              {t('tasks.notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        {list.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('tasks.notifications.none')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={0}>
              {list.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} onOpen={close} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkNotificationRead();
  const unread = notification.readAt === null;
  const text = notification.kind === 'task_reminder' ? t('tasks.notifications.reminder', { title: notification.title }) : notification.title;

  function open() {
    if (unread) markRead.mutate(notification.id);
    onOpen();
    if (notification.link) void navigate({ href: notification.link });
  }

  return (
    <UnstyledButton onClick={open} px="sm" py="xs" data-testid="notification-item" style={{ background: unread ? 'var(--mantine-color-blue-light)' : undefined }}>
      <Text size="sm" fw={unread ? 600 : 400}>
        {text}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(notification.createdAt, i18n.language)}
      </Text>
    </UnstyledButton>
  );
}
