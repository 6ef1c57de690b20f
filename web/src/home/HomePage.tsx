/** The first page after signing in: a welcome and what happened lately in the workspace. */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useActivityFeed } from '../events/eventHooks.ts';
import { EventTimeline } from '../events/EventTimeline.tsx';

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
      {hasPermission(me, 'history:read') && <RecentActivity />}
    </Stack>
  );
}

function RecentActivity() {
  const { t } = useTranslation();
  const feed = useActivityFeed();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="recent-activity-title">
      <Title order={2} size="h4" mb="md" id="recent-activity-title">
        {t('home.activity')}
      </Title>
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <LoadError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <EventTimeline
          events={feed.data.pages.flatMap((page) => page.data)}
          showEntity
          hasMore={feed.hasNextPage}
          loadingMore={feed.isFetchingNextPage}
          onLoadMore={() => void feed.fetchNextPage()}
        />
      )}
    </Paper>
  );
}
