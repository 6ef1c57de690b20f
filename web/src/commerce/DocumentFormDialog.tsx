/**
 * Writing a new order or quote: the customer (fixed when opened from a customer's record), the sales channel,
 * a promo code (orders) or a validity date (quotes), notes and lines, with totals computed live by the same
 * arithmetic as the server's. Once saved, the new document opens.
 */
import { Alert, Button, Divider, Grid, Group, Modal, Select, Stack, Text, TextInput, Textarea, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { errorMessage } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { useCreateOrder, useCreateQuote } from './commerceHooks.ts';
import {
  arrangeIssues,
  draftCurrency,
  draftTotals,
  emptyDraft,
  orderBody,
  quoteBody,
  SALES_CHANNELS,
  type DocumentDraft,
  type DocumentKind,
  type SalesChannel,
} from './commerceModel.ts';
import type { Product } from './commerceTypes.ts';
import { TotalsBlock } from './CommerceBits.tsx';
import { LinesEditor } from './LinesEditor.tsx';
import { CustomerPicker, type CustomerChoice } from './Pickers.tsx';

export interface DocumentFormButtonProps extends Omit<ButtonProps, 'children'> {
  kind: DocumentKind;
  /** The customer the document is for, when known (from a customer's record). */
  customer?: CustomerChoice;
}

export function DocumentFormButton({ kind, customer, ...buttonProps }: DocumentFormButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} data-testid={`new-${kind}`} {...buttonProps}>
        {t(`commerce.form.new.${kind}`)}
      </Button>
      {opened && <DocumentFormDialog kind={kind} customer={customer} onClose={close} />}
    </>
  );
}

export function DocumentFormDialog({ kind, customer: initialCustomer, onClose }: { kind: DocumentKind; customer?: CustomerChoice; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createOrder = useCreateOrder();
  const createQuote = useCreateQuote();
  const mutation = kind === 'order' ? createOrder : createQuote;
  const [customer, setCustomer] = useState<CustomerChoice | null>(initialCustomer ?? null);
  const [draft, setDraft] = useState<DocumentDraft>(() => emptyDraft(initialCustomer?.id ?? null));
  const [products, setProducts] = useState<Map<string, Product>>(() => new Map());
  const set = <K extends keyof DocumentDraft>(key: K, value: DocumentDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const currency = draftCurrency(draft.lines, products);
  const totals = useMemo(() => draftTotals(draft.lines, products), [draft.lines, products]);
  const issues = arrangeIssues(mutation.error instanceof ApiError ? mutation.error.issues : []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { ...draft, customerId: customer?.id ?? null };
    if (kind === 'order') {
      createOrder.mutate(orderBody(body, products), {
        onSuccess: (order) => {
          notifySuccess(t('commerce.form.created.order', { number: order.number }));
          onClose();
          void navigate({ to: '/orders/$id', params: { id: order.id } });
        },
      });
    } else {
      createQuote.mutate(quoteBody(body, products), {
        onSuccess: (quote) => {
          notifySuccess(t('commerce.form.created.quote', { number: quote.number }));
          onClose();
          void navigate({ to: '/quotes/$id', params: { id: quote.id } });
        },
      });
    }
  }

  return (
    <Modal opened onClose={onClose} title={t(`commerce.form.title.${kind}`)} size="70rem">
      <form onSubmit={submit} data-testid={`${kind}-form`}>
        <Stack gap="sm">
          {mutation.error !== null && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('commerce.form.failed')} role="alert" data-testid="form-error">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {initialCustomer ? (
                <TextInput label={t('commerce.form.customer')} value={initialCustomer.label} readOnly data-testid="order-customer-fixed" />
              ) : (
                <CustomerPicker value={customer} onChange={setCustomer} error={issues.document.customerId} />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <Select
                label={t('commerce.form.channel')}
                data={SALES_CHANNELS.map((c) => ({ value: c, label: t(`commerce.channel.${c}`) }))}
                value={draft.channel}
                onChange={(value) => value && set('channel', value as SalesChannel)}
                allowDeselect={false}
                error={issues.document.channel}
                data-testid="order-channel"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              {kind === 'order' ? (
                <TextInput
                  label={t('commerce.form.promoCode')}
                  value={draft.promoCode}
                  onChange={(e) => set('promoCode', e.currentTarget.value)}
                  error={issues.document.promoCode}
                  data-testid="order-promo"
                />
              ) : (
                <TextInput
                  type="date"
                  label={t('commerce.form.validUntil')}
                  description={t('commerce.form.validUntilHint')}
                  value={draft.validUntil}
                  onChange={(e) => set('validUntil', e.currentTarget.value)}
                  error={issues.document.validUntil}
                  data-testid="quote-valid-until"
                />
              )}
            </Grid.Col>
          </Grid>
          <Divider label={t('commerce.form.lines')} labelPosition="left" />
          {issues.document.lines && (
            <Text c="red" size="sm" role="alert">
              {issues.document.lines}
            </Text>
          )}
          <LinesEditor
            lines={draft.lines}
            products={products}
            currency={currency}
            issues={issues.lines}
            onChange={(lines) => set('lines', lines)}
            onProduct={(product) => setProducts((map) => new Map(map).set(product.id, product))}
          />
          {totals && <TotalsBlock totals={totals} currency={currency} />}
          <Textarea label={t('commerce.form.notes')} autosize minRows={2} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={issues.document.notes} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid={`${kind}-submit`}>
              {t(`commerce.form.submit.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
