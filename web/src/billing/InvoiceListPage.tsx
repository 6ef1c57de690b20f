/**
 * /invoices: every invoice, newest first, filtered by status and "overdue only" (both in the URL, so a filtered
 * list can be bookmarked), paged by cursor, with what the filtered invoices add up to. Overdue rows stand out with
 * their days late; each row links to its order and customer. "Tell the customer" looks up where a customer's
 * business stands, in words to read out or paste.
 */
import { Checkbox, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../app/CursorPager.tsx';
import { formatDate, formatMoney } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { ListTable } from '../app/ListTable.tsx';
import { useCursorPages } from '../app/useCursorPages.ts';
import { CustomerLink } from '../commerce/CommerceBits.tsx';
import { InvoiceStatusBadge, OverdueBadge } from './BillingBadges.tsx';
import { useInvoices, useInvoiceTotals } from './billingHooks.ts';
import { INVOICE_STATUSES, invoiceListQuery, type InvoiceListSearch, type InvoiceStatus } from './billingModel.ts';
import type { InvoiceTotals } from './billingTypes.ts';
import { TellCustomerButton } from './TellCustomer.tsx';

const route = getRouteApi('/_signedIn/invoices');
const PAGE_SIZE = 25;

export function InvoiceListPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setFilter = (changes: Partial<InvoiceListSearch>) => void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });
  const query = invoiceListQuery(search);
  const pages = useCursorPages(JSON.stringify(search));
  const list = useInvoices({ ...query, limit: PAGE_SIZE, cursor: pages.cursor });
  const totals = useInvoiceTotals(query);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('billing.list.title')}</Title>
        <TellCustomerButton />
      </Group>

      <Group align="flex-end" gap="md" role="search" aria-label={t('billing.list.filters')}>
        <Select
          label={t('billing.fields.status')}
          placeholder={t('billing.list.any')}
          data={INVOICE_STATUSES.map((status) => ({ value: status, label: t(`billing.invoiceStatus.${status}`) }))}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: (value as InvoiceStatus | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 220 }}
          data-testid="invoices-filter-status"
        />
        <Checkbox
          label={t('billing.list.overdueOnly')}
          checked={search.overdue === true}
          onChange={(event) => setFilter({ overdue: event.currentTarget.checked ? true : undefined })}
          mb={8}
          data-testid="invoices-filter-overdue"
        />
      </Group>

      {totals.data && totals.data.totals.map((sums) => <TotalsBar key={sums.currency} sums={sums} />)}

      <ListTable query={list} head={<InvoiceHead />} columns={8} empty={t('billing.list.empty')} minWidth={1000} testId="invoices-table">
        {(invoice) => {
          const money = (amount: string) => formatMoney(amount, invoice.currency, i18n.language);
          return (
            <Table.Tr
              key={invoice.id}
              data-testid="invoice-list-row"
              data-number={invoice.number}
              data-overdue={invoice.isOverdue || undefined}
              bg={invoice.isOverdue ? 'var(--mantine-color-red-light)' : undefined}
            >
              <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                {invoice.number}
              </Table.Td>
              <Table.Td>
                <CustomerLink customer={invoice.customer} />
              </Table.Td>
              <Table.Td>
                {invoice.orderId && invoice.orderNumber ? (
                  <AnchorLink to="/orders/$id" params={{ id: invoice.orderId }} data-testid="invoice-order-link">
                    {invoice.orderNumber}
                  </AnchorLink>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(invoice.issuedOn, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(invoice.dueOn, i18n.language)}</Table.Td>
              <Table.Td ta="right">{money(invoice.totalInclTax)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {money(invoice.balanceDue)}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <InvoiceStatusBadge status={invoice.status} />
                  <OverdueBadge days={invoice.daysOverdue} />
                  {invoice.daysLate !== null && (
                    <Text size="xs" c="orange">
                      {t('billing.paidLate', { days: invoice.daysLate })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          );
        }}
      </ListTable>

      <CursorPager pages={pages} query={list} />
    </Stack>
  );
}

function InvoiceHead() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('billing.fields.number')}</Table.Th>
      <Table.Th>{t('billing.fields.customer')}</Table.Th>
      <Table.Th>{t('billing.fields.order')}</Table.Th>
      <Table.Th>{t('billing.fields.issuedOn')}</Table.Th>
      <Table.Th>{t('billing.fields.dueOn')}</Table.Th>
      <Table.Th ta="right">{t('billing.fields.total')}</Table.Th>
      <Table.Th ta="right">{t('billing.fields.balanceDue')}</Table.Th>
      <Table.Th>{t('billing.fields.status')}</Table.Th>
    </>
  );
}

function TotalsBar({ sums }: { sums: InvoiceTotals }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, sums.currency, i18n.language);
  return (
    <Paper withBorder p="sm" data-testid="invoices-totals">
      <Group gap="xl">
        <Text size="sm">{t('billing.list.count', { count: sums.count })}</Text>
        <Text size="sm">{t('billing.list.total', { amount: money(sums.totalInclTax) })}</Text>
        <Text size="sm">{t('billing.list.paid', { amount: money(sums.amountPaid) })}</Text>
        <Text size="sm" fw={600}>
          {t('billing.list.due', { amount: money(sums.balanceDue) })}
        </Text>
        {sums.overdueCount > 0 && (
          <Text size="sm" c="red" fw={600}>
            {t('billing.list.overdue', { amount: money(sums.overdueBalance), count: sums.overdueCount })}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
