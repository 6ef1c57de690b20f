/**
 * Inline fields by kind of value: text, choice, several choices, free tags, number, day, long text. The label
 * above the value names the input too (as its accessible name), so it is not repeated inside the editor.
 */
import { Badge, Group, MultiSelect, NumberInput, Select, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineField } from './InlineField.tsx';
import { numberOrNull, textOrNull, type PartyChanges } from './recordModel.ts';

interface BaseProps {
  /** The API's name of the field (`firstName`, `custom.size`). */
  name: string;
  label: string;
  help?: ReactNode;
  sensitive?: boolean;
  readOnly?: boolean;
  /** Builds the change from the new value; by default `{ [name]: value }`. */
  toChanges?: (value: never) => PartyChanges;
}

function changesFor<V>(props: BaseProps, value: V): PartyChanges {
  return props.toChanges ? props.toChanges(value as never) : ({ [props.name]: value } as PartyChanges);
}

/** What every kind of field hands to InlineField unchanged. */
function inlineProps({ name, label, help, sensitive, readOnly }: BaseProps) {
  return { name, label, help, sensitive, readOnly };
}

export interface TextFieldProps extends BaseProps {
  value: string | null;
  display?: ReactNode;
  type?: 'text' | 'date' | 'url' | 'email';
  /** Something to say about the draft while typing (a NAF section, a formatted SIRET). */
  hint?: (draft: string) => ReactNode;
  /** Required fields send '' as is (and the API refuses it); others send null. */
  required?: boolean;
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const { value, display, type = 'text', hint, required, placeholder } = props;
  return (
    <InlineField<string>
      {...inlineProps(props)}
      display={display ?? value}
      start={() => value ?? ''}
      toChanges={(draft) => changesFor(props, required ? draft.trim() : textOrNull(draft))}
      editor={({ draft, setDraft, label, error }) => (
        <TextInput
          aria-label={label}
          type={type}
          value={draft}
          required={required}
          placeholder={placeholder}
          onChange={(event) => setDraft(event.currentTarget.value)}
          description={hint?.(draft)}
          error={error()}
        />
      )}
    />
  );
}

export function LongTextField(props: BaseProps & { value: string | null }) {
  const { t } = useTranslation();
  return (
    <InlineField<string>
      {...inlineProps(props)}
      multiline
      fullWidth
      display={props.value ? <span style={{ whiteSpace: 'pre-wrap' }}>{props.value}</span> : null}
      start={() => props.value ?? ''}
      toChanges={(draft) => changesFor(props, textOrNull(draft))}
      editor={({ draft, setDraft, label, error }) => (
        <Textarea
          aria-label={label}
          value={draft}
          autosize
          minRows={3}
          maxRows={12}
          description={t('record.edit.multilineHint')}
          onChange={(event) => setDraft(event.currentTarget.value)}
          error={error()}
        />
      )}
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: BaseProps & { value: string | null; options: Option[]; display?: ReactNode; clearable?: boolean; searchable?: boolean }) {
  const { value, options, clearable = true, searchable } = props;
  return (
    <InlineField<string | null>
      {...inlineProps(props)}
      display={props.display ?? options.find((o) => o.value === value)?.label ?? value}
      start={() => value}
      toChanges={(draft) => changesFor(props, draft)}
      editor={({ draft, setDraft, label, error }) => (
        <Select
          aria-label={label}
          data={options}
          value={draft}
          onChange={setDraft}
          clearable={clearable}
          searchable={searchable}
          comboboxProps={{ withinPortal: true }}
          error={error()}
        />
      )}
    />
  );
}

export function MultiSelectField(props: BaseProps & { value: string[]; options: Option[]; display?: ReactNode }) {
  const { value, options } = props;
  return (
    <InlineField<string[]>
      {...inlineProps(props)}
      display={props.display ?? value.map((v) => options.find((o) => o.value === v)?.label ?? v).join(', ')}
      start={() => value}
      toChanges={(draft) => changesFor(props, draft)}
      editor={({ draft, setDraft, label, error }) => (
        <MultiSelect aria-label={label} data={options} value={draft} onChange={setDraft} clearable error={error()} />
      )}
    />
  );
}

export function TagsField(props: BaseProps & { value: string[]; display?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <InlineField<string[]>
      {...inlineProps(props)}
      display={
        props.display ??
        (props.value.length === 0 ? null : (
          <Group gap={4}>
            {props.value.map((tag) => (
              <Badge key={tag} variant="light" color="gray" radius="sm" tt="none" fw={500}>
                {tag}
              </Badge>
            ))}
          </Group>
        ))
      }
      start={() => props.value}
      toChanges={(draft) => changesFor(props, draft)}
      editor={({ draft, setDraft, label, error }) => (
        <TagsInput aria-label={label} value={draft} onChange={setDraft} clearable description={t('record.edit.tagsHint')} error={error()} />
      )}
    />
  );
}

export function NumberField(
  props: BaseProps & { value: number | null; display?: ReactNode; min?: number; max?: number; decimals?: number; suffix?: string },
) {
  const { i18n } = useTranslation();
  const french = i18n.language.startsWith('fr');
  return (
    <InlineField<string | number>
      {...inlineProps(props)}
      display={props.display ?? (props.value === null ? null : String(props.value))}
      start={() => props.value ?? ''}
      toChanges={(draft) => changesFor(props, numberOrNull(draft))}
      editor={({ draft, setDraft, label, error }) => (
        <NumberInput
          aria-label={label}
          value={draft}
          onChange={setDraft}
          min={props.min}
          max={props.max}
          decimalScale={props.decimals ?? 0}
          suffix={props.suffix}
          thousandSeparator={french ? '\u202f' : ','}
          decimalSeparator={french ? ',' : '.'}
          allowDecimal={(props.decimals ?? 0) > 0}
          error={error()}
        />
      )}
    />
  );
}

export function SwitchField(props: BaseProps & { value: boolean | null }) {
  const { t } = useTranslation();
  return (
    <InlineField<boolean>
      {...inlineProps(props)}
      display={props.value === null ? null : props.value ? t('common.yes') : t('common.no')}
      start={() => props.value ?? false}
      toChanges={(draft) => changesFor(props, draft)}
      editor={({ draft, setDraft, label, error }) => (
        <Switch label={label} checked={draft} onChange={(event) => setDraft(event.currentTarget.checked)} error={error()} />
      )}
    />
  );
}
