/**
 * Data-protection requests about a record, for those allowed to answer them: the subject access export (a JSON
 * file) and, for a person, erasure, confirmed by typing their customer number.
 */
import { Alert, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDownload, IconEraser, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/formErrors.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import type { Party } from '../parties/partyTypes.ts';
import { downloadExport, useErase } from './recordHooks.ts';

export function PrivacyMenu({ party }: { party: Party }) {
  const { t } = useTranslation();
  const [erasing, { open, close }] = useDisclosure(false);
  const [exporting, setExporting] = useState(false);

  async function exportData() {
    setExporting(true);
    try {
      await downloadExport(party);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconShieldLock size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            loading={exporting}
            data-testid="privacy-menu"
          >
            {t('record.privacy.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void exportData()} data-testid="privacy-export">
            {t('record.privacy.export')}
          </Menu.Item>
          {party.kind === 'person' && !party.erasedAt && (
            <Menu.Item color="red" leftSection={<IconEraser size={14} aria-hidden />} onClick={open} data-testid="privacy-erase">
              {t('record.privacy.erase')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={erasing} onClose={close} title={t('record.privacy.eraseTitle', { name: party.displayName })} centered>
        {erasing && <EraseForm party={party} onDone={close} />}
      </Modal>
    </>
  );
}

function EraseForm({ party, onDone }: { party: Party; onDone: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const erase = useErase(party);
  const matches = typed.trim().toUpperCase() === party.customerNumber.toUpperCase();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!matches) return;
        erase.mutate(typed.trim(), {
          onSuccess: () => {
            notifySuccess(t('record.privacy.erased'));
            onDone();
          },
        });
      }}
    >
      <Stack gap="sm">
        <Alert color="red" variant="light">
          {t('record.privacy.eraseWarning')}
        </Alert>
        <Text size="sm">{t('record.privacy.eraseKept')}</Text>
        <TextInput
          label={t('record.privacy.confirmLabel', { number: party.customerNumber })}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
          data-testid="erase-confirm"
        />
        {erase.isError && (
          <Alert color="red" role="alert">
            {errorMessage(erase.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" disabled={!matches} loading={erase.isPending} data-testid="erase-submit">
            {t('record.privacy.eraseSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
