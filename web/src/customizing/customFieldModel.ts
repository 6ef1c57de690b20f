/** The pure rules of the custom field settings: drafts, their checks, the bodies sent, ordering. */
import { CUSTOM_FIELD_TYPES, keyFromLabel, type CustomFieldType } from '../../../src/modules/custom-fields/custom-field-values.ts';
import type { CreateCustomFieldOptions, UpdateCustomFieldOptions } from '../../../src/modules/custom-fields/custom-field-service.ts';
import { PARTY_KINDS, type CustomField, type PartyKind } from '../parties/partyTypes.ts';

/** CustomField, the shape GET /api/custom-fields presents, is defined once in partyTypes.ts for every page. */
export { CUSTOM_FIELD_TYPES, type CustomField, type CustomFieldType };

/** The kinds of record that have custom fields: both. */
export const CUSTOM_FIELD_ENTITIES = PARTY_KINDS;
export type CustomFieldEntity = PartyKind;

/** What the create and edit dialogs hold while the admin types. */
export interface CustomFieldDraft {
  label: string;
  key: string;
  /** False while the key still follows the label; true once the admin typed their own. */
  keyEdited: boolean;
  type: CustomFieldType;
  options: string[];
  purpose: string;
  sensitive: boolean;
}

/** The shape the API accepts for a key. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_LABEL_LENGTH = 80;
export const MAX_PURPOSE_LENGTH = 300;

export function isCustomFieldType(value: unknown): value is CustomFieldType {
  return typeof value === 'string' && (CUSTOM_FIELD_TYPES as readonly string[]).includes(value);
}

/** Whether fields of this type pick among listed options. */
export function hasOptions(type: CustomFieldType): boolean {
  return type === 'choice' || type === 'multi_choice';
}

/** The options as the server keeps them: trimmed, without blanks or repeats. */
export function cleanOptions(options: readonly string[]): string[] {
  return [...new Set(options.map((option) => option.trim()).filter((option) => option !== ''))];
}

export function emptyDraft(): CustomFieldDraft {
  return { label: '', key: '', keyEdited: false, type: 'text', options: [], purpose: '', sensitive: false };
}

export function draftOf(field: CustomField): CustomFieldDraft {
  const { label, key, type, options, purpose, sensitive } = field;
  return { label, key, keyEdited: true, type, options: [...options], purpose, sensitive };
}

/** A new label; the key follows it, as the server would derive it, until the admin edits the key. */
export function withLabel(draft: CustomFieldDraft, label: string): CustomFieldDraft {
  if (draft.keyEdited) return { ...draft, label };
  // No key to suggest for a blank label (the server refuses it anyway): the key field stays empty.
  return { ...draft, label, key: label.trim() === '' ? '' : keyFromLabel(label) };
}

export type DraftProblem = 'required' | 'keyShape' | 'twoOptions';

/** What is wrong with a draft before it is sent, by field; empty when it can be sent. */
export function draftProblems(draft: CustomFieldDraft): Partial<Record<'label' | 'key' | 'options' | 'purpose', DraftProblem>> {
  const problems: Partial<Record<'label' | 'key' | 'options' | 'purpose', DraftProblem>> = {};
  if (draft.label.trim() === '') problems.label = 'required';
  if (!KEY_PATTERN.test(draft.key)) problems.key = draft.key === '' ? 'required' : 'keyShape';
  if (hasOptions(draft.type) && cleanOptions(draft.options).length < 2) problems.options = 'twoOptions';
  if (draft.purpose.trim() === '') problems.purpose = 'required';
  return problems;
}

/** POST /api/custom-fields, which the server hands to createCustomField as is; the dialog sends every part. */
export type CreateCustomFieldBody = Required<CreateCustomFieldOptions>;

export function createBody(entity: CustomFieldEntity, draft: CustomFieldDraft): CreateCustomFieldBody {
  return {
    entity,
    label: draft.label.trim(),
    key: draft.key,
    type: draft.type,
    options: hasOptions(draft.type) ? cleanOptions(draft.options) : [],
    purpose: draft.purpose.trim(),
    sensitive: draft.sensitive,
  };
}

/** PATCH /api/custom-fields/:id, which the server hands to updateCustomField as is. */
export type UpdateCustomFieldBody = UpdateCustomFieldOptions;

/** Only what changed (the key and the type never do); null when nothing did. */
export function updateBody(field: CustomField, draft: CustomFieldDraft): UpdateCustomFieldBody | null {
  const body: UpdateCustomFieldBody = {};
  const label = draft.label.trim();
  const purpose = draft.purpose.trim();
  if (label !== field.label) body.label = label;
  if (purpose !== field.purpose) body.purpose = purpose;
  if (draft.sensitive !== field.sensitive) body.sensitive = draft.sensitive;
  if (hasOptions(field.type)) {
    const options = cleanOptions(draft.options);
    if (options.join('\u0000') !== field.options.join('\u0000')) body.options = options;
  }
  return Object.keys(body).length > 0 ? body : null;
}

/** Fields in the order records show them: by position, then label. */
export function sortFields(fields: readonly CustomField[]): CustomField[] {
  return [...fields].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
}

/**
 * Moves a field one step up (delta -1) or down (+1) past its visible neighbour, and returns the new positions
 * to save: every field is numbered 1, 2, 3… in the new order, and only those whose position changes are listed.
 * Fields that are not visible (archived ones, when hidden) keep their place relative to the others.
 */
export function moveField(
  fields: readonly CustomField[],
  id: string,
  delta: -1 | 1,
  isVisible: (field: CustomField) => boolean = () => true,
): { id: string; position: number }[] {
  const ordered = sortFields(fields);
  const visible = ordered.filter(isVisible);
  const from = visible.findIndex((field) => field.id === id);
  const neighbour = visible[from + delta];
  if (from < 0 || !neighbour) return [];
  const moving = visible[from]!;
  const rest = ordered.filter((field) => field.id !== id);
  const at = rest.indexOf(neighbour) + (delta > 0 ? 1 : 0);
  rest.splice(at, 0, moving);
  return rest.flatMap((field, index) => (field.position === index + 1 ? [] : [{ id: field.id, position: index + 1 }]));
}
