/** Pieces every form of the app repeats: the error above it, its Cancel/submit footer, a choice among fixed values. */
import { Alert, Button, Group, Select, type SelectProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './formErrors.ts';

/** The red alert above a form with the error's message; nothing while there is no error (null, undefined or false). */
export function FormErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined || error === false) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

export interface FormActionsProps {
  onCancel: () => void;
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
  /** The submit button's data-testid. */
  testId?: string;
}

/** The footer of a form: Cancel, then the submit button, at the right. */
export function FormActions({ onCancel, submitLabel, loading, disabled, testId }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled} data-testid={testId}>
        {submitLabel}
      </Button>
    </Group>
  );
}

export type OptionSelectProps<T extends string> = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'allowDeselect'> & {
  options: readonly T[];
  /** The text shown for an option, usually its translation. */
  optionLabel: (option: T) => string;
  value: T;
  onChange: (value: T) => void;
};

/** A required choice among fixed values; it cannot be emptied. */
export function OptionSelect<T extends string>({ options, optionLabel, value, onChange, ...props }: OptionSelectProps<T>) {
  return (
    <Select
      {...props}
      data={options.map((option) => ({ value: option, label: optionLabel(option) }))}
      value={value}
      onChange={(next) => next && onChange(next as T)}
      allowDeselect={false}
    />
  );
}
