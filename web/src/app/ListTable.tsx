/**
 * The table of a list page, in its frame: the loading and error states of its query, then the header cells, one
 * row per item, and a full-width line saying so when there are none.
 */
import { Paper, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryView } from './QueryState.tsx';

export interface ListTableProps<T> {
  /** The query of the page on screen; aria-busy while a newer version loads. */
  query: UseQueryResult<{ data: T[] }>;
  /** The row of one item (a `Table.Tr` with its key). */
  children: (item: T) => ReactNode;
  /** The header cells (`Table.Th`). */
  head: ReactNode;
  /** How many columns the table has: the empty line spans them all. */
  columns: number;
  /** What the empty line says. */
  empty: string;
  emptyTestId?: string;
  /** Below this width the table scrolls sideways rather than squeezing its columns. */
  minWidth: number;
  testId: string;
}

export function ListTable<T>({ query, children, head, columns, empty, emptyTestId, minWidth, testId }: ListTableProps<T>) {
  return (
    <Paper withBorder>
      <QueryView query={query}>
        {({ data: items }) => (
          <Table.ScrollContainer minWidth={minWidth}>
            <Table highlightOnHover verticalSpacing="sm" aria-busy={query.isFetching} data-testid={testId}>
              <Table.Thead>
                <Table.Tr>{head}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 && <EmptyRow columns={columns} text={empty} testId={emptyTestId} />}
                {items.map(children)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Paper>
  );
}

/** The one row of a table with nothing to show, saying so across all its columns. */
export function EmptyRow({ columns, text, testId }: { columns: number; text: string; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text c="dimmed" ta="center" py="md" data-testid={testId}>
          {text}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
