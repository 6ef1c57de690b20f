/** A titled panel showing a paged change-log feed: the workspace's activity or one record's history. */
import { Paper, Title } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { LoadError, Loading } from '../app/QueryState.tsx';
import type { EventPage } from './eventModel.ts';
import { EventTimeline } from './EventTimeline.tsx';

export interface EventFeedPanelProps {
  title: string;
  /** Id of the heading, which labels the section for assistive technology. */
  titleId: string;
  feed: UseInfiniteQueryResult<InfiniteData<EventPage>>;
  /** Name the record each event is about (for feeds mixing several records). */
  showEntity?: boolean;
}

export function EventFeedPanel({ title, titleId, feed, showEntity }: EventFeedPanelProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="md" id={titleId}>
        {title}
      </Title>
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <LoadError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <EventTimeline
          events={feed.data.pages.flatMap((page) => page.data)}
          showEntity={showEntity}
          hasMore={feed.hasNextPage}
          loadingMore={feed.isFetchingNextPage}
          onLoadMore={() => void feed.fetchNextPage()}
        />
      )}
    </Paper>
  );
}
