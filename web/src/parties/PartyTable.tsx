/**
 * The list itself: TanStack Table builds rows and cells, TanStack Virtual renders only the rows in view (rows
 * have one fixed height, so a million of them scroll as smoothly as ten), and the next page is asked for when
 * the user nears the end of what is loaded. Headers sort on the server.
 */
import { Group, Loader, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconBuilding } from '@tabler/icons-react';
import { FlexRender, metaHelper, tableFeatures, useTable, type ColumnDef, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link, useNavigate } from '@tanstack/react-router';
import { memo, useCallback, useEffect, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cellValue, totalWidth, type PartyColumn } from './partyColumns.ts';
import { nameInitials } from './partyFormat.ts';
import { sortDirection, toggleSort, type PartySort } from './partyListModel.ts';
import { cellContent, columnLabel } from './PartyCells.tsx';
import { PARTY_PATHS, type PartyKind, type PartySummary } from './partyTypes.ts';
import classes from './PartyTable.module.css';

export const ROW_HEIGHT = 44;
/** Ask for the next page when fewer than this many loaded rows remain below the viewport. */
const PREFETCH_ROWS = 40;

const features = tableFeatures({ columnMeta: metaHelper<{ column: PartyColumn }>() });
type Features = typeof features;
const rowId = (row: PartySummary) => row.id;

export interface PartyTableProps {
  kind: PartyKind;
  rows: PartySummary[];
  columns: PartyColumn[];
  sort: PartySort;
  onSort: (sort: PartySort) => void;
  /** Rows matching the filters, when known: announced to assistive technologies. */
  total: number | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Changes when the filters or sort change: the list scrolls back to the top. */
  resetKey: string;
  /** The rows on screen are those of the previous filters, while the new ones load. */
  stale: boolean;
  /** Shown instead of rows when there are none. */
  empty: ReactNode;
  footer: ReactNode;
}

export function PartyTable({ kind, rows, columns, sort, onSort, total, hasNextPage, isFetchingNextPage, fetchNextPage, resetKey, stale, empty, footer }: PartyTableProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);

  const tableColumns = useMemo<ColumnDef<Features, PartySummary, unknown>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        accessorFn: (row: PartySummary) => cellValue(row, column.id),
        header: columnLabel(t, column),
        cell: ({ row }) => (column.type === 'name' ? <NameCell kind={kind} row={row.original} /> : cellContent(row.original, column, { t, locale: i18n.language })),
        meta: { column },
      })),
    [columns, kind, t, i18n.language],
  );
  const table = useTable({ features, columns: tableColumns, data: rows, getRowId: rowId });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => tableRows[index]?.id ?? index,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tableRows.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastIndex, tableRows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const openRow = useCallback(
    (event: MouseEvent, id: string) => {
      // Links inside the row (the name, an email) do their own thing.
      if ((event.target as HTMLElement).closest('a, button')) return;
      void navigate({ to: PARTY_PATHS[kind].record, params: { id } });
    },
    [navigate, kind],
  );

  const minWidth = totalWidth(columns);
  return (
    <>
      <div ref={scrollRef} className={classes.scroller} data-testid="party-scroller">
        <table
          className={classes.table}
          style={{ minWidth, opacity: stale ? 0.55 : 1, transition: 'opacity 150ms' }}
          aria-busy={stale || isFetchingNextPage}
          aria-label={t(`parties.table.label.${kind}`)}
          aria-rowcount={total === null ? -1 : total + 1}
          data-testid="party-table"
        >
          <thead className={classes.head}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className={classes.headRow} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const column = header.column.columnDef.meta!.column;
                  const label = String(header.column.columnDef.header);
                  const direction = column.sort ? sortDirection(sort, column.sort) : null;
                  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconArrowsSort;
                  return (
                    <th
                      key={header.id}
                      className={classes.th}
                      style={{ width: column.width }}
                      aria-sort={column.sort ? (direction ?? 'none') : undefined}
                      data-column={column.id}
                    >
                      {column.sort ? (
                        <button
                          type="button"
                          className={`${classes.sortButton} ${direction ? classes.sorted : ''}`}
                          onClick={() => onSort(toggleSort(sort, column.sort!))}
                          title={t('parties.table.sortBy', { column: label })}
                          data-testid={`sort-${column.id}`}
                        >
                          {label}
                          <Icon size={13} aria-hidden style={{ opacity: direction ? 1 : 0.45 }} />
                        </button>
                      ) : (
                        <Text span inherit truncate="end" title={label}>
                          {label}
                        </Text>
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <PartyRow
                key={tableRows[item.index]!.id}
                row={tableRows[item.index]!}
                columns={tableColumns}
                index={item.index}
                start={item.start}
                onOpen={openRow}
              />
            ))}
          </tbody>
        </table>
        {tableRows.length === 0 && empty}
        {isFetchingNextPage && (
          <Group justify="center" py="xs" pos="sticky" left={0}>
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('parties.table.loadingMore')}
            </Text>
          </Group>
        )}
      </div>
      <div className={classes.footer}>{footer}</div>
    </>
  );
}

interface PartyRowProps {
  row: Row<Features, PartySummary>;
  /** Not read: a change of columns (or of language) must render the row again. */
  columns: readonly ColumnDef<Features, PartySummary, unknown>[];
  index: number;
  start: number;
  onOpen: (event: MouseEvent, id: string) => void;
}

/** One row; memoised, so that scrolling renders only the rows coming into view. */
const PartyRow = memo(function PartyRow({ row, index, start, onOpen }: PartyRowProps) {
  return (
    <tr
      className={classes.row}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      aria-rowindex={index + 2}
      onClick={(event) => onOpen(event, row.id)}
      data-testid="party-row"
      data-index={index}
    >
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={classes.td} style={{ width: cell.column.columnDef.meta!.column.width }}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
});

function NameCell({ kind, row }: { kind: PartyKind; row: PartySummary }) {
  return (
    <span className={classes.name}>
      <span className={classes.avatar} data-kind={kind} aria-hidden>
        {kind === 'person' ? nameInitials(row.displayName) || '?' : <IconBuilding size={15} />}
      </span>
      <Link to={PARTY_PATHS[kind].record} params={{ id: row.id }} className={classes.nameLink} title={row.displayName} data-testid="party-name">
        {row.displayName}
      </Link>
    </span>
  );
}
