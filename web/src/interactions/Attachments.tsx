/**
 * The files of an interaction or an after-sales case: name (a download link), type, size, who added it and
 * when; with `editable`, an upload button (several files, each with its progress) and a delete per file. A
 * refused file says why on its own line: too large (with the limit) or a type that is not accepted.
 */
import { Alert, Anchor, Button, CloseButton, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import {
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypePdf,
  IconMail,
  IconPaperclip,
  IconPhoto,
  IconPresentation,
  IconTrash,
  IconUpload,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { formatDateTime } from '../app/format.ts';
import { notifyError } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { ATTACHMENT_ACCEPT, attachmentFamily, type AttachmentFamily } from '../../../src/shared/interactions/interaction-reference.ts';
import type { UploadItem } from './attachmentModel.ts';
import { useAttachments, useDeleteAttachment } from './interactionHooks.ts';
import { formatBytes } from './interactionModel.ts';
import type { Attachment, AttachmentOwnerType } from './interactionTypes.ts';
import { useUploads } from './useUploads.ts';

const FAMILY_ICONS: Record<AttachmentFamily, Icon> = {
  image: IconPhoto,
  pdf: IconFileTypePdf,
  document: IconFileText,
  spreadsheet: IconFileSpreadsheet,
  presentation: IconPresentation,
  text: IconFileText,
  email: IconMail,
};

export function Attachments({ ownerType, ownerId, editable }: { ownerType: AttachmentOwnerType; ownerId: string; editable: boolean }) {
  const { t } = useTranslation();
  const attachments = useAttachments(ownerType, ownerId);
  const uploads = useUploads();
  return (
    <Stack gap="xs" data-testid="attachments">
      <Group justify="space-between">
        <Text fw={500} size="sm">
          {t('interactions.attachments.title')}
        </Text>
        {editable && (
          <FileButton multiple accept={ATTACHMENT_ACCEPT} onChange={(files) => files.length > 0 && void uploads.send(ownerType, ownerId, files)}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} aria-hidden />} loading={uploads.busy} data-testid="attachments-upload">
                {t('interactions.attachments.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <UploadList items={uploads.items.filter((item) => item.status !== 'done')} onDismiss={uploads.dismiss} />
      {attachments.isPending ? (
        <Loading />
      ) : attachments.isError ? (
        <LoadError error={attachments.error} onRetry={() => void attachments.refetch()} />
      ) : attachments.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('interactions.attachments.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {attachments.data.map((attachment) => (
            <AttachmentRow key={attachment.id} attachment={attachment} editable={editable} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function AttachmentRow({ attachment, editable }: { attachment: Attachment; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteAttachment(attachment.ownerType, attachment.ownerId);
  const FamilyIcon = FAMILY_ICONS[attachmentFamily(attachment.contentType)] ?? IconPaperclip;
  return (
    <Group component="li" gap="sm" wrap="nowrap" data-testid="attachment" data-name={attachment.fileName}>
      <FamilyIcon size={20} aria-hidden style={{ flexShrink: 0 }} />
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Anchor href={attachment.url} download={attachment.fileName} size="sm" truncate="end" data-testid="attachment-download">
          {attachment.fileName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {[formatBytes(attachment.sizeBytes, i18n.language), attachment.uploadedBy?.name, formatDateTime(attachment.createdAt, i18n.language)]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      {editable && (
        <ConfirmButton
          label={t('interactions.attachments.delete')}
          ariaLabel={t('interactions.attachments.deleteNamed', { name: attachment.fileName })}
          title={t('interactions.attachments.deleteTitle')}
          message={t('interactions.attachments.confirmDelete', { name: attachment.fileName })}
          onConfirm={() => remove.mutateAsync(attachment).catch((error: unknown) => {
            notifyError(error);
            throw error;
          })}
          size="xs"
          variant="subtle"
          leftSection={<IconTrash size={14} aria-hidden />}
          data-testid="attachment-delete"
        />
      )}
    </Group>
  );
}

/** Files being sent or refused, one line each; a refused one can be dismissed. */
export function UploadList({ items, onDismiss }: { items: UploadItem[]; onDismiss?: (key: string) => void }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap={6} data-testid="upload-list">
      {items.map((item) =>
        item.status === 'failed' ? (
          <Alert
            key={item.key}
            color="red"
            p="xs"
            role="alert"
            title={item.name}
            data-testid="upload-failed"
            withCloseButton={Boolean(onDismiss)}
            onClose={() => onDismiss?.(item.key)}
            closeButtonLabel={t('interactions.attachments.dismiss')}
          >
            <Text size="sm">
              {item.problem?.kind === 'tooLarge'
                ? item.problem.limitBytes
                  ? t('interactions.attachments.tooLarge', { limit: formatBytes(item.problem.limitBytes, i18n.language) })
                  : t('interactions.attachments.tooLargeNoLimit')
                : item.problem?.kind === 'refusedType'
                  ? t('interactions.attachments.refusedType')
                  : t('interactions.attachments.failed')}
            </Text>
            {item.problem && item.problem.kind !== 'tooLarge' && (
              <Text size="xs" c="dimmed">
                {item.problem.message}
              </Text>
            )}
          </Alert>
        ) : (
          <Group key={item.key} gap="sm" wrap="nowrap" data-testid="upload-item" data-status={item.status}>
            <Text size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }}>
              {item.name}
            </Text>
            <Text size="xs" c="dimmed">
              {item.status === 'done' ? t('interactions.attachments.sent') : formatBytes(item.size, i18n.language)}
            </Text>
            <Progress value={item.progress * 100} w={120} aria-label={t('interactions.attachments.progress', { name: item.name })} animated={item.status === 'sending'} />
          </Group>
        ),
      )}
    </Stack>
  );
}

/** Files chosen before the record exists (while logging an interaction): listed, removable, sent after saving. */
export function ChosenFiles({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={500} size="sm">
          {t('interactions.attachments.title')}
        </Text>
        <FileButton multiple accept={ATTACHMENT_ACCEPT} onChange={(chosen) => onChange([...files, ...chosen])}>
          {(props) => (
            <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} aria-hidden />} data-testid="interaction-add-files">
              {t('interactions.attachments.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      {files.map((file, index) => (
        <Group key={`${index}-${file.name}`} gap="sm" wrap="nowrap" data-testid="chosen-file">
          <Text size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }}>
            {file.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatBytes(file.size, i18n.language)}
          </Text>
          <CloseButton size="sm" aria-label={t('interactions.attachments.removeChosen', { name: file.name })} onClick={() => onChange(files.filter((_, i) => i !== index))} />
        </Group>
      ))}
    </Stack>
  );
}
