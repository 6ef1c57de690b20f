/**
 * Merging two records: which one is kept, which values it keeps (by strategy or field by field), what it ends up
 * with (every email, phone and address of both, the most restrictive consents) and what moves to it. Once merged,
 * a notification offers to undo. Used by the review queue, and meant for the record page too.
 */
import { Alert, Badge, Button, Group, Modal, Radio, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/formErrors.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { translateDynamic } from '../i18n/dynamic.ts';
import { i18n } from '../i18n/i18n.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { fieldLabel as recordFieldLabel, formatFieldValue, type FormatContext } from '../record/recordFormat.ts';
import { useCustomFields, useOwners, useTeams } from '../record/recordHooks.ts';
import { fieldLabel } from './DuplicateParts.tsx';
import { undoMerge, useMerge, useMergePreview } from './duplicateHooks.ts';
import { initialPicks, moveLabelKey, movesEntries } from './duplicateModel.ts';
import { MERGE_STRATEGIES, type MergeOut, type MergePreview, type MergeStrategy, type PartyBrief } from './duplicateTypes.ts';

export interface MergeDialogProps {
  a: PartyBrief;
  b: PartyBrief;
  /** The record proposed to be kept; the first by default. */
  defaultSurvivor?: 'a' | 'b';
  /** Whether the proposed record was chosen as the more complete one (it then says so). */
  survivorIsMoreComplete?: boolean;
  /** The review queue's pair this merge settles, if any. */
  candidateId?: string;
  onClose: () => void;
  onMerged?: (merge: MergeOut) => void;
}

type Side = 'survivor' | 'absorbed';

export function MergeDialog({ a, b, defaultSurvivor = 'a', survivorIsMoreComplete = false, candidateId, onClose, onMerged }: MergeDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [survivorSide, setSurvivorSide] = useState<'a' | 'b'>(defaultSurvivor);
  const [strategy, setStrategy] = useState<MergeStrategy>('most_complete');
  // Manual picks, by field; a field not picked keeps what the preview chose.
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const survivor = survivorSide === 'a' ? a : b;
  const absorbed = survivorSide === 'a' ? b : a;
  const preview = useMergePreview(survivor.id, absorbed.id, strategy === 'most_recent' ? 'most_recent' : 'most_complete');
  const merge = useMerge();

  function chooseSurvivor(side: 'a' | 'b') {
    setSurvivorSide(side);
    // "survivor" and "absorbed" swap meaning: earlier picks would now say the opposite.
    setPicks({});
  }

  function confirm() {
    if (!preview.data) return;
    const manual = strategy === 'manual' ? { picks: { ...initialPicks(preview.data.fields), ...picks } } : {};
    merge.mutate(
      { survivorId: survivor.id, absorbedId: absorbed.id, strategy, ...manual, ...(candidateId && { candidateId }) },
      {
        onSuccess: (done) => {
          notifyMerged(queryClient, done);
          onClose();
          onMerged?.(done);
        },
      },
    );
  }

  const sideLabel = (side: 'a' | 'b', party: PartyBrief) => (
    <Group gap={6}>
      <span>
        {party.displayName} ({party.customerNumber})
      </span>
      {survivorIsMoreComplete && side === defaultSurvivor && (
        <Badge size="xs" variant="light">
          {t('duplicates.merge.moreComplete')}
        </Badge>
      )}
    </Group>
  );

  return (
    <Modal opened onClose={onClose} title={t('duplicates.merge.title')} size="xl" data-testid="merge-dialog">
      <Stack gap="md">
        {merge.isError && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(merge.error)}
          </Alert>
        )}
        <Radio.Group
          label={t('duplicates.merge.survivor')}
          description={t('duplicates.merge.survivorHint')}
          value={survivorSide}
          onChange={(value) => chooseSurvivor(value === 'b' ? 'b' : 'a')}
        >
          <Group mt="xs" gap="xl">
            <Radio value="a" label={sideLabel('a', a)} data-testid="merge-survivor-a" />
            <Radio value="b" label={sideLabel('b', b)} data-testid="merge-survivor-b" />
          </Group>
        </Radio.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="merge-strategy-label">
            {t('duplicates.merge.strategy')}
          </Text>
          <SegmentedControl
            aria-labelledby="merge-strategy-label"
            value={strategy}
            onChange={(value) => setStrategy(MERGE_STRATEGIES.find((s) => s === value) ?? 'most_complete')}
            data={MERGE_STRATEGIES.map((s) => ({ value: s, label: t(`duplicates.merge.strategies.${s}`) }))}
            data-testid="merge-strategy"
          />
        </Stack>
        {preview.isPending ? (
          <Loading />
        ) : preview.isError ? (
          <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        ) : (
          <PreviewView preview={preview.data} manual={strategy === 'manual'} picks={picks} onPick={(field, pick) => setPicks((p) => ({ ...p, [field]: pick }))} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={merge.isPending} disabled={!preview.data || preview.isPlaceholderData} data-testid="merge-confirm">
            {t('duplicates.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface PreviewViewProps {
  preview: MergePreview;
  manual: boolean;
  picks: Record<string, Side>;
  onPick: (field: string, pick: Side) => void;
}

function PreviewView({ preview, manual, picks, onPick }: PreviewViewProps) {
  const { t } = useTranslation();
  const format = useFormatContext(preview.survivor.kind);
  const show = (field: string, value: unknown) => formatFieldValue(field, value, format);
  // Fields blank on both sides have nothing to decide.
  const fields = preview.fields.filter((f) => show(f.field, f.survivorValue) !== '' || show(f.field, f.absorbedValue) !== '');
  const moves = movesEntries(preview.moves);

  return (
    <Stack gap="md">
      <Table withColumnBorders layout="fixed" data-testid="merge-fields">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="24%">{t('duplicates.merge.field')}</Table.Th>
            <Table.Th>{preview.survivor.displayName}</Table.Th>
            <Table.Th>{preview.absorbed.displayName}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f) => {
            const chosen = manual ? (picks[f.field] ?? f.chosen) : f.chosen;
            const label = f.field.startsWith('custom.') ? recordFieldLabel(f.field, format) : fieldLabel(t, f.field);
            const cell = (side: Side, value: unknown) => {
              const text = show(f.field, value) || null;
              return (
                <Table.Td>
                  <Radio
                    name={`merge-pick-${f.field}`}
                    checked={chosen === side}
                    onChange={() => onPick(f.field, side)}
                    disabled={!manual}
                    label={text ?? '—'}
                    aria-label={t('duplicates.merge.keep', { value: text ?? '—', field: label })}
                    data-testid={`merge-pick-${side}`}
                  />
                </Table.Td>
              );
            };
            return (
              <Table.Tr
                key={f.field}
                data-field={f.field}
                data-differs={f.differs}
                style={f.differs ? { backgroundColor: 'var(--mantine-color-yellow-light)' } : undefined}
              >
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                {cell('survivor', f.survivorValue)}
                {cell('absorbed', f.absorbedValue)}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ValueList title={t('duplicates.merge.emails')} values={preview.emails} testId="merge-emails" />
        <ValueList title={t('duplicates.merge.phones')} values={preview.phones} testId="merge-phones" />
        <ValueList title={t('duplicates.merge.addresses')} values={preview.addresses} testId="merge-addresses" />
      </SimpleGrid>
      <ValueList
        title={t('duplicates.merge.consents')}
        values={preview.consents.map((c) =>
          t('duplicates.merge.consent', {
            channel: translateDynamic(t, `record.channels.${c.channel}`, c.channel),
            purpose: translateDynamic(t, `record.consent.purposes.${c.purpose}`, c.purpose),
            status: translateDynamic(t, `record.consent.statuses.${c.status}`, c.status),
          }),
        )}
        testId="merge-consents"
      />
      <div>
        <Text size="sm" fw={500}>
          {t('duplicates.merge.moves')}
        </Text>
        <Text size="sm" data-testid="merge-moves">
          {moves.length === 0
            ? t('duplicates.merge.nothingMoves')
            : moves.map(([table, count]) => countedMove(t, table, count)).join(', ')}
        </Text>
      </div>
    </Stack>
  );
}

/** `orders`, 3 → "3 orders"; a table the catalogue does not name yet reads "3 × name". */
function countedMove(t: TFunction, table: string, count: number): string {
  // The typed `t` only knows keys fixed at compile time; these come from the server, with a plural count.
  const loose = t as unknown as (key: string, options: { count: number; defaultValue: string }) => string;
  return loose(moveLabelKey(table), { count, defaultValue: `${count} × ${table}` });
}

/** What names the values of a record: its owners, teams and custom fields (people who may not list users see ids). */
function useFormatContext(kind: PartyBrief['kind']): FormatContext {
  const { t, i18n: translation } = useTranslation();
  const canReadUsers = hasPermission(useMe(), 'users:read', 'users:manage');
  const owners = useOwners(canReadUsers);
  const teams = useTeams(canReadUsers);
  const customFields = useCustomFields(kind);
  return { t, locale: translation.language, owners: owners.data, teams: teams.data, customFields: customFields.data };
}

function ValueList({ title, values, testId }: { title: string; values: string[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {values.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('duplicates.merge.none')}
        </Text>
      ) : (
        values.map((value) => (
          <Text size="sm" key={value}>
            {value}
          </Text>
        ))
      )}
    </div>
  );
}

/** Says the merge is done, with an Undo button for a while (the notification lives outside the pages' providers). */
export function notifyMerged(queryClient: QueryClient, merge: MergeOut): void {
  const id = `merge-${merge.id}`;
  const undo = () => {
    notifications.hide(id);
    undoMerge(queryClient, merge.id).then(
      (undone) => notifySuccess(i18n.t('duplicates.merge.undone', { absorbed: undone.absorbed.displayName })),
      notifyError,
    );
  };
  notifications.show({
    id,
    color: 'green',
    autoClose: 15_000,
    message: (
      <Group justify="space-between" wrap="nowrap" data-testid="merge-done">
        <Text size="sm">{i18n.t('duplicates.merge.done', { absorbed: merge.absorbed.displayName, survivor: merge.survivor.displayName })}</Text>
        <Button size="compact-sm" variant="light" onClick={undo} data-testid="merge-undo">
          {i18n.t('duplicates.merge.undo')}
        </Button>
      </Group>
    ),
  });
}
