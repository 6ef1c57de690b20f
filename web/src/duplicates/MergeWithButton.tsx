/**
 * "Merge with…" on a record: the user looks for the other record (of the same kind, found like the record page's
 * links, by name, email or number), then the merge dialog opens with this record proposed as the one to keep.
 * When this record is the one absorbed, the survivor's page opens, since this one now only points there.
 */
import { Button, Modal, Select } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconArrowMerge } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { PARTY_PATHS, type Party } from '../parties/partyTypes.ts';
import { useParty, usePartySearch, type PartyHit } from '../record/recordHooks.ts';
import type { MergeOut, PartyBrief } from './duplicateTypes.ts';
import { MergeDialog } from './MergeDialog.tsx';

/** For a record its user may merge: the caller checks `duplicates:merge` and that the record is live. */
export function MergeWithButton({ party }: { party: Party }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [picking, { open, close }] = useDisclosure(false);
  const [otherId, setOtherId] = useState<string | null>(null);

  function merged(merge: MergeOut) {
    if (merge.absorbed.id === party.id) void navigate({ to: PARTY_PATHS[merge.survivor.kind].record, params: { id: merge.survivor.id } });
  }

  return (
    <>
      <Button variant="default" leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={open} data-testid="merge-with">
        {t('duplicates.mergeWith.button')}
      </Button>
      <Modal opened={picking} onClose={close} title={t('duplicates.mergeWith.title', { name: party.displayName })} data-testid="merge-with-dialog">
        {picking && (
          <OtherRecordSelect
            party={party}
            onChoose={(hit) => {
              close();
              setOtherId(hit.id);
            }}
          />
        )}
      </Modal>
      {otherId && <MergeWithChosen party={party} otherId={otherId} onClose={() => setOtherId(null)} onMerged={merged} />}
    </>
  );
}

/** The search for the other record: same kind, this record left out. Choosing one is the whole step. */
function OtherRecordSelect({ party, onChoose }: { party: Party; onChoose: (hit: PartyHit) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = usePartySearch(debounced);
  const hits = (found.data ?? []).filter((hit) => hit.kind === party.kind && hit.id !== party.id);

  return (
    <Select
      label={t('duplicates.mergeWith.other')}
      description={t(`duplicates.mergeWith.hint.${party.kind}`)}
      placeholder={t('duplicates.mergeWith.placeholder')}
      searchable
      data-autofocus
      data={hits.map((hit) => ({ value: hit.id, label: hit.subtitle ? `${hit.title} — ${hit.subtitle}` : hit.title }))}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const hit = hits.find((h) => h.id === id);
        if (hit) onChoose(hit);
      }}
      // The server already matched the words (typos, emails, numbers): the list shows all it found.
      filter={({ options }) => options}
      nothingFoundMessage={
        debounced.trim().length >= 2 && !found.isFetching ? t(`duplicates.mergeWith.nothingFound.${party.kind}`) : t('duplicates.mergeWith.typeToSearch')
      }
      data-testid="merge-with-other"
    />
  );
}

interface MergeWithChosenProps {
  party: Party;
  otherId: string;
  onClose: () => void;
  onMerged: (merge: MergeOut) => void;
}

/** The merge dialog once the other record is read (the search hit does not name all the dialog shows). */
function MergeWithChosen({ party, otherId, onClose, onMerged }: MergeWithChosenProps) {
  const { t } = useTranslation();
  const other = useParty(party.kind, otherId);
  if (other.isSuccess) return <MergeDialog a={partyBrief(party)} b={partyBrief(other.data)} defaultSurvivor="a" onClose={onClose} onMerged={onMerged} />;
  return (
    <Modal opened onClose={onClose} title={t('duplicates.merge.title')} size="xl">
      {other.isError ? <LoadError error={other.error} onRetry={() => void other.refetch()} /> : <Loading />}
    </Modal>
  );
}

function partyBrief(party: Party): PartyBrief {
  return { id: party.id, kind: party.kind, displayName: party.displayName, customerNumber: party.customerNumber };
}
