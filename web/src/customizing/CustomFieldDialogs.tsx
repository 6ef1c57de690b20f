/** The dialogs that create a custom field and change one. */
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../app/notify.ts';
import { useCreateCustomField, useUpdateCustomField } from './customFieldHooks.ts';
import { createBody, draftOf, emptyDraft, updateBody, type CustomField, type CustomFieldEntity } from './customFieldModel.ts';
import { CustomFieldForm } from './CustomFieldForm.tsx';

/** A button opening the form of a new field of `entity`. */
export function CreateCustomFieldButton({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const create = useCreateCustomField();

  function finish() {
    close();
    create.reset();
  }

  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} data-testid={`custom-field-new-${entity}`}>
        {t('customizing.fields.new')}
      </Button>
      <Modal opened={opened} onClose={finish} title={t(`customizing.fields.newTitles.${entity}`)} size="lg">
        <CustomFieldForm
          mode="create"
          initialDraft={emptyDraft()}
          submitting={create.isPending}
          error={create.error}
          onCancel={finish}
          onSubmit={(draft) =>
            create.mutate(createBody(entity, draft), {
              onSuccess: (field) => {
                notifySuccess(t('customizing.fields.created', { label: field.label }));
                finish();
              },
            })
          }
        />
      </Modal>
    </>
  );
}

/** The edit form of `field` in a dialog, open while `field` is not null. */
export function EditCustomFieldDialog({ field, onClose }: { field: CustomField | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCustomField();

  function finish() {
    onClose();
    update.reset();
  }

  return (
    <Modal opened={field !== null} onClose={finish} title={field ? t('customizing.fields.editTitle', { label: field.label }) : ''} size="lg">
      {field && (
        <CustomFieldForm
          key={field.id}
          mode="edit"
          initialDraft={draftOf(field)}
          submitting={update.isPending}
          error={update.error}
          onCancel={finish}
          onSubmit={(draft) => {
            const changes = updateBody(field, draft);
            if (!changes) return finish();
            update.mutate(
              { id: field.id, ...changes },
              {
                onSuccess: (saved) => {
                  notifySuccess(t('customizing.fields.saved', { label: saved.label }));
                  finish();
                },
              },
            );
          }}
        />
      )}
    </Modal>
  );
}
