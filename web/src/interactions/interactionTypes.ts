/** Interactions and attachments as the API returns them. */
import type { AttachmentOwnerType, InteractionChannel, InteractionDirection } from '../../../src/shared/interactions/interaction-reference.ts';

export type { AttachmentOwnerType, InteractionChannel, InteractionDirection };

export type Participant =
  | { type: 'user'; userId: string; name: string }
  | { type: 'contact'; partyId: string; displayName: string; kind: 'person' | 'organisation'; customerNumber: string };

export interface Interaction {
  id: string;
  channel: InteractionChannel;
  direction: InteractionDirection;
  occurredAt: string;
  durationMinutes: number | null;
  subject: string;
  body: string | null;
  outcome: string | null;
  participants: Participant[];
  orderId: string | null;
  caseId: string | null;
  attachmentCount: number;
  createdBy: { id: string; name: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Attachment {
  id: string;
  ownerType: AttachmentOwnerType;
  ownerId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: string; name: string } | null;
  createdAt: string;
  url: string;
}
