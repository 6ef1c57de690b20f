/**
 * The "Orders" tab of a customer's record: their orders and quotes with status and amounts, and buttons to write
 * a new order or quote for them.
 */
import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { LoadError, Loading } from '../app/QueryState.tsx';
import type { Party } from '../parties/partyTypes.ts';
import { partyKey } from '../record/recordHooks.ts';
import { useOrders, useQuotes } from './commerceHooks.ts';
import { OrderStatusBadge, QuoteStatusBadge } from './CommerceBits.tsx';
import { DocumentFormButton } from './DocumentFormDialog.tsx';

const SHOWN = 20;

export function PartyOrdersPanel({ partyId, editable }: { partyId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  // The record page has loaded the customer; its name labels the new order's customer.
  const party = useQuery<Party>({ queryKey: partyKey(partyId), enabled: false }).data;
  const customer = party ? { id: partyId, label: `${party.displayName} · ${party.customerNumber}` } : { id: partyId, label: partyId };
  const orders = useOrders({ customerId: partyId, limit: SHOWN });
  const quotes = useQuotes({ customerId: partyId, limit: SHOWN });

  return (
    <Stack gap="lg" data-testid="party-orders">
      {editable && (
        <Group gap="xs">
          <DocumentFormButton kind="order" customer={customer} size="xs" />
          <DocumentFormButton kind="quote" customer={customer} size="xs" variant="light" />
        </Group>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3}>{t('commerce.party.orders')}</Title>
          {orders.data?.nextCursor && (
            <AnchorLink to="/orders" search={{ customerId: partyId }} size="sm">
              {t('commerce.party.allOrders')}
            </AnchorLink>
          )}
        </Group>
        {orders.isPending ? (
          <Loading />
        ) : orders.isError ? (
          <LoadError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : orders.data.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('commerce.party.noOrders')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="party-orders-table">
            <Table.Tbody>
              {orders.data.data.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>
                    <AnchorLink to="/orders/$id" params={{ id: order.id }} fw={500}>
                      {order.number}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(order.orderedAt, i18n.language)}</Table.Td>
                  <Table.Td>{t(`commerce.channel.${order.channel}`)}</Table.Td>
                  <Table.Td>
                    <OrderStatusBadge status={order.status} />
                  </Table.Td>
                  <Table.Td ta="right" fw={500}>
                    {formatMoney(order.totalInclTax, order.currency, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="xs">
          {t('commerce.party.quotes')}
        </Title>
        {quotes.isPending ? (
          <Loading />
        ) : quotes.isError ? (
          <LoadError error={quotes.error} onRetry={() => void quotes.refetch()} />
        ) : quotes.data.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('commerce.party.noQuotes')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="party-quotes-table">
            <Table.Tbody>
              {quotes.data.data.map((quote) => (
                <Table.Tr key={quote.id}>
                  <Table.Td>
                    <AnchorLink to="/quotes/$id" params={{ id: quote.id }} fw={500}>
                      {quote.number}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t('commerce.party.validUntil', { date: formatDate(quote.validUntil, i18n.language) })}</Table.Td>
                  <Table.Td>
                    <QuoteStatusBadge status={quote.status} />
                  </Table.Td>
                  <Table.Td ta="right" fw={500}>
                    {formatMoney(quote.totalInclTax, quote.currency, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
