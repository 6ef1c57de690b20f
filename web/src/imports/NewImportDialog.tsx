/**
 * "New import": what the file holds (people, organisations…), the file itself dropped on the area or chosen
 * from the computer, then its upload with a progress bar; once the server has analysed it, the import's page.
 */
import { Box, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert, OptionSelect } from '../app/FormParts.tsx';
import { formatBytes } from '../interactions/interactionModel.ts';
import { uploadImport } from './importHooks.ts';
import { IMPORT_ACCEPT } from './importModel.ts';
import { IMPORT_TARGETS, type ImportTargetName } from './importTypes.ts';

export function NewImportButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={open} data-testid="new-import">
        {t('imports.new')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('imports.upload.title')} size="lg" centered>
        {opened && <NewImportForm onCancel={close} />}
      </Modal>
    </>
  );
}

function NewImportForm({ onCancel }: { onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [target, setTarget] = useState<ImportTargetName>('people');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  function choose(files: FileList | null) {
    const chosen = files?.[0];
    if (!chosen) return;
    setFile(chosen);
    setError(null);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (progress === null) choose(event.dataTransfer.files);
  }

  async function send() {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const imp = await uploadImport(file, target, setProgress);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      queryClient.setQueryData(['imports', 'detail', imp.id], imp);
      await navigate({ to: '/imports/$id', params: { id: imp.id } });
    } catch (cause) {
      setError(cause);
      setProgress(null);
    }
  }

  const sending = progress !== null;
  return (
    <Stack gap="md" data-testid="new-import-form">
      <OptionSelect
        label={t('imports.upload.target')}
        options={IMPORT_TARGETS}
        optionLabel={(option) => t(`imports.target.${option}`)}
        value={target}
        onChange={setTarget}
        disabled={sending}
        data-testid="new-import-target"
      />
      {/* A drop area by hand: the label opens the file chooser on click, Enter or Space reach the input inside. */}
      <Box
        component="label"
        htmlFor={inputId}
        onDragOver={(event: DragEvent) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="import-drop-zone"
        data-dragging={dragging || undefined}
        style={{
          display: 'block',
          position: 'relative',
          cursor: sending ? 'default' : 'pointer',
          border: `2px dashed var(--mantine-color-${dragging ? 'indigo-6' : 'default-border'})`,
          borderRadius: 'var(--mantine-radius-md)',
          background: dragging ? 'var(--mantine-color-indigo-light)' : undefined,
          padding: 'var(--mantine-spacing-xl)',
          textAlign: 'center',
        }}
      >
        <input
          id={inputId}
          type="file"
          accept={IMPORT_ACCEPT}
          disabled={sending}
          onChange={(event) => choose(event.currentTarget.files)}
          data-testid="import-file-input"
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
        />
        <Stack gap={4} align="center">
          <IconFileUpload size={36} stroke={1.5} aria-hidden />
          {file ? (
            <Text fw={500} data-testid="import-chosen-file">
              {file.name} · {formatBytes(file.size, i18n.language)}
            </Text>
          ) : (
            <Text fw={500}>{t('imports.upload.drop')}</Text>
          )}
          <Text size="sm" c="dimmed">
            {file ? t('imports.upload.another') : t('imports.upload.formats')}
          </Text>
        </Stack>
      </Box>
      {sending && (
        <Stack gap={4}>
          <Progress value={progress * 100} animated aria-label={t('imports.upload.progress')} data-testid="import-upload-progress" />
          <Text size="xs" c="dimmed" aria-live="polite">
            {progress < 1 ? t('imports.upload.sending', { percent: Math.round(progress * 100) }) : t('imports.upload.analysing')}
          </Text>
        </Stack>
      )}
      <FormErrorAlert error={error} title={t('imports.upload.failed')} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={sending}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void send()} disabled={!file} loading={sending} data-testid="import-upload">
          {t('imports.upload.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
