/**
 * The inputs of a custom field, shared by the create dialog (everything) and the edit dialog (the key and the
 * type stay as they are). The purpose is required: data protection asks to collect only what serves a stated
 * purpose, and the form says so where the admin types it.
 */
import { Alert, Button, Group, Select, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import {
  CUSTOM_FIELD_TYPES,
  draftProblems,
  hasOptions,
  isCustomFieldType,
  MAX_LABEL_LENGTH,
  MAX_PURPOSE_LENGTH,
  withLabel,
  type CustomFieldDraft,
} from './customFieldModel.ts';

export interface CustomFieldFormProps {
  mode: 'create' | 'edit';
  initialDraft: CustomFieldDraft;
  submitting: boolean;
  error: unknown;
  onSubmit: (draft: CustomFieldDraft) => void;
  onCancel: () => void;
}

export function CustomFieldForm({ mode, initialDraft, submitting, error, onSubmit, onCancel }: CustomFieldFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initialDraft);
  // Problems show once the admin tried to submit, not while they type the first letters.
  const [tried, setTried] = useState(false);
  const problems = tried ? draftProblems(draft) : {};
  const problem = (field: keyof typeof problems) => {
    const code = problems[field];
    return code ? t(`customizing.fields.problems.${code}`) : fieldError(error, field);
  };
  const creating = mode === 'create';

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.keys(draftProblems(draft)).length === 0) onSubmit(draft);
  }

  return (
    <form onSubmit={submit} noValidate data-testid={`custom-field-form-${mode}`}>
      <Stack>
        {error !== null && error !== undefined && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <TextInput
          label={t('customizing.fields.form.label')}
          required
          maxLength={MAX_LABEL_LENGTH}
          value={draft.label}
          onChange={(event) => setDraft(withLabel(draft, event.currentTarget.value))}
          error={problem('label')}
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('customizing.fields.form.key')}
            required={creating}
            disabled={!creating}
            description={creating ? t('customizing.fields.form.keyHint') : undefined}
            value={draft.key}
            onChange={(event) => setDraft({ ...draft, key: event.currentTarget.value, keyEdited: true })}
            error={problem('key')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Select
            label={t('customizing.fields.form.type')}
            required={creating}
            disabled={!creating}
            data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`customizing.fields.types.${type}`) }))}
            value={draft.type}
            onChange={(type) => isCustomFieldType(type) && setDraft({ ...draft, type })}
            allowDeselect={false}
            error={fieldError(error, 'type')}
          />
        </Group>
        {!creating && (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />} p="xs">
            {t('customizing.fields.form.keyFixed')}
          </Alert>
        )}
        {hasOptions(draft.type) && (
          <TagsInput
            label={t('customizing.fields.form.options')}
            description={t('customizing.fields.form.optionsHint')}
            placeholder={t('customizing.fields.form.optionsPlaceholder')}
            required
            value={draft.options}
            onChange={(options) => setDraft({ ...draft, options })}
            // A comma may belong to a choice ("1,5 m"): only Enter or a semicolon ends one.
            splitChars={[';']}
            acceptValueOnBlur
            withPillsReorder
            clearable
            error={problem('options')}
          />
        )}
        <Textarea
          label={t('customizing.fields.form.purpose')}
          description={t('customizing.fields.form.purposeHint')}
          placeholder={t('customizing.fields.form.purposePlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={MAX_PURPOSE_LENGTH}
          value={draft.purpose}
          onChange={(event) => setDraft({ ...draft, purpose: event.currentTarget.value })}
          error={problem('purpose')}
        />
        <Switch
          label={t('customizing.fields.form.sensitive')}
          description={t('customizing.fields.form.sensitiveHint')}
          checked={draft.sensitive}
          onChange={(event) => setDraft({ ...draft, sensitive: event.currentTarget.checked })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {creating ? t('customizing.fields.form.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
