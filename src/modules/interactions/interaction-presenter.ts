/** What clients see of interactions and attachments. */
import type { InteractionDetail } from './interaction-service.ts';
import type { AttachmentRow } from './attachment-service.ts';

export function presentInteraction({ row, participants }: InteractionDetail) {
  return {
    id: row.id,
    channel: row.channel,
    direction: row.direction,
    occurredAt: row.occurred_at.toISOString(),
    durationMinutes: row.duration_minutes,
    subject: row.subject,
    body: row.body,
    outcome: row.outcome,
    participants,
    orderId: row.order_id,
    caseId: row.case_id,
    attachmentCount: row.attachment_count,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentAttachment(row: AttachmentRow) {
  return {
    id: row.id,
    ownerType: row.owner_type as 'interaction' | 'case',
    ownerId: row.owner_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by ? { id: row.uploaded_by, name: row.uploaded_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    url: `/api/attachments/${row.id}/content`,
  };
}
