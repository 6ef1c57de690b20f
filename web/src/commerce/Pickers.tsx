/**
 * Choosing a customer (people and organisations, through the search endpoint, so a customer number, an email
 * or part of a name all work) and a product of the catalogue (active ones, by SKU or name).
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api.ts';
import { formatMoney } from '../app/format.ts';
import { useProducts } from './commerceHooks.ts';
import type { Product } from './commerceTypes.ts';

interface SearchHit {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
}

const keepAll = ({ options }: { options: unknown[] }) => options as never;

export interface CustomerChoice {
  id: string;
  label: string;
}

export function CustomerPicker({ value, onChange, error }: { value: CustomerChoice | null; onChange: (choice: CustomerChoice | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const hits = useQuery({
    queryKey: ['search', 'customers', query],
    queryFn: ({ signal }) => api<{ results: SearchHit[] }>('/api/search', { signal, query: { q: query, limit: 15 } }),
    enabled: query.length > 0 && query !== value?.label,
    placeholderData: keepPreviousData,
  });
  const data = useMemo(() => {
    const options = (hits.data?.results ?? [])
      .filter((hit) => hit.kind === 'person' || hit.kind === 'organisation')
      .map((hit) => ({ value: hit.id, label: hit.subtitle ? `${hit.title} · ${hit.subtitle}` : hit.title }));
    if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.label });
    return options;
  }, [hits.data, value]);

  return (
    <Select
      label={t('commerce.form.customer')}
      placeholder={t('commerce.form.customerPlaceholder')}
      searchable
      required
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id && option ? { id, label: option.label } : null)}
      filter={keepAll}
      nothingFoundMessage={query ? t('commerce.form.noCustomer') : undefined}
      error={error}
      data-testid="order-customer"
    />
  );
}

export function ProductPicker({
  value,
  onChange,
  error,
  label,
}: {
  value: Product | null;
  onChange: (product: Product | undefined) => void;
  error?: string;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const searching = query !== '' && query !== optionLabel(value);
  const products = useProducts({ active: true, limit: 50, q: searching ? query : undefined });
  const byId = useMemo(() => {
    const map = new Map((products.data?.data ?? []).map((p) => [p.id, p]));
    if (value) map.set(value.id, value);
    return map;
  }, [products.data, value]);
  const data = [...byId.values()].map((p) => ({ value: p.id, label: optionLabel(p)! }));

  return (
    <Select
      aria-label={label}
      placeholder={t('commerce.form.productPlaceholder')}
      searchable
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ? byId.get(id) : undefined)}
      filter={keepAll}
      renderOption={({ option }) => {
        const product = byId.get(option.value);
        return product ? `${option.label} — ${formatMoney(product.unitPrice, product.currency, i18n.language)}` : option.label;
      }}
      nothingFoundMessage={t('commerce.form.noProduct')}
      error={error}
      data-testid="line-product"
    />
  );
}

function optionLabel(product: Product | null): string | null {
  return product ? `${product.sku} · ${product.name}` : null;
}
