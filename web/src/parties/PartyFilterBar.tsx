/**
 * The quick filters above a list: search, role, owner, city, tag, the kind's own classifications, contact
 * consent and custom fields. Each change goes straight to the URL; typed text follows a moment after the user
 * stops typing.
 */
import { Button, Group, Pill, Select, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconMapPin, IconSearch, IconTag } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/authHooks.ts';
import { CustomFilterPopover, useConditionLabel } from './CustomFilterPopover.tsx';
import { referenceOptions } from './partyFormat.ts';
import { useOwners } from './partyHooks.ts';
import { activeFilterCount, clearFilters, OWNER_ME, withoutCustomCondition, type PartyFilters, type PartyListSearch } from './partyListModel.ts';
import { PARTY_ROLES, type CustomField, type PartyKind, type PartyRole } from './partyTypes.ts';

export interface PartyFilterBarProps {
  kind: PartyKind;
  search: PartyListSearch;
  customFields: CustomField[];
  onChange: (search: PartyListSearch) => void;
}

export function PartyFilterBar({ kind, search, customFields, onChange }: PartyFilterBarProps) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const owners = useOwners();
  const conditionLabel = useConditionLabel(customFields);
  const set = <K extends keyof PartyFilters>(key: K, value: PartyFilters[K] | undefined) => onChange({ ...search, [key]: value });
  const active = activeFilterCount(kind, search);

  const ownerOptions = [
    { value: OWNER_ME, label: t('parties.filters.me') },
    ...(owners.data ?? []).filter((u) => u.id !== me.user.id).map((u) => ({ value: u.id, label: u.name })),
  ];
  // A filter on someone no longer listed (disabled since) still shows who it is about.
  if (search.ownerId && !ownerOptions.some((o) => o.value === search.ownerId)) ownerOptions.push({ value: search.ownerId, label: search.ownerId });

  /** A quick filter on one of the kind's classifications, whose dropdown is `width` wide to show long labels. */
  const referenceFilter = (list: 'pcsGroup' | 'nafSection' | 'headcountBand', width: number, { searchable = false } = {}) => (
    <Select
      aria-label={t(`parties.filters.${list}`)}
      placeholder={t(`parties.filters.${list}`)}
      styles={inUse(search[list] !== undefined)}
      data={referenceOptions(list, i18n.language)}
      value={search[list] ?? null}
      onChange={(value) => set(list, value ?? undefined)}
      searchable={searchable}
      clearable
      style={QUICK}
      comboboxProps={{ width, position: 'bottom-start' }}
      data-testid={`filter-${list}`}
    />
  );

  /** A quick filter typed as text (committed after a pause), marked with `icon`. */
  const textFilter = (key: 'city' | 'tag', icon: ReactNode) => (
    <DebouncedInput
      aria-label={t(`parties.filters.${key}`)}
      placeholder={t(`parties.filters.${key}`)}
      styles={inUse(search[key] !== undefined)}
      leftSection={icon}
      value={search[key]}
      onCommit={(value) => set(key, value)}
      style={QUICK_TEXT}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <Group gap="xs" align="center" role="search" aria-label={t('parties.filters.label')} data-testid="party-filters">
      <DebouncedInput
        aria-label={t('parties.filters.search')}
        placeholder={t('parties.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search.q}
        onCommit={(q) => set('q', q)}
        style={{ flex: '2 1 200px', minWidth: 200 }}
        data-testid="filter-q"
      />
      <Select
        aria-label={t('parties.filters.role')}
        placeholder={t('parties.filters.role')}
        styles={inUse(search.role !== undefined)}
        data={PARTY_ROLES.map((role) => ({ value: role, label: t(`parties.roles.${role}`) }))}
        value={search.role ?? null}
        onChange={(value) => set('role', (value as PartyRole | null) ?? undefined)}
        clearable
        style={QUICK}
        data-testid="filter-role"
      />
      <Select
        aria-label={t('parties.filters.owner')}
        placeholder={t('parties.filters.owner')}
        styles={inUse(search.ownerId !== undefined)}
        data={ownerOptions}
        value={search.ownerId ?? null}
        onChange={(value) => set('ownerId', value ?? undefined)}
        searchable
        clearable
        style={QUICK}
        data-testid="filter-owner"
      />
      {textFilter('city', <IconMapPin size={16} aria-hidden />)}
      {textFilter('tag', <IconTag size={16} aria-hidden />)}
      {kind === 'person' ? (
        referenceFilter('pcsGroup', 360)
      ) : (
        <>
          {referenceFilter('nafSection', 420, { searchable: true })}
          {referenceFilter('headcountBand', 240)}
        </>
      )}
      <Select
        aria-label={t('parties.filters.contact')}
        placeholder={t('parties.filters.contact')}
        styles={inUse(search.doNotContact !== undefined)}
        data={[
          { value: 'false', label: t('parties.filters.contactable') },
          { value: 'true', label: t('parties.filters.doNotContact') },
        ]}
        value={search.doNotContact === undefined ? null : String(search.doNotContact)}
        onChange={(value) => set('doNotContact', value === null ? undefined : value === 'true')}
        clearable
        style={QUICK}
        data-testid="filter-doNotContact"
      />
      <CustomFilterPopover fields={customFields} search={search} onChange={onChange} />
      {active > 0 || search.q ? (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onChange(clearFilters(search))} data-testid="filter-clear">
          {t('parties.filters.clear')}
        </Button>
      ) : null}
      {(search.custom ?? []).length > 0 && (
        <Group gap={6} w="100%" data-testid="custom-conditions">
          {(search.custom ?? []).map((condition) => (
            <Pill
              key={condition}
              withRemoveButton
              onRemove={() => onChange(withoutCustomCondition(search, condition))}
              removeButtonProps={{ 'aria-label': t('parties.filters.custom.remove', { label: conditionLabel(condition) }) }}
              size="md"
            >
              {conditionLabel(condition)}
            </Pill>
          ))}
        </Group>
      )}
    </Group>
  );
}

/** Quick filters share the row's width, and wrap on narrow screens. */
const QUICK_TEXT = { flex: '1 1 110px', minWidth: 110 };
const QUICK = { flex: '1 1 130px', minWidth: 130 };

/** A filter in use stands out, since its value replaced its name. */
function inUse(active: boolean) {
  return active ? { input: { borderColor: 'var(--mantine-primary-color-filled)', background: 'var(--mantine-primary-color-light)' } } : undefined;
}

interface DebouncedInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  'data-testid'?: string;
}

/** A text input that reports its trimmed value 300 ms after the last keystroke, and follows outside changes. */
function DebouncedInput({ value, onCommit, ...props }: DebouncedInputProps) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    // The filter changed elsewhere (a view applied, filters cleared): show it.
    setOutside(value);
    if ((text.trim() || undefined) !== value) setText(value ?? '');
  }
  useEffect(() => {
    if (debounced !== text) return; // still typing, or an outside change not yet settled
    const next = debounced.trim() || undefined;
    if (next !== value) onCommit(next);
  }, [debounced, text, value, onCommit]);
  return <TextInput {...props} value={text} onChange={(event) => setText(event.currentTarget.value)} />;
}
