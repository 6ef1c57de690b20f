/**
 * /catalogue: the products and services sold, with their price, cost and margin, searchable by SKU or name and
 * filtered by category, kind and whether they are still sold. Catalogue managers create and edit products
 * (margin shown as they type), archive them and manage categories; everyone else reads.
 */
import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconCategory, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { FlexRender, tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { CursorPager } from '../app/CursorPager.tsx';
import { formatMoney } from '../app/format.ts';
import { EmptyRow } from '../app/ListTable.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { QueryView } from '../app/QueryState.tsx';
import { useCursorPages } from '../app/useCursorPages.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { CategoryManager } from './CategoryManager.tsx';
import { useCategories, useProducts, useRemoveProduct } from './commerceHooks.ts';
import type { Product } from './commerceTypes.ts';
import { ProductDialog } from './ProductDialog.tsx';

const features = tableFeatures({});
type Features = typeof features;
const PAGE_SIZE = 50;

type Availability = 'active' | 'archived' | 'all';

export function CataloguePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = hasPermission(me, 'catalogue:manage');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [availability, setAvailability] = useState<Availability>('active');
  const filters = { q: q || undefined, categoryId: categoryId ?? undefined, kind: kind ?? undefined, active: availability === 'all' ? undefined : availability === 'active' };
  const pages = useCursorPages(JSON.stringify(filters));
  const products = useProducts({ ...filters, limit: PAGE_SIZE, cursor: pages.cursor, sort: 'name' });
  const categories = useCategories();
  const [editing, setEditing] = useState<Product | null | 'new'>(null);
  const [managingCategories, setManagingCategories] = useState(false);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('commerce.catalogue.title')}</Title>
        {canManage && (
          <Group gap="xs">
            <Button variant="light" leftSection={<IconCategory size={16} aria-hidden />} onClick={() => setManagingCategories(true)} data-testid="categories-manage">
              {t('commerce.categories.manage')}
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="product-new">
              {t('commerce.product.new')}
            </Button>
          </Group>
        )}
      </Group>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('commerce.catalogue.filters')}>
        <TextInput
          label={t('commerce.catalogue.search')}
          placeholder={t('commerce.catalogue.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
          data-testid="catalogue-search"
        />
        <Select
          label={t('commerce.product.category')}
          placeholder={t('commerce.orders.any')}
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={categoryId}
          onChange={setCategoryId}
          clearable
          w={{ base: '100%', sm: 200 }}
          data-testid="catalogue-category"
        />
        <Select
          label={t('commerce.product.kind')}
          placeholder={t('commerce.orders.any')}
          data={(['product', 'service'] as const).map((k) => ({ value: k, label: t(`commerce.productKind.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
        <SegmentedControl
          value={availability}
          onChange={(value) => setAvailability(value as Availability)}
          data={(['active', 'archived', 'all'] as const).map((a) => ({ value: a, label: t(`commerce.catalogue.availability.${a}`) }))}
        />
      </Group>

      <Paper withBorder>
        <QueryView query={products}>
          {(page) => <ProductTable rows={page.data} canManage={canManage} onEdit={setEditing} busy={products.isFetching} />}
        </QueryView>
      </Paper>

      <CursorPager pages={pages} query={products} />

      {editing !== null && <ProductDialog product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {managingCategories && <CategoryManager onClose={() => setManagingCategories(false)} />}
    </Stack>
  );
}

function ProductTable({ rows, canManage, onEdit, busy }: { rows: Product[]; canManage: boolean; onEdit: (product: Product) => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string, currency: string) => formatMoney(amount, currency, i18n.language);
  const columns = useMemo<ColumnDef<Features, Product, unknown>[]>(
    () => [
      { id: 'sku', header: t('commerce.product.sku'), accessorFn: (p) => p.sku },
      {
        id: 'name',
        header: t('commerce.product.name'),
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500}>
              {row.original.name}
            </Text>
            {!row.original.active && (
              <Badge size="xs" color="gray" variant="light">
                {t('commerce.catalogue.archived')}
              </Badge>
            )}
          </Group>
        ),
      },
      { id: 'category', header: t('commerce.product.category'), accessorFn: (p) => p.categoryName ?? '—' },
      { id: 'kind', header: t('commerce.product.kind'), accessorFn: (p) => t(`commerce.productKind.${p.kind}`) },
      { id: 'price', header: t('commerce.product.unitPrice'), cell: ({ row }) => money(row.original.unitPrice, row.original.currency) },
      { id: 'cost', header: t('commerce.product.unitCost'), cell: ({ row }) => money(row.original.unitCost, row.original.currency) },
      {
        id: 'margin',
        header: t('commerce.product.margin'),
        cell: ({ row }) => (
          <Text size="sm" data-testid="product-row-margin">
            {money(row.original.margin, row.original.currency)}
            {row.original.marginRate !== null && (
              <Text span size="xs" c="dimmed">
                {` (${row.original.marginRate} %)`}
              </Text>
            )}
          </Text>
        ),
      },
      { id: 'vat', header: t('commerce.product.vatRate'), accessorFn: (p) => `${p.vatRate} %` },
      ...(canManage
        ? [
            {
              id: 'actions',
              header: t('common.actions'),
              cell: ({ row }: { row: { original: Product } }) => <ProductActions product={row.original} onEdit={onEdit} />,
            } satisfies ColumnDef<Features, Product, unknown>,
          ]
        : []),
    ],
    [t, i18n.language, canManage, onEdit],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (p) => p.id });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" aria-busy={busy} data-testid="products-table">
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id} ta={['price', 'cost', 'margin', 'vat'].includes(header.column.id) ? 'right' : undefined}>
                  <FlexRender header={header} />
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && <EmptyRow columns={columns.length} text={t('commerce.catalogue.empty')} />}
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id} data-testid="product-row" data-sku={row.original.sku}>
              {row.getAllCells().map((cell) => (
                <Table.Td key={cell.id} ta={['price', 'cost', 'margin', 'vat'].includes(cell.column.id) ? 'right' : undefined}>
                  <FlexRender cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProductActions({ product, onEdit }: { product: Product; onEdit: (product: Product) => void }) {
  const { t } = useTranslation();
  const remove = useRemoveProduct();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" aria-label={t('commerce.product.edit', { name: product.name })} onClick={() => onEdit(product)} data-testid="product-edit">
        <IconPencil size={16} aria-hidden />
      </ActionIcon>
      {product.active && (
        <ConfirmButton
          variant="subtle"
          size="compact-sm"
          label={t('commerce.product.remove')}
          ariaLabel={t('commerce.product.removeNamed', { name: product.name })}
          leftSection={<IconArchive size={14} aria-hidden />}
          title={t('commerce.product.removeTitle', { name: product.name })}
          message={t('commerce.product.removeMessage')}
          onConfirm={() =>
            remove.mutateAsync(product.id).then(
              ({ outcome }) => notifySuccess(t(`commerce.product.removed.${outcome}`, { name: product.name })),
              (error: unknown) => {
                notifyError(error);
                throw error;
              },
            )
          }
        />
      )}
    </Group>
  );
}
