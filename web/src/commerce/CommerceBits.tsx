/**
 * Small pieces shared by the commerce pages: status badges, the link to a document's customer, the read-only
 * lines table and the totals block with the margin.
 */
import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { marginRate, type OrderTotals } from '../../../src/shared/commerce/order-math.ts';
import { ORDER_STATUS_COLORS, QUOTE_STATUS_COLORS, type OrderStatus, type QuoteStatus } from './commerceModel.ts';
import type { LineOutput } from './commerceTypes.ts';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ORDER_STATUS_COLORS[status]} variant="light" data-testid="order-status" data-status={status}>
      {t(`commerce.orderStatus.${status}`)}
    </Badge>
  );
}

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={QUOTE_STATUS_COLORS[status]} variant="light" data-testid="quote-status" data-status={status}>
      {t(`commerce.quoteStatus.${status}`)}
    </Badge>
  );
}

export function CustomerLink({ customer }: { customer: { id: string; kind: 'person' | 'organisation'; displayName: string } }) {
  const { t } = useTranslation();
  const name = customer.displayName || t('commerce.unnamedCustomer');
  return customer.kind === 'organisation' ? (
    <AnchorLink to="/organisations/$id" params={{ id: customer.id }} data-testid="customer-link">
      {name}
    </AnchorLink>
  ) : (
    <AnchorLink to="/people/$id" params={{ id: customer.id }} data-testid="customer-link">
      {name}
    </AnchorLink>
  );
}

/** The lines of a quote or order as they were sold. */
export function LinesTable({ lines, currency }: { lines: readonly LineOutput[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, currency, i18n.language);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" data-testid="lines-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('commerce.line.product')}</Table.Th>
            <Table.Th ta="right">{t('commerce.line.quantity')}</Table.Th>
            <Table.Th ta="right">{t('commerce.line.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('commerce.line.discount')}</Table.Th>
            <Table.Th ta="right">{t('commerce.line.vat')}</Table.Th>
            <Table.Th ta="right">{t('commerce.line.total')}</Table.Th>
            <Table.Th ta="right">{t('commerce.line.cost')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.position} data-testid="line-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {line.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {line.sku}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{line.quantity}</Table.Td>
              <Table.Td ta="right">{money(line.unitPrice)}</Table.Td>
              <Table.Td ta="right">{Number(line.discountPercent) > 0 ? `${line.discountPercent} %` : '—'}</Table.Td>
              <Table.Td ta="right">{`${line.vatRate} %`}</Table.Td>
              <Table.Td ta="right" fw={500}>
                {money(line.lineTotal)}
              </Table.Td>
              <Table.Td ta="right" c="dimmed">
                {money(line.lineCost)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Subtotal, discounts, totals with and without tax, cost and margin. */
export function TotalsBlock({ totals, currency }: { totals: Omit<OrderTotals, 'marginRate'> & { marginRate?: string | null }; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, currency, i18n.language);
  const rate = totals.marginRate !== undefined ? totals.marginRate : marginRate(totals.totalExclTax, totals.costTotal);
  const rows: [string, string, string, boolean?][] = [
    ['subtotal', t('commerce.totals.subtotal'), money(totals.subtotal)],
    ['discountTotal', t('commerce.totals.discount'), Number(totals.discountTotal) > 0 ? `− ${money(totals.discountTotal)}` : money('0')],
    ['totalExclTax', t('commerce.totals.exclTax'), money(totals.totalExclTax)],
    ['taxTotal', t('commerce.totals.tax'), money(totals.taxTotal)],
    ['totalInclTax', t('commerce.totals.inclTax'), money(totals.totalInclTax), true],
    ['costTotal', t('commerce.totals.cost'), money(totals.costTotal)],
    ['margin', t('commerce.totals.margin'), rate === null ? money(totals.margin) : `${money(totals.margin)} (${rate} %)`],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} maw={380} ml="auto" data-testid="totals">
      <Table.Tbody>
        {rows.map(([key, label, value, strong]) => (
          <Table.Tr key={key}>
            <Table.Td>
              <Text size="sm" fw={strong ? 700 : 400} c={key === 'costTotal' || key === 'margin' ? 'dimmed' : undefined}>
                {label}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Group justify="flex-end">
                <Text size="sm" fw={strong ? 700 : 500} data-testid={`total-${key}`}>
                  {value}
                </Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
