/** Small pieces shared by the import list and the import page: status badge, counts, undo, field and source labels. */
import { Badge, Button, Group, Text, Tooltip, type ButtonProps } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { AnchorLink } from '../app/links.tsx';
import { translateDynamic } from '../i18n/dynamic.ts';
import { useUndoImport } from './importHooks.ts';
import { delimiterName, encodingName, STATUS_COLORS, undoAvailability } from './importModel.ts';
import type { ImportCounts, ImportOut, ImportStatus, PartyBrief, TargetField } from './importTypes.ts';

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="import-status" data-status={status}>
      {t(`imports.status.${status}`)}
    </Badge>
  );
}

const COUNT_KEYS = ['created', 'updated', 'unchanged', 'invalid', 'duplicatesFlagged'] as const;

/** The counts of an import, each with its name; the ones at zero are dimmed so the others stand out. */
export function ImportCountList({ counts, size = 'sm' }: { counts: ImportCounts; size?: 'xs' | 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Group gap="md" data-testid="import-counts">
      {COUNT_KEYS.map((key) => (
        <Text key={key} size={size} c={counts[key] === 0 ? 'dimmed' : key === 'invalid' ? 'red' : undefined} data-testid={`count-${key}`} data-value={counts[key]}>
          <Text span fw={600} inherit>
            {number.format(counts[key])}
          </Text>{' '}
          {t(`imports.counts.${key}`, { count: counts[key] })}
        </Text>
      ))}
    </Group>
  );
}

/**
 * "Undo" with its confirmation on a completed import; disabled, with the reason on hover, when the server says
 * it can no longer be undone; nothing on the others.
 */
export function UndoImportButton({ imp, ...props }: { imp: ImportOut } & Omit<ButtonProps, 'children'>) {
  const { t } = useTranslation();
  const undo = useUndoImport();
  const availability = undoAvailability(imp);
  if (availability === 'hidden') return null;
  if (availability === 'blocked') {
    return (
      // Looks disabled but still takes the pointer, so that the tooltip saying why can show (a disabled button gets no events).
      <Tooltip label={t('imports.undo.blocked')} multiline w={280}>
        <Button
          variant="default"
          data-disabled
          aria-disabled
          onClick={(event) => event.preventDefault()}
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          data-testid="import-undo"
          {...props}
        >
          {t('imports.undo.label')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <ConfirmButton
      label={t('imports.undo.label')}
      ariaLabel={t('imports.undo.named', { name: imp.fileName })}
      title={t('imports.undo.title')}
      message={t('imports.undo.message', { count: imp.counts.created + imp.counts.updated, created: imp.counts.created, updated: imp.counts.updated })}
      onConfirm={() =>
        undo.mutateAsync(imp.id).then(
          () => notifySuccess(t('imports.undo.done')),
          (error: unknown) => {
            notifyError(error);
            throw error;
          },
        )
      }
      variant="light"
      leftSection={<IconArrowBackUp size={14} aria-hidden />}
      data-testid="import-undo"
      {...props}
    />
  );
}

/** The label of a target field: custom fields bring their own, the others are translated. */
export function useFieldLabel(fields: readonly TargetField[]) {
  const { t } = useTranslation();
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return (key: string) => byKey.get(key)?.label ?? translateDynamic(t, `imports.field.${key}`, key);
}

/** What the analysis of the file found: "Outlook contacts export recognised", "CSV · Windows-1252, semicolon". */
export function SourceSummary({ imp }: { imp: ImportOut }) {
  const { t } = useTranslation();
  const delimiter = imp.delimiter === null ? null : delimiterName(imp.delimiter);
  const details = [
    t(`imports.source.format.${imp.format}`),
    [
      imp.encoding && encodingName(imp.encoding),
      imp.delimiter !== null && (delimiter ? t(`imports.source.delimiter.${delimiter}`) : `« ${imp.delimiter} »`),
      imp.sheet && t('imports.source.sheet', { name: imp.sheet }),
    ]
      .filter(Boolean)
      .join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Group gap="sm" data-testid="import-source">
      {imp.layout !== 'generic' && (
        <Badge variant="light" color="indigo" data-testid="import-layout">
          {t(`imports.source.layout.${imp.layout}`)}
        </Badge>
      )}
      <Text size="sm" c="dimmed" data-testid="import-format">
        {details}
      </Text>
    </Group>
  );
}

/** A link to a customer record. */
export function PartyLink({ party, testId }: { party: PartyBrief; testId?: string }) {
  const label = party.customerNumber ? `${party.displayName} (${party.customerNumber})` : party.displayName;
  return party.kind === 'organisation' ? (
    <AnchorLink to="/organisations/$id" params={{ id: party.id }} size="sm" data-testid={testId}>
      {label}
    </AnchorLink>
  ) : (
    <AnchorLink to="/people/$id" params={{ id: party.id }} size="sm" data-testid={testId}>
      {label}
    </AnchorLink>
  );
}
