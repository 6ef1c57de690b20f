/**
 * What can be done next with a case: one button per status it may move to (resolving asks for the resolution
 * notes), and recording the first answer while none is known.
 */
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconMessageReply } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../app/formErrors.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { useCaseStatus, useRespond } from './caseHooks.ts';
import type { Case, CaseStatus } from './caseTypes.ts';

/** The words of the button that moves a case from `from` to `to` ("Reopen" rather than "Open" once resolved). */
function actionKey(from: CaseStatus, to: CaseStatus) {
  if (to === 'open') return from === 'new' ? 'cases.actions.open' : from === 'resolved' ? 'cases.actions.reopen' : 'cases.actions.resume';
  if (to === 'waiting_customer') return 'cases.actions.waitCustomer';
  if (to === 'resolved') return 'cases.actions.resolve';
  return 'cases.actions.close';
}

export function CaseActions({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const move = useCaseStatus(kase.id);
  const respond = useRespond(kase.id);
  const [resolving, { open: openResolve, close: closeResolve }] = useDisclosure(false);

  const go = (status: CaseStatus) =>
    move.mutate(
      { status, version: kase.version },
      { onSuccess: (updated) => notifySuccess(t('cases.actions.moved', { status: t(`cases.statuses.${updated.status}`) })), onError: notifyError },
    );

  return (
    <Group gap="xs" data-testid="case-actions">
      {kase.firstResponseAt === null && kase.status !== 'closed' && (
        <Button
          variant="light"
          leftSection={<IconMessageReply size={16} aria-hidden />}
          loading={respond.isPending}
          onClick={() => respond.mutate(undefined, { onSuccess: () => notifySuccess(t('cases.actions.responded')), onError: notifyError })}
          data-testid="case-respond"
        >
          {t('cases.actions.respond')}
        </Button>
      )}
      {kase.nextStatuses.map((to) => (
        <Button
          key={to}
          variant={to === 'resolved' ? 'filled' : 'default'}
          color={to === 'resolved' ? 'teal' : undefined}
          loading={move.isPending && move.variables?.status === to}
          onClick={() => (to === 'resolved' ? openResolve() : go(to))}
          data-testid={`case-move-${to}`}
        >
          {t(actionKey(kase.status, to))}
        </Button>
      ))}
      <Modal opened={resolving} onClose={closeResolve} title={t('cases.resolve.title', { number: kase.number })} size="lg">
        {resolving && <ResolveForm kase={kase} onDone={closeResolve} />}
      </Modal>
    </Group>
  );
}

function ResolveForm({ kase, onDone }: { kase: Case; onDone: () => void }) {
  const { t } = useTranslation();
  const move = useCaseStatus(kase.id);
  const [resolution, setResolution] = useState(kase.resolution ?? '');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        move.mutate(
          { status: 'resolved', resolution, version: kase.version },
          {
            onSuccess: () => {
              notifySuccess(t('cases.resolve.done'));
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('cases.fields.resolution')}
          description={t('cases.resolve.hint')}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          autosize
          minRows={4}
          required
          data-autofocus
          error={fieldError(move.error, 'resolution') ? t('cases.resolve.required') : move.error?.message}
          data-testid="case-resolution"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={move.isPending} data-testid="case-resolve-submit">
            {t('cases.actions.resolve')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
