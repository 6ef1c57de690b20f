/**
 * The choices of the case forms: a customer (searched by name, email or number), one of that customer's orders,
 * a product of the catalogue, and an assignee among the active users.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format.ts';
import { useOwners } from '../parties/partyHooks.ts';
import { usePartySearch, type PartyHit } from '../record/recordHooks.ts';
import { usePartyOrders, useProductChoices, type ProductChoice } from './caseHooks.ts';

const keepAll = ({ options }: { options: unknown[] }) => options as never;

export function CustomerSelect({ value, onChange, error }: { value: PartyHit | null; onChange: (hit: PartyHit | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = usePartySearch(debounced);
  const hits = useMemo(() => {
    const list = found.data ?? [];
    return value && !list.some((h) => h.id === value.id) ? [value, ...list] : list;
  }, [found.data, value]);
  return (
    <Select
      label={t('cases.fields.customer')}
      placeholder={t('cases.form.customerPlaceholder')}
      searchable
      required
      data={hits.map((hit) => ({ value: hit.id, label: hit.subtitle ? `${hit.title} — ${hit.subtitle}` : hit.title }))}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(hits.find((h) => h.id === id) ?? null)}
      filter={keepAll}
      nothingFoundMessage={debounced.trim().length >= 2 ? t('cases.form.nothingFound') : t('cases.form.typeToSearch')}
      error={error}
      data-testid="case-customer"
    />
  );
}

export function OrderSelect({ partyId, value, onChange, error }: { partyId: string | null; value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  const orders = usePartyOrders(partyId);
  return (
    <Select
      label={t('cases.fields.order')}
      placeholder={partyId ? t('cases.form.noOrder') : t('cases.form.customerFirst')}
      data={(orders.data ?? []).map((o) => ({ value: o.id, label: `${o.number} · ${formatDate(o.orderedAt, i18n.language)}` }))}
      value={value}
      onChange={onChange}
      disabled={!partyId}
      clearable
      searchable
      error={error}
      data-testid="case-order"
    />
  );
}

export function ProductSelect({ value, onChange, error }: { value: ProductChoice | null; onChange: (product: ProductChoice | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const label = (p: ProductChoice) => `${p.sku} · ${p.name}`;
  const products = useProductChoices(value && debounced === label(value) ? '' : debounced);
  const choices = useMemo(() => {
    const list = products.data ?? [];
    return value && !list.some((p) => p.id === value.id) ? [value, ...list] : list;
  }, [products.data, value]);
  return (
    <Select
      label={t('cases.fields.product')}
      placeholder={t('cases.form.productPlaceholder')}
      searchable
      clearable
      data={choices.map((p) => ({ value: p.id, label: label(p) }))}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(choices.find((p) => p.id === id) ?? null)}
      filter={keepAll}
      nothingFoundMessage={t('cases.form.nothingFound')}
      error={error}
      data-testid="case-product"
    />
  );
}

export function AssigneeSelect({ value, onChange, error, label }: { value: string | null; onChange: (id: string | null) => void; error?: string; label?: string }) {
  const { t } = useTranslation();
  const users = useOwners();
  return (
    <Select
      label={label ?? t('cases.fields.assignee')}
      placeholder={t('cases.unassigned')}
      data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      error={error}
      data-testid="case-assignee"
    />
  );
}
