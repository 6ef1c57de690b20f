/**
 * One interaction in full, in a drawer beside the timeline: channel, direction, when and how long, who took
 * part (contacts link to their records), notes, outcome, linked order or case, and its files. Those who may
 * change customer records can edit it (a conflicting save offers the other version) or delete it.
 */
import { Alert, Badge, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { errorMessage } from '../app/formErrors.ts';
import { formatDateTime } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { Attachments } from './Attachments.tsx';
import { InteractionForm } from './InteractionForm.tsx';
import { useDeleteInteraction, useInteraction, useUpdateInteraction } from './interactionHooks.ts';
import { formFromInteraction, formIssues, interactionChanges, type InteractionFormValues } from './interactionModel.ts';
import type { Interaction, Participant } from './interactionTypes.ts';

export function InteractionDrawer({ interactionId, opened, onClose }: { interactionId: string | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={t('interactions.drawer.title')} data-testid="interaction-drawer">
      {opened && interactionId && <InteractionDetails key={interactionId} id={interactionId} onDeleted={onClose} />}
    </Drawer>
  );
}

function InteractionDetails({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const editable = hasPermission(me, 'customers:write');
  const interaction = useInteraction(id);
  const [editing, setEditing] = useState(false);
  if (interaction.isPending) return <Loading />;
  if (interaction.isError) {
    const missing = isApiError(interaction.error, 'not_found');
    return <LoadError error={missing ? new Error(t('interactions.drawer.notFound')) : interaction.error} onRetry={missing ? undefined : () => void interaction.refetch()} />;
  }
  return editing ? (
    <EditInteraction interaction={interaction.data} onDone={() => setEditing(false)} onReload={() => void interaction.refetch()} />
  ) : (
    <InteractionView interaction={interaction.data} editable={editable} onEdit={() => setEditing(true)} onDeleted={onDeleted} />
  );
}

function ParticipantLine({ participant }: { participant: Participant }) {
  if (participant.type === 'user') return <Text size="sm">{participant.name}</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <AnchorLink
        to={participant.kind === 'organisation' ? '/organisations/$id' : '/people/$id'}
        params={{ id: participant.partyId }}
        size="sm"
        data-testid="interaction-contact"
      >
        {participant.displayName}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {participant.customerNumber}
      </Text>
    </Group>
  );
}

function InteractionView({ interaction, editable, onEdit, onDeleted }: { interaction: Interaction; editable: boolean; onEdit: () => void; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteInteraction();
  const contacts = interaction.participants.filter((p) => p.type === 'contact');
  const users = interaction.participants.filter((p) => p.type === 'user');
  return (
    <Stack gap="md" data-testid="interaction-view">
      <Stack gap={6}>
        <Title order={3} size="h4" data-testid="interaction-subject">
          {interaction.subject}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{t(`interactions.channels.${interaction.channel}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(`interactions.directions.${interaction.direction}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {formatDateTime(interaction.occurredAt, i18n.language)}
            {interaction.durationMinutes !== null && ` · ${t('interactions.drawer.minutes', { count: interaction.durationMinutes })}`}
          </Text>
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text fw={500} size="sm">
          {t('interactions.fields.participants')}
        </Text>
        {[...contacts, ...users].map((participant) => (
          <ParticipantLine key={participant.type === 'user' ? participant.userId : participant.partyId} participant={participant} />
        ))}
      </Stack>
      <Stack gap={4}>
        <Text fw={500} size="sm">
          {t('interactions.fields.body')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={interaction.body ? undefined : 'dimmed'} data-testid="interaction-body-text">
          {interaction.body || t('interactions.drawer.noBody')}
        </Text>
      </Stack>
      {interaction.outcome && (
        <Stack gap={4}>
          <Text fw={500} size="sm">
            {t('interactions.fields.outcome')}
          </Text>
          <Text size="sm">{interaction.outcome}</Text>
        </Stack>
      )}
      {(interaction.orderId || interaction.caseId) && (
        <Group gap="md">
          {interaction.orderId && (
            <AnchorLink to="/orders/$id" params={{ id: interaction.orderId }} size="sm">
              {t('interactions.fields.order')}
            </AnchorLink>
          )}
          {interaction.caseId && (
            <AnchorLink to="/cases/$id" params={{ id: interaction.caseId }} size="sm">
              {t('interactions.fields.case')}
            </AnchorLink>
          )}
        </Group>
      )}
      <Divider />
      <Attachments ownerType="interaction" ownerId={interaction.id} editable={editable} />
      <Divider />
      {interaction.createdBy && (
        <Text size="xs" c="dimmed">
          {t('interactions.drawer.by', { name: interaction.createdBy.name })}
        </Text>
      )}
      {editable && (
        <Group justify="flex-end">
          <ConfirmButton
            label={t('interactions.drawer.delete')}
            title={t('interactions.drawer.deleteTitle')}
            message={t('interactions.drawer.deleteMessage')}
            variant="subtle"
            leftSection={<IconTrash size={16} aria-hidden />}
            onConfirm={() =>
              remove.mutateAsync(interaction.id).then(
                () => {
                  notifySuccess(t('interactions.drawer.deleted'));
                  onDeleted();
                },
                (error: unknown) => {
                  notifyError(error);
                  throw error;
                },
              )
            }
            data-testid="interaction-delete"
          />
          <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit} data-testid="interaction-edit">
            {t('interactions.drawer.edit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function EditInteraction({ interaction, onDone, onReload }: { interaction: Interaction; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<InteractionFormValues>(() => formFromInteraction(interaction));
  const update = useUpdateInteraction(interaction.id);
  const conflict = isApiError(update.error, 'version_conflict');
  const issues = conflict ? {} : formIssues(update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(interactionChanges(values, interaction.version), { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} data-testid="interaction-edit-form">
      <Stack gap="sm">
        {conflict ? (
          <Alert color="orange" role="alert" title={t('interactions.drawer.conflict')}>
            <Button
              size="xs"
              variant="light"
              mt="xs"
              onClick={() => {
                onReload();
                onDone();
              }}
            >
              {t('interactions.drawer.reload')}
            </Button>
          </Alert>
        ) : (
          update.error !== null &&
          (issues.form || Object.keys(issues).length === 0) && (
            <Alert color="red" role="alert" title={t('interactions.failed')}>
              {errorMessage(update.error)}
            </Alert>
          )
        )}
        <InteractionForm values={values} onChange={(changes) => setValues((v) => ({ ...v, ...changes }))} issues={issues} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="interaction-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
