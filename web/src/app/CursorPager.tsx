/** The "Page n · Previous · Next" bar under a table paged by cursor (see useCursorPages). */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CursorPages } from './useCursorPages.ts';

export interface CursorPagerProps {
  pages: CursorPages;
  /** The query of the page on screen: its `nextCursor`, and whether it still shows the previous page meanwhile. */
  query: { data?: { nextCursor: string | null }; isPlaceholderData: boolean };
}

/** Next stays disabled while the page on screen is a placeholder: its cursor would lead back to the same page. */
export function CursorPager({ pages, query }: CursorPagerProps) {
  const { t } = useTranslation();
  const nextCursor = query.data?.nextCursor;
  return (
    <Group justify="flex-end" gap="sm" component="nav" aria-label={t('common.pagination')}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.page', { page: pages.page })}
      </Text>
      <Button variant="default" size="xs" onClick={pages.previous} disabled={pages.page === 1}>
        {t('common.previous')}
      </Button>
      <Button variant="default" size="xs" onClick={() => nextCursor && pages.next(nextCursor)} disabled={!nextCursor || query.isPlaceholderData}>
        {t('common.next')}
      </Button>
    </Group>
  );
}
