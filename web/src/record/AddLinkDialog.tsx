/**
 * Linking the record to another one: what the link is, the other record (searched by name, email or number),
 * and for employment the function and decision role; the dates are optional.
 */
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import type { Party } from '../parties/partyTypes.ts';
import { issueMessage } from './fieldIssues.ts';
import { useAddLink, usePartySearch, type PartyHit } from './recordHooks.ts';
import { DECISION_ROLES, linkChoices, type LinkGroup } from './relationModel.ts';

export function AddLinkDialog({ party, opened, onClose }: { party: Party; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('record.links.addTitle')} size="lg" data-testid="add-link-dialog">
      {opened && <AddLinkForm party={party} onDone={onClose} />}
    </Modal>
  );
}

function AddLinkForm({ party, onDone }: { party: Party; onDone: () => void }) {
  const { t } = useTranslation();
  const choices = linkChoices(party.kind);
  const [choiceValue, setChoiceValue] = useState<LinkGroup>(choices[0]!.value);
  const choice = choices.find((c) => c.value === choiceValue) ?? choices[0]!;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [other, setOther] = useState<PartyHit | null>(null);
  const [fn, setFn] = useState('');
  const [decisionRole, setDecisionRole] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState('');
  const [endedOn, setEndedOn] = useState('');
  const found = usePartySearch(debounced);
  const add = useAddLink(party.id);

  const hits = (found.data ?? []).filter((hit) => hit.id !== party.id && (choice.otherKinds as readonly string[]).includes(hit.kind));
  // The chosen record stays an option while the search moves on.
  const options = [...(other && !hits.some((h) => h.id === other.id) ? [other] : []), ...hits].map((hit) => ({
    value: hit.id,
    label: hit.subtitle ? `${hit.title} — ${hit.subtitle}` : hit.title,
  }));
  const employment = choice.kind === 'employee_of';

  function submit() {
    if (!other) return;
    add.mutate(
      { choice, otherPartyId: other.id, function: fn, decisionRole, startedOn: startedOn || null, endedOn: endedOn || null },
      {
        onSuccess: () => {
          notifySuccess(t('record.links.added'));
          onDone();
        },
      },
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Select
          label={t('record.links.kind')}
          data={choices.map((c) => ({ value: c.value, label: t(`record.links.choices.${c.value}`) }))}
          value={choiceValue}
          onChange={(value) => {
            if (!value) return;
            setChoiceValue(value as LinkGroup);
            setOther(null);
          }}
          allowDeselect={false}
          error={issueMessage(t, add.error, 'kind')}
          data-testid="link-kind"
        />
        <Select
          label={t('record.links.other')}
          placeholder={t('record.links.searchPlaceholder')}
          searchable
          data={options}
          value={other?.id ?? null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(id) => setOther([...(other ? [other] : []), ...hits].find((h) => h.id === id) ?? null)}
          filter={({ options: all }) => all}
          nothingFoundMessage={debounced.trim().length >= 2 && !found.isFetching ? t('record.links.nothingFound') : t('record.links.typeToSearch')}
          error={issueMessage(t, add.error, 'otherPartyId')}
          required
          data-testid="link-other"
        />
        {employment && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('record.links.function')} value={fn} onChange={(event) => setFn(event.currentTarget.value)} maxLength={120} error={issueMessage(t, add.error, 'function')} />
            <Select
              label={t('record.links.decisionRole')}
              data={DECISION_ROLES.map((role) => ({ value: role, label: t(`record.decisionRoles.${role}`) }))}
              value={decisionRole}
              onChange={setDecisionRole}
              clearable
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('record.links.startedOn')} value={startedOn} onChange={(event) => setStartedOn(event.currentTarget.value)} />
          <TextInput
            type="date"
            label={t('record.links.endedOn')}
            value={endedOn}
            onChange={(event) => setEndedOn(event.currentTarget.value)}
            error={issueMessage(t, add.error, 'endedOn')}
          />
        </SimpleGrid>
        {add.isError && !issueMessage(t, add.error, 'kind') && !issueMessage(t, add.error, 'otherPartyId') && (
          <Alert color="red" role="alert">
            {errorMessage(add.error)}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!other} loading={add.isPending} data-testid="link-submit">
            {t('record.links.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
