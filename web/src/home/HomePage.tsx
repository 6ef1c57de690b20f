/** The first page after signing in: a welcome, the size of the customer base, and what happened lately. */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useActivityFeed } from '../events/eventHooks.ts';
import { EventFeedPanel } from '../events/EventFeedPanel.tsx';
import { CustomerCounts } from '../parties/CustomerCounts.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1} data-testid="home-title">
          {t('home.title', { workspace: me.workspace.name })}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('home.greeting', { name: me.user.name })}
        </Text>
      </div>
      {hasPermission(me, 'customers:read') && <CustomerCounts />}
      {hasPermission(me, 'history:read') && <RecentActivity />}
    </Stack>
  );
}

function RecentActivity() {
  const { t } = useTranslation();
  const feed = useActivityFeed();
  return <EventFeedPanel title={t('home.activity')} titleId="recent-activity-title" feed={feed} showEntity />;
}
