/**
 * Steps 3 and 4: the import running — its progress, rows per second and time left, polled from the server,
 * with Cancel (which rolls back what was written) — then its result: the counts, the error report of the
 * refused rows, the likely duplicates to review, Undo, and after a dry run the import for real.
 */
import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconDownload, IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { AnchorLink } from '../app/links.tsx';
import { notifyError } from '../app/notify.ts';
import { ImportCountList, UndoImportButton } from './ImportBits.tsx';
import { errorReportUrl, useCancelImport, useStartImport } from './importHooks.ts';
import { progressFigures } from './importModel.ts';
import type { ImportOut, ImportStatus } from './importTypes.ts';

export function ProgressStep({ imp }: { imp: ImportOut }) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelImport(imp.id);
  const figures = progressFigures(imp.progress, i18n.language);
  const details = [
    t('imports.progress.rows', { rows: figures.rowsRead }),
    figures.rowsPerSecond && t('imports.progress.rate', { rate: figures.rowsPerSecond }),
    figures.timeLeft && t('imports.progress.timeLeft', { time: figures.timeLeft }),
  ].filter(Boolean);

  return (
    <Paper withBorder p="lg" data-testid="progress-step">
      <Stack gap="sm">
        <Text fw={500}>{imp.dryRun ? t('imports.progress.dryRunTitle') : t('imports.progress.title')}</Text>
        {imp.status === 'queued' ? (
          <Text size="sm" c="dimmed" data-testid="import-queued">
            {t('imports.progress.queued')}
          </Text>
        ) : null}
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={figures.value}
            size="lg"
            striped
            animated
            style={{ flex: 1 }}
            aria-label={t('imports.progress.label')}
            data-testid="import-progress"
            data-percent={figures.value}
          />
          <Text fw={600} w={70} ta="right" data-testid="import-percent">
            {figures.percent}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="import-progress-details">
          {details.join(' · ')}
        </Text>
        <ImportCountList counts={imp.counts} />
        <Group justify="flex-end">
          <ConfirmButton
            label={t('imports.progress.cancel')}
            title={t('imports.progress.cancelTitle')}
            message={imp.dryRun ? t('imports.progress.cancelDryRunMessage') : t('imports.progress.cancelMessage')}
            onConfirm={() =>
              cancel.mutateAsync().catch((error: unknown) => {
                notifyError(error);
                throw error;
              })
            }
            variant="default"
            data-testid="import-cancel"
          />
        </Group>
      </Stack>
    </Paper>
  );
}

const OUTCOME_COLORS: Partial<Record<ImportStatus, string>> = { completed: 'green', validated: 'teal', failed: 'red', cancelled: 'orange', undone: 'violet' };

export function ResultStep({ imp }: { imp: ImportOut }) {
  const { t } = useTranslation();
  const start = useStartImport(imp.id);
  const failedOrStopped = imp.status === 'failed' || imp.status === 'cancelled';
  return (
    <Paper withBorder p="lg" data-testid="result-step" data-status={imp.status}>
      <Stack gap="md">
        <Alert
          color={OUTCOME_COLORS[imp.status] ?? 'gray'}
          icon={failedOrStopped ? <IconAlertCircle aria-hidden /> : imp.status === 'completed' ? <IconCircleCheck aria-hidden /> : <IconInfoCircle aria-hidden />}
          title={t(`imports.result.title.${resultKey(imp.status)}`)}
          data-testid="import-outcome"
        >
          {imp.status === 'failed' && imp.failure ? imp.failure : t(`imports.result.text.${resultKey(imp.status)}`)}
        </Alert>
        <ImportCountList counts={imp.counts} size="md" />
        <Group gap="sm">
          {imp.counts.invalid > 0 && (
            <Button
              component="a"
              href={errorReportUrl(imp.id)}
              download
              variant="light"
              color="red"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="import-error-report"
            >
              {t('imports.result.errorReport', { count: imp.counts.invalid })}
            </Button>
          )}
          {imp.counts.duplicatesFlagged > 0 && imp.status !== 'undone' && (
            <AnchorLink to="/duplicates" data-testid="import-duplicates-link">
              {t('imports.result.duplicates', { count: imp.counts.duplicatesFlagged })}
            </AnchorLink>
          )}
        </Group>
        <Group justify="flex-end" gap="sm">
          <UndoImportButton imp={imp} />
          {imp.status === 'validated' && (
            <Button
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              onClick={() => start.mutate(false, { onError: notifyError })}
              loading={start.isPending}
              data-testid="import-for-real"
            >
              {t('imports.result.importForReal')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The statuses a finished import can have; any other (never expected here) reads as completed. */
function resultKey(status: ImportStatus): 'completed' | 'validated' | 'failed' | 'cancelled' | 'undone' {
  return status === 'validated' || status === 'failed' || status === 'cancelled' || status === 'undone' ? status : 'completed';
}
