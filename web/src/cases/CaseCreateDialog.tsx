/**
 * Opening a case: for a customer chosen here (from the queue) or given (from the customer's record), with its
 * type, channel, priority, subject and description, and optionally the order and product concerned and who
 * handles it. The server's refusals show at their fields; once opened, the case page opens.
 */
import { Button, Grid, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { FormActions, FormErrorAlert, OptionSelect } from '../app/FormParts.tsx';
import { notifySuccess } from '../app/notify.ts';
import type { PartyHit } from '../record/recordHooks.ts';
import { useCreateCase, type ProductChoice } from './caseHooks.ts';
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_TYPES } from './caseModel.ts';
import type { CaseChannel, CasePriority, CaseType } from './caseTypes.ts';
import { AssigneeSelect, CustomerSelect, OrderSelect, ProductSelect } from './CasePickers.tsx';

export function CaseCreateButton({ partyId, size }: { partyId?: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} size={size} data-testid="case-create">
        {t('cases.create.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('cases.create.title')} size="lg">
        {opened && <CaseCreateForm partyId={partyId} onClose={close} />}
      </Modal>
    </>
  );
}

function CaseCreateForm({ partyId, onClose }: { partyId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCase();
  const [customer, setCustomer] = useState<PartyHit | null>(null);
  const [type, setType] = useState<CaseType>('question');
  const [channel, setChannel] = useState<CaseChannel>('phone');
  const [priority, setPriority] = useState<CasePriority>('normal');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [orderId, setOrderId] = useState<string | null>(null);
  const [product, setProduct] = useState<ProductChoice | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const customerId = partyId ?? customer?.id ?? null;
  const issue = (field: string) => fieldError(create.error, field);
  const named = ['partyId', 'type', 'channel', 'priority', 'subject', 'description', 'orderId', 'productId', 'assigneeId'].some((f) => issue(f));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!customerId) return;
    create.mutate(
      {
        partyId: customerId,
        type,
        channel,
        priority,
        subject,
        description: description.trim() || null,
        orderId,
        productId: product?.id ?? null,
        assigneeId,
      },
      {
        onSuccess: (created) => {
          notifySuccess(t('cases.create.created', { number: created.number }));
          onClose();
          void navigate({ to: '/cases/$id', params: { id: created.id } });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} data-testid="case-create-form">
      <Stack gap="sm">
        <FormErrorAlert error={!named && create.error} />
        {!partyId && (
          <CustomerSelect
            value={customer}
            onChange={(hit) => {
              setCustomer(hit);
              setOrderId(null);
            }}
            error={issue('partyId')}
          />
        )}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <OptionSelect label={t('cases.fields.type')} options={CASE_TYPES} optionLabel={(v) => t(`cases.types.${v}`)} value={type} onChange={setType} error={issue('type')} data-testid="case-type" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <OptionSelect label={t('cases.fields.channel')} options={CASE_CHANNELS} optionLabel={(v) => t(`cases.channels.${v}`)} value={channel} onChange={setChannel} error={issue('channel')} data-testid="case-channel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <OptionSelect label={t('cases.fields.priority')} options={CASE_PRIORITIES} optionLabel={(v) => t(`cases.priorities.${v}`)} value={priority} onChange={setPriority} error={issue('priority')} data-testid="case-priority" />
          </Grid.Col>
        </Grid>
        <TextInput
          label={t('cases.fields.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          required
          maxLength={200}
          error={issue('subject')}
          data-autofocus
          data-testid="case-subject"
        />
        <Textarea
          label={t('cases.fields.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={3}
          error={issue('description')}
          data-testid="case-description"
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <OrderSelect partyId={customerId} value={orderId} onChange={setOrderId} error={issue('orderId')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ProductSelect value={product} onChange={setProduct} error={issue('productId')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <AssigneeSelect value={assigneeId} onChange={setAssigneeId} error={issue('assigneeId')} />
          </Grid.Col>
        </Grid>
        <FormActions onCancel={onClose} submitLabel={t('cases.create.submit')} loading={create.isPending} disabled={!customerId} testId="case-create-submit" />
      </Stack>
    </form>
  );
}
