/**
 * /quotes/$id: the quote's header (number, status, customer, validity), its lines and totals, and the steps
 * still open to it: send, accept (which creates the order and opens it), decline, mark expired.
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { formatDate } from '../app/format.ts';
import { AnchorLink, BackLink } from '../app/links.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { QueryView } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useQuote, useQuoteAction, type QuoteAction } from './commerceHooks.ts';
import type { Quote } from './commerceTypes.ts';
import { CustomerLink, LinesTable, QuoteStatusBadge, TotalsBlock } from './CommerceBits.tsx';

export function QuotePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const quote = useQuote(id);
  return (
    <Stack gap="lg">
      <BackLink to="/orders">{t('commerce.orders.back')}</BackLink>
      <QueryView query={quote}>{(data) => <QuoteView quote={data} editable={hasPermission(me, 'customers:write')} />}</QueryView>
    </Stack>
  );
}

function QuoteView({ quote, editable }: { quote: Quote; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const open = quote.status === 'draft' || quote.status === 'sent';
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} data-testid="quote-number">
              {quote.number}
            </Title>
            <QuoteStatusBadge status={quote.status} />
          </Group>
          <Group gap="xs">
            <CustomerLink customer={quote.customer} />
            <Text c="dimmed" size="sm">
              {t('commerce.quote.dates', { issued: formatDate(quote.issuedOn, i18n.language), until: formatDate(quote.validUntil, i18n.language) })} ·{' '}
              {t(`commerce.channel.${quote.channel}`)}
            </Text>
          </Group>
          {quote.orderId && (
            <AnchorLink to="/orders/$id" params={{ id: quote.orderId }} size="sm" data-testid="quote-order-link">
              {t('commerce.quote.openOrder')}
            </AnchorLink>
          )}
        </Stack>
        {editable && open && <QuoteActions quote={quote} />}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="md">
          <LinesTable lines={quote.lines} currency={quote.currency} />
          <TotalsBlock totals={quote} currency={quote.currency} />
        </Stack>
      </Paper>
      {quote.notes && (
        <Paper withBorder p="md">
          <Text fw={600} mb={4}>
            {t('commerce.form.notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {quote.notes}
          </Text>
        </Paper>
      )}
    </>
  );
}

function QuoteActions({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useQuoteAction(quote.id);
  const run = (verb: QuoteAction) =>
    action.mutateAsync(verb).then(
      ({ order }) => {
        notifySuccess(t(`commerce.quote.done.${verb}`, { number: order?.number ?? quote.number }));
        if (order) void navigate({ to: '/orders/$id', params: { id: order.id } });
      },
      (error: unknown) => {
        notifyError(error);
        throw error;
      },
    );
  return (
    <Group gap="xs" data-testid="quote-actions">
      {quote.status === 'draft' && (
        <Button variant="light" loading={action.isPending && action.variables === 'send'} onClick={() => void run('send').catch(() => {})} data-testid="quote-send">
          {t('commerce.quote.send')}
        </Button>
      )}
      <Button color="green" loading={action.isPending && action.variables === 'accept'} onClick={() => void run('accept').catch(() => {})} data-testid="quote-accept">
        {t('commerce.quote.accept')}
      </Button>
      <ConfirmButton variant="light" label={t('commerce.quote.decline')} title={t('commerce.quote.declineTitle', { number: quote.number })} message={t('commerce.quote.declineMessage')} onConfirm={() => run('decline')} />
      <Button variant="subtle" color="gray" loading={action.isPending && action.variables === 'expire'} onClick={() => void run('expire').catch(() => {})}>
        {t('commerce.quote.expire')}
      </Button>
    </Group>
  );
}
