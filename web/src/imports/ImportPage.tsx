/**
 * /imports/:id, one import step by step: (1) the mapping of the file's columns to fields, (2) the preview of the
 * first rows as they will be stored, then a dry run or the import, (3) its progress, polled while it runs, and
 * (4) its result with the error report, the duplicates to review and undo. The step follows the import's status;
 * only going back from the preview to the mapping is the user's own choice.
 */
import { Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { BackLink } from '../app/links.tsx';
import { formatBytes } from '../interactions/interactionModel.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { ImportStatusBadge, SourceSummary } from './ImportBits.tsx';
import { useImport, useImportTargets } from './importHooks.ts';
import { IMPORT_STEPS, stepOf, type ImportStep } from './importModel.ts';
import type { ImportOut, TargetInfo } from './importTypes.ts';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ProgressStep, ResultStep } from './RunSteps.tsx';

export function ImportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const imp = useImport(id);
  const targets = useImportTargets();
  const notFound = isApiError(imp.error, 'not_found');
  return (
    <Stack gap="lg" maw={1400} data-testid="import-page">
      <BackLink to="/imports">{t('imports.back')}</BackLink>
      {imp.isPending || targets.isPending ? (
        <Loading />
      ) : imp.isError ? (
        <LoadError error={notFound ? new Error(t('imports.notFound')) : imp.error} onRetry={notFound ? undefined : () => void imp.refetch()} />
      ) : targets.isError ? (
        <LoadError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <ImportView imp={imp.data} targets={targets.data} />
      )}
    </Stack>
  );
}

function ImportView({ imp, targets }: { imp: ImportOut; targets: TargetInfo[] }) {
  const { t, i18n } = useTranslation();
  // Back from the preview to the mapping: the import stays `mapped` meanwhile.
  const [remapping, setRemapping] = useState(false);
  const statusStep = stepOf(imp.status);
  const step: ImportStep = remapping && statusStep === 'preview' ? 'mapping' : statusStep;
  const fields = targets.find((target) => target.name === imp.target)?.fields ?? [];

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="header">
        <Stack gap="xs">
          <Group gap="sm">
            <Title order={1} size="h2" data-testid="import-file-name">
              {imp.fileName}
            </Title>
            <ImportStatusBadge status={imp.status} />
          </Group>
          <SourceSummary imp={imp} />
          <Text size="sm" c="dimmed">
            {[
              imp.target && t(`imports.target.${imp.target}`),
              formatBytes(imp.fileSize, i18n.language),
              imp.createdBy && t('imports.uploadedBy', { name: imp.createdBy.name, date: formatDateTime(imp.createdAt, i18n.language) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
      </Paper>

      <Stepper active={IMPORT_STEPS.indexOf(step)} size="sm" allowNextStepsSelect={false} data-testid="import-stepper" data-step={step}>
        {IMPORT_STEPS.map((name) => (
          <Stepper.Step key={name} label={t(`imports.steps.${name}`)} description={t(`imports.steps.${name}Hint`)} />
        ))}
      </Stepper>

      {step === 'mapping' && <MappingStep key={imp.id} imp={imp} targets={targets} onSaved={() => setRemapping(false)} />}
      {step === 'preview' && <PreviewStep imp={imp} fields={fields} onRemap={() => setRemapping(true)} />}
      {step === 'progress' && <ProgressStep imp={imp} />}
      {step === 'result' && <ResultStep imp={imp} />}
    </Stack>
  );
}
