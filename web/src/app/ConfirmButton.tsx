/** A button that asks "are you sure?" in a dialog before doing something that is hard to take back. */
import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  /** Text of the button and of the dialog's confirm button. */
  label: string;
  /** Accessible name of the button when its label alone is ambiguous, e.g. in a table row. */
  ariaLabel?: string;
  title: string;
  message: ReactNode;
  onConfirm: () => Promise<unknown>;
  leftSection?: ReactNode;
}

export function ConfirmButton({ label, ariaLabel, title, message, onConfirm, color = 'red', ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, { open: start, close: stop }] = useDisclosure(false);

  async function confirm() {
    start();
    try {
      await onConfirm();
      close();
    } catch {
      // The caller reports the failure; the dialog stays open so the user can try again or cancel.
    } finally {
      stop();
    }
  }

  return (
    <>
      <Button color={color} aria-label={ariaLabel} onClick={open} {...buttonProps}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={busy} onClick={() => void confirm()}>
            {label}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
