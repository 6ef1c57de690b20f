/**
 * /imports: every import of the workspace, newest first — the file, what it brought in, who ran it and when,
 * its status and counts, and Undo on completed ones; "New import" starts another.
 */
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../app/CursorPager.tsx';
import { formatDateTime } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { ListTable } from '../app/ListTable.tsx';
import { useCursorPages } from '../app/useCursorPages.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { ImportCountList, ImportStatusBadge, UndoImportButton } from './ImportBits.tsx';
import { useImports } from './importHooks.ts';
import { NewImportButton } from './NewImportDialog.tsx';

const PAGE_SIZE = 25;

export function ImportListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const pages = useCursorPages('imports');
  const list = useImports(pages.cursor, PAGE_SIZE);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={1}>{t('imports.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('imports.intro')}
          </Text>
        </Stack>
        {hasPermission(me, 'data:import') && <NewImportButton />}
      </Group>

      <ListTable query={list} head={<ImportHead />} columns={7} empty={t('imports.list.empty')} emptyTestId="imports-empty" minWidth={1000} testId="imports-table">
        {(imp) => (
          <Table.Tr key={imp.id} data-testid="import-row" data-id={imp.id}>
            <Table.Td>
              <AnchorLink to="/imports/$id" params={{ id: imp.id }} fw={500} data-testid="import-link">
                {imp.fileName}
              </AnchorLink>
              {imp.dryRun && (
                <Text size="xs" c="dimmed">
                  {t('imports.list.dryRun')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{imp.target ? t(`imports.target.${imp.target}`) : '—'}</Table.Td>
            <Table.Td>{imp.createdBy?.name ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(imp.createdAt, i18n.language)}</Table.Td>
            <Table.Td>
              <ImportStatusBadge status={imp.status} />
            </Table.Td>
            <Table.Td>
              <ImportCountList counts={imp.counts} size="xs" />
            </Table.Td>
            <Table.Td>
              <UndoImportButton imp={imp} size="xs" />
            </Table.Td>
          </Table.Tr>
        )}
      </ListTable>

      <CursorPager pages={pages} query={list} />
    </Stack>
  );
}

function ImportHead() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('imports.list.file')}</Table.Th>
      <Table.Th>{t('imports.list.target')}</Table.Th>
      <Table.Th>{t('imports.list.by')}</Table.Th>
      <Table.Th>{t('imports.list.when')}</Table.Th>
      <Table.Th>{t('imports.list.status')}</Table.Th>
      <Table.Th>{t('imports.list.counts')}</Table.Th>
      <Table.Th>{t('common.actions')}</Table.Th>
    </>
  );
}
