/**
 * Logging a call, an e-mail, a meeting… with a customer from their record: a button opening the interaction
 * form, the record's customer already among the contacts, and files to attach. The interaction is saved first,
 * then each file is sent with its progress; a refused file (too large, wrong type) is reported on its own line
 * and the dialog stays open until it has been read.
 */
import { Alert, Button, Divider, Group, Modal, Stack } from '@mantine/core';
import { IconAlertCircle, IconMessagePlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import type { Party } from '../parties/partyTypes.ts';
import { partyKey } from '../record/recordHooks.ts';
import { ChosenFiles, UploadList } from './Attachments.tsx';
import { InteractionForm } from './InteractionForm.tsx';
import { useCreateInteraction } from './interactionHooks.ts';
import { formIssues, interactionBody, newInteractionForm, type InteractionFormValues } from './interactionModel.ts';
import { useUploads } from './useUploads.ts';

/** What a logged interaction is about besides the customer: an order or an after-sales case. */
export interface InteractionLinks {
  orderId?: string;
  caseId?: string;
}

export function LogInteractionButton({ partyId, links }: { partyId: string; links?: InteractionLinks }) {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, setOpened] = useState(false);
  if (!hasPermission(me, 'customers:write')) return null;
  return (
    <>
      <Button size="xs" leftSection={<IconMessagePlus size={16} aria-hidden />} onClick={() => setOpened(true)} data-testid="log-interaction">
        {t('interactions.log')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('interactions.logTitle')} size="lg" data-testid="log-interaction-dialog">
        {opened && <LogInteractionForm partyId={partyId} links={links} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function LogInteractionForm({ partyId, links, onDone }: { partyId: string; links?: InteractionLinks; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const party = queryClient.getQueryData<Party>(partyKey(partyId));
  const [values, setValues] = useState<InteractionFormValues>(() => newInteractionForm({ id: partyId, label: party?.displayName ?? '' }));
  const [files, setFiles] = useState<File[]>([]);
  const [savedId, setSavedId] = useState<string | null>(null);
  const create = useCreateInteraction();
  const uploads = useUploads();
  const issues = formIssues(create.error);

  async function sendFiles(interactionId: string) {
    const failed = await uploads.send('interaction', interactionId, files);
    setFiles([]);
    if (failed === 0) {
      notifySuccess(t('interactions.saved'));
      onDone();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (savedId) return;
    create.mutate({ ...interactionBody(values), ...links }, {
      onSuccess: (interaction) => {
        setSavedId(interaction.id);
        // A reply on a case is its first response; the case and the order show their exchanges.
        if (links?.caseId) void queryClient.invalidateQueries({ queryKey: ['cases'] });
        if (links?.orderId) void queryClient.invalidateQueries({ queryKey: ['orders'] });
        void sendFiles(interaction.id);
      },
    });
  }

  const refused = uploads.items.some((item) => item.status === 'failed');
  return (
    <form onSubmit={submit} data-testid="interaction-form">
      <Stack gap="sm">
        {create.error !== null && (issues.form || Object.keys(issues).length === 0) && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('interactions.failed')} role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <fieldset disabled={savedId !== null} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
          <InteractionForm values={values} onChange={(changes) => setValues((v) => ({ ...v, ...changes }))} issues={issues} />
        </fieldset>
        <Divider />
        {savedId === null && <ChosenFiles files={files} onChange={setFiles} />}
        <UploadList items={uploads.items} />
        {refused && !uploads.busy && (
          <Alert color="orange" role="status" data-testid="saved-with-problems">
            {t('interactions.savedWithProblems')}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          {savedId === null ? (
            <>
              <Button variant="default" onClick={onDone}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="interaction-submit">
                {t('interactions.save')}
              </Button>
            </>
          ) : (
            <Button onClick={onDone} loading={uploads.busy} data-testid="interaction-close">
              {t('interactions.close')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
