/**
 * The fields of an interaction, shared by logging a new one and editing one: channel, direction, when and how
 * long, subject, notes, outcome, and who took part (contacts searched by name, email or number; colleagues
 * among the active users). The API's refusals show under the field concerned.
 */
import { Grid, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwners } from '../parties/partyHooks.ts';
import { usePartySearch } from '../record/recordHooks.ts';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS } from '../../../src/shared/interactions/interaction-reference.ts';
import type { ContactChoice, FormField, InteractionFormValues, UserChoice } from './interactionModel.ts';
import type { InteractionChannel, InteractionDirection } from './interactionTypes.ts';

export interface InteractionFormProps {
  values: InteractionFormValues;
  onChange: (changes: Partial<InteractionFormValues>) => void;
  issues: Partial<Record<FormField, string>>;
}

const keepAll = ({ options }: { options: unknown[] }) => options as never;

export function InteractionForm({ values, onChange, issues }: InteractionFormProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('interactions.fields.channel')}
            data={INTERACTION_CHANNELS.map((channel) => ({ value: channel, label: t(`interactions.channels.${channel}`) }))}
            value={values.channel}
            onChange={(channel) => channel && onChange({ channel: channel as InteractionChannel })}
            allowDeselect={false}
            error={issues.channel}
            data-testid="interaction-channel"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500} component="span" id="interaction-direction-label">
              {t('interactions.fields.direction')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby="interaction-direction-label"
              data={INTERACTION_DIRECTIONS.map((direction) => ({ value: direction, label: t(`interactions.directions.${direction}`) }))}
              value={values.direction}
              onChange={(direction) => onChange({ direction: direction as InteractionDirection })}
              data-testid="interaction-direction"
            />
            {issues.direction && (
              <Text size="xs" c="red">
                {issues.direction}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <TextInput
            type="datetime-local"
            label={t('interactions.fields.occurredAt')}
            value={values.occurredAt}
            onChange={(event) => onChange({ occurredAt: event.currentTarget.value })}
            required
            error={issues.occurredAt}
            data-testid="interaction-occurredAt"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <NumberInput
            label={t('interactions.fields.durationMinutes')}
            value={values.durationMinutes}
            onChange={(value) => onChange({ durationMinutes: typeof value === 'number' ? value : '' })}
            min={0}
            max={100_000}
            allowDecimal={false}
            allowNegative={false}
            error={issues.durationMinutes}
            data-testid="interaction-duration"
          />
        </Grid.Col>
      </Grid>
      <TextInput
        label={t('interactions.fields.subject')}
        value={values.subject}
        onChange={(event) => onChange({ subject: event.currentTarget.value })}
        required
        maxLength={300}
        error={issues.subject}
        data-autofocus
        data-testid="interaction-subject"
      />
      <Textarea
        label={t('interactions.fields.body')}
        value={values.body}
        onChange={(event) => onChange({ body: event.currentTarget.value })}
        autosize
        minRows={3}
        maxRows={12}
        error={issues.body}
        data-testid="interaction-body"
      />
      <TextInput
        label={t('interactions.fields.outcome')}
        value={values.outcome}
        onChange={(event) => onChange({ outcome: event.currentTarget.value })}
        maxLength={2000}
        error={issues.outcome}
        data-testid="interaction-outcome"
      />
      <ContactsPicker value={values.contacts} onChange={(contacts) => onChange({ contacts })} error={issues.contacts} />
      <UsersPicker value={values.users} onChange={(users) => onChange({ users })} error={issues.users} />
    </Stack>
  );
}

function ContactsPicker({ value, onChange, error }: { value: ContactChoice[]; onChange: (contacts: ContactChoice[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = usePartySearch(debounced);
  // The chosen contacts stay options while the search moves on.
  const options = useMemo(() => {
    const hits = (found.data ?? []).map((hit) => ({ id: hit.id, label: hit.subtitle ? `${hit.title} — ${hit.subtitle}` : hit.title }));
    return [...value, ...hits.filter((hit) => !value.some((v) => v.id === hit.id))];
  }, [found.data, value]);
  // Marked with an asterisk, not `required`: the browser's own check would look at the empty search box.
  return (
    <MultiSelect
      label={t('interactions.fields.contacts')}
      description={t('interactions.form.contactsHint')}
      placeholder={value.length === 0 ? t('interactions.form.searchContacts') : undefined}
      searchable
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      value={value.map((v) => v.id)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => onChange(ids.flatMap((id) => options.filter((o) => o.id === id).slice(0, 1)))}
      filter={keepAll}
      nothingFoundMessage={debounced.trim().length >= 2 && !found.isFetching ? t('interactions.form.nothingFound') : t('interactions.form.typeToSearch')}
      withAsterisk
      error={error}
      data-testid="interaction-contacts"
    />
  );
}

function UsersPicker({ value, onChange, error }: { value: UserChoice[]; onChange: (users: UserChoice[]) => void; error?: string }) {
  const { t } = useTranslation();
  const users = useOwners();
  // Colleagues already chosen stay choices even if they are no longer active users.
  const list: UserChoice[] = [...value, ...(users.data ?? []).filter((u) => !value.some((v) => v.id === u.id)).map((u) => ({ id: u.id, name: u.name }))];
  return (
    <MultiSelect
      label={t('interactions.fields.users')}
      placeholder={value.length === 0 ? t('interactions.form.chooseUsers') : undefined}
      searchable
      data={list.map((u) => ({ value: u.id, label: u.name }))}
      value={value.map((u) => u.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => list.filter((u) => u.id === id).slice(0, 1)))}
      error={error}
      data-testid="interaction-users"
    />
  );
}
