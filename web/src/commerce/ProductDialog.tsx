/**
 * Creating or changing a product or service: SKU, name, kind, category, price, cost and VAT rate, with the margin
 * shown as the prices are typed. Server refusals (a SKU already taken, a price with three decimals) show under
 * the field they name; a product changed meanwhile by someone else is reported rather than overwritten.
 */
import { Alert, Button, Grid, Group, Modal, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { formatMoney } from '../app/format.ts';
import { notifySuccess } from '../app/notify.ts';
import { useCategories, useSaveProduct } from './commerceHooks.ts';
import { draftMargin, productBody, productDraft, type ProductDraft } from './commerceModel.ts';
import type { Product } from './commerceTypes.ts';

export function ProductDialog({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveProduct();
  const categories = useCategories();
  const [draft, setDraft] = useState<ProductDraft>(() => productDraft(product ?? undefined));
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const margin = draftMargin(draft);
  const error = (field: string) => fieldError(save.error, `body.${field}`);
  const text = (key: 'sku' | 'name' | 'unitPrice' | 'unitCost' | 'vatRate' | 'currency', extra: { required?: boolean; decimal?: boolean } = {}) => (
    <TextInput
      label={t(`commerce.product.${key}`)}
      value={draft[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      required={extra.required}
      inputMode={extra.decimal ? 'decimal' : undefined}
      error={error(key)}
      data-testid={`product-${key}`}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = productBody(draft);
    save.mutate(
      { id: product?.id ?? null, body: product ? { ...body, version: product.version } : body },
      {
        onSuccess: (saved) => {
          notifySuccess(t('commerce.product.saved', { name: saved.name }));
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t(product ? 'commerce.product.editTitle' : 'commerce.product.newTitle')} size="lg">
      <form onSubmit={submit} data-testid="product-form">
        <Stack gap="sm">
          {save.error !== null && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('commerce.product.failed')} role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <SegmentedControl
            value={draft.kind}
            onChange={(value) => set('kind', value as ProductDraft['kind'])}
            data={[
              { value: 'product', label: t('commerce.productKind.product') },
              { value: 'service', label: t('commerce.productKind.service') },
            ]}
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>{text('sku', { required: true })}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>{text('name', { required: true })}</Grid.Col>
            <Grid.Col span={12}>
              <Select
                label={t('commerce.product.category')}
                data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={draft.categoryId}
                onChange={(value) => set('categoryId', value)}
                clearable
                error={error('categoryId')}
                data-testid="product-category"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>{text('unitPrice', { required: true, decimal: true })}</Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>{text('unitCost', { decimal: true })}</Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>{text('vatRate', { decimal: true })}</Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>{text('currency')}</Grid.Col>
          </Grid>
          <Text size="sm" data-testid="product-margin">
            {margin
              ? t('commerce.product.marginLive', {
                  margin: formatMoney(margin.margin, /^[A-Z]{3}$/.test(draft.currency) ? draft.currency : 'EUR', i18n.language),
                  rate: margin.rate ?? '—',
                })
              : t('commerce.product.marginUnknown')}
          </Text>
          <Textarea label={t('commerce.product.description')} autosize minRows={2} value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} />
          <Switch label={t('commerce.product.active')} checked={draft.active} onChange={(e) => set('active', e.currentTarget.checked)} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="product-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
