/**
 * A case's particulars, changed in place: type, channel, priority (which moves the due times), assignee, the
 * order and product concerned, the description and the resolution notes. Each change is saved at once with the
 * version read; a conflict reloads the case and says so.
 */
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';
import { AnchorLink } from '../app/links.tsx';
import { notifyError } from '../app/notify.ts';
import type { CaseUpdateBody } from '../../../src/modules/cases/case-schemas.ts';
import { useUpdateCase } from './caseHooks.ts';
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_TYPES } from './caseModel.ts';
import { AssigneeSelect, OrderSelect, ProductSelect } from './CasePickers.tsx';
import type { Case } from './caseTypes.ts';

type Changes = Omit<CaseUpdateBody, 'version'>;

function useSave(kase: Case) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateCase(kase.id);
  const save = (changes: Changes, onSuccess?: () => void) =>
    update.mutate(
      { version: kase.version, ...changes },
      {
        onSuccess,
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) {
            void queryClient.invalidateQueries({ queryKey: ['cases', 'one', kase.id] });
            notifyError(new Error(t('cases.details.conflict')));
          } else notifyError(error);
        },
      },
    );
  return { save, update };
}

export function CaseDetails({ kase, editable }: { kase: Case; editable: boolean }) {
  const { t } = useTranslation();
  const { save } = useSave(kase);
  const options = {
    type: CASE_TYPES.map((v) => ({ value: v, label: t(`cases.types.${v}`) })),
    channel: CASE_CHANNELS.map((v) => ({ value: v, label: t(`cases.channels.${v}`) })),
    priority: CASE_PRIORITIES.map((v) => ({ value: v, label: t(`cases.priorities.${v}`) })),
  };
  const select = (field: keyof typeof options) => (
    <Select
      label={t(`cases.fields.${field}`)}
      data={options[field]}
      value={kase[field]}
      onChange={(value) => value && value !== kase[field] && save({ [field]: value } as Changes)}
      allowDeselect={false}
      readOnly={!editable}
      data-testid={`case-field-${field}`}
    />
  );
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="case-details-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="case-details-title">
          {t('cases.details.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {select('type')}
          {select('channel')}
          {select('priority')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {editable ? (
            <>
              <AssigneeSelect value={kase.assignee?.id ?? null} onChange={(assigneeId) => save({ assigneeId })} />
              <OrderSelect partyId={kase.party.id} value={kase.order?.id ?? null} onChange={(orderId) => save({ orderId })} />
              <ProductSelect
                value={kase.product ? { id: kase.product.id, sku: kase.product.sku, name: kase.product.name } : null}
                onChange={(product) => save({ productId: product?.id ?? null })}
              />
            </>
          ) : (
            <>
              <Labelled label={t('cases.fields.assignee')}>{kase.assignee?.name ?? t('cases.unassigned')}</Labelled>
              <Labelled label={t('cases.fields.order')}>{kase.order?.number ?? '—'}</Labelled>
              <Labelled label={t('cases.fields.product')}>{kase.product?.name ?? '—'}</Labelled>
            </>
          )}
        </SimpleGrid>
        {kase.order && (
          <Text size="sm">
            {t('cases.details.linkedOrder')}{' '}
            <AnchorLink to="/orders/$id" params={{ id: kase.order.id }} data-testid="case-order-link">
              {kase.order.number}
            </AnchorLink>
          </Text>
        )}
        <LongText kase={kase} field="description" editable={editable} />
        <LongText kase={kase} field="resolution" editable={editable} />
      </Stack>
    </Paper>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function LongText({ kase, field, editable }: { kase: Case; field: 'description' | 'resolution'; editable: boolean }) {
  const { t } = useTranslation();
  const { save, update } = useSave(kase);
  const [draft, setDraft] = useState<string | null>(null);
  const value = kase[field];
  return (
    <Stack gap={4} data-testid={`case-${field}-section`}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t(`cases.fields.${field}`)}
        </Text>
        {editable && draft === null && (
          <Button variant="subtle" size="compact-xs" leftSection={<IconPencil size={12} aria-hidden />} onClick={() => setDraft(value ?? '')}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {draft === null ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={value ? undefined : 'dimmed'} data-testid={`case-${field}`}>
          {value ?? t(`cases.details.no_${field}`)}
        </Text>
      ) : (
        <Stack gap="xs">
          <Textarea value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={3} aria-label={t(`cases.fields.${field}`)} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" loading={update.isPending} onClick={() => save({ [field]: draft.trim() || null }, () => setDraft(null))}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
