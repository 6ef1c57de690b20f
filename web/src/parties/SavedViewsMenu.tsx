/**
 * Saved views of a list: apply one of mine or one shared with me, save the current list as a new view, and
 * change (save over, rename, share) or delete a view I own.
 */
import { Alert, Badge, Button, Group, Menu, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconChevronDown, IconDeviceFloppy, IconLayoutList, IconPencil, IconPlus, IconRestore, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { useCreateView, useDeleteView, useSavedViews, useUpdateView } from './partyHooks.ts';
import { differsFromView, searchFromView, viewFromSearch, type PartyListSearch } from './partyListModel.ts';
import { DEFAULT_COLUMNS } from './partyColumns.ts';
import type { PartyKind, SavedView } from './partyTypes.ts';

export interface SavedViewsMenuProps {
  kind: PartyKind;
  search: PartyListSearch;
  canSave: boolean;
  onApply: (search: PartyListSearch) => void;
}

type Dialog = { mode: 'create' } | { mode: 'edit'; view: SavedView } | { mode: 'delete'; view: SavedView } | null;

export function SavedViewsMenu({ kind, search, canSave, onApply }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const views = useSavedViews(kind);
  const update = useUpdateView(kind);
  const [dialog, setDialog] = useState<Dialog>(null);
  const all = views.data ?? [];
  const mine = all.filter((v) => v.mine);
  const shared = all.filter((v) => !v.mine);
  const current = all.find((v) => v.id === search.view);
  const modified = current ? differsFromView(search, current, DEFAULT_COLUMNS[kind]) : false;

  function saveOver(view: SavedView) {
    update.mutate(
      { id: view.id, ...viewFromSearch(search) },
      { onSuccess: (saved) => notifySuccess(t('parties.views.saved', { name: saved.name })), onError: notifyError },
    );
  }

  const item = (view: SavedView) => (
    <Menu.Item
      key={view.id}
      onClick={() => onApply(searchFromView(view))}
      leftSection={view.id === current?.id ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />}
      rightSection={
        view.mine && view.shared ? (
          <Badge size="xs" variant="light" leftSection={<IconUsers size={10} aria-hidden />}>
            {t('parties.views.sharedBadge')}
          </Badge>
        ) : undefined
      }
      data-testid="view-item"
    >
      <Text size="sm" truncate="end" maw={220}>
        {view.name}
      </Text>
      {!view.mine && (
        <Text size="xs" c="dimmed" truncate="end" maw={220}>
          {t('parties.views.sharedBy', { name: view.owner.name ?? t('parties.views.someone') })}
        </Text>
      )}
    </Menu.Item>
  );

  return (
    <>
      <Menu position="bottom-start" shadow="md" width={300}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconLayoutList size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            aria-label={t('parties.views.menu')}
            data-testid="views-button"
          >
            <Group gap={6} wrap="nowrap">
              <Text span size="sm" fw={500} truncate="end" maw={200}>
                {current ? current.name : t('parties.views.button')}
              </Text>
              {modified && (
                <Badge size="xs" color="orange" variant="light" data-testid="view-modified">
                  {t('parties.views.modified')}
                </Badge>
              )}
            </Group>
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="views-menu">
          <Menu.Item leftSection={<IconRestore size={14} aria-hidden />} onClick={() => onApply({})}>
            {t('parties.views.defaultView')}
          </Menu.Item>
          <Menu.Label>{t('parties.views.mine')}</Menu.Label>
          {mine.length === 0 && (
            <Text size="xs" c="dimmed" px="sm" pb={4}>
              {t('parties.views.none')}
            </Text>
          )}
          {mine.map(item)}
          {shared.length > 0 && <Menu.Label>{t('parties.views.shared')}</Menu.Label>}
          {shared.map(item)}
          {canSave && (
            <>
              <Menu.Divider />
              {current?.mine && modified && (
                <Menu.Item leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => saveOver(current)} data-testid="view-update">
                  {t('parties.views.update')}
                </Menu.Item>
              )}
              <Menu.Item leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog({ mode: 'create' })} data-testid="view-save-as">
                {t('parties.views.saveAs')}
              </Menu.Item>
              {current?.mine && (
                <>
                  <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setDialog({ mode: 'edit', view: current })} data-testid="view-edit">
                    {t('parties.views.edit')}
                  </Menu.Item>
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => setDialog({ mode: 'delete', view: current })}
                    data-testid="view-delete"
                  >
                    {t('parties.views.delete')}
                  </Menu.Item>
                </>
              )}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {(dialog?.mode === 'create' || dialog?.mode === 'edit') && (
        <ViewDialog kind={kind} search={search} view={dialog.mode === 'edit' ? dialog.view : undefined} onApply={onApply} onClose={() => setDialog(null)} />
      )}
      {dialog?.mode === 'delete' && (
        <DeleteViewDialog kind={kind} view={dialog.view} onDeleted={() => onApply({ ...search, view: undefined })} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

interface ViewDialogProps {
  kind: PartyKind;
  search: PartyListSearch;
  /** The view to rename or share; none to save the list as a new view. */
  view?: SavedView;
  onApply: (search: PartyListSearch) => void;
  onClose: () => void;
}

function ViewDialog({ kind, search, view, onApply, onClose }: ViewDialogProps) {
  const { t } = useTranslation();
  const create = useCreateView(kind);
  const update = useUpdateView(kind);
  const mutation = view ? update : create;
  const [name, setName] = useState(view?.name ?? '');
  const [shared, setShared] = useState(view?.shared ?? false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const done = (saved: SavedView) => {
      notifySuccess(t('parties.views.saved', { name: saved.name }));
      onApply({ ...search, view: saved.id });
      onClose();
    };
    if (view) update.mutate({ id: view.id, name: name.trim(), shared }, { onSuccess: done });
    else create.mutate({ name: name.trim(), shared, ...viewFromSearch(search) }, { onSuccess: done });
  }

  return (
    <Modal opened onClose={onClose} title={view ? t('parties.views.editTitle') : t('parties.views.newTitle')} centered>
      <form onSubmit={submit} data-testid="view-form">
        <Stack>
          {mutation.error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <TextInput
            label={t('parties.views.name')}
            placeholder={t('parties.views.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(mutation.error, 'name')}
            required
            maxLength={80}
            data-autofocus
            data-testid="view-name"
          />
          <Switch
            label={t('parties.views.shareToggle')}
            description={t('parties.views.shareHint')}
            checked={shared}
            onChange={(e) => setShared(e.currentTarget.checked)}
            data-testid="view-shared"
          />
          {!view && (
            <Text size="sm" c="dimmed">
              {t('parties.views.summary')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="view-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteViewDialog({ kind, view, onDeleted, onClose }: { kind: PartyKind; view: SavedView; onDeleted: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteView(kind);
  const finish = onClose;
  return (
    <Modal opened onClose={finish} title={t('parties.views.deleteTitle', { name: view.name })} centered>
      <Text size="sm">{t('parties.views.deleteMessage')}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={finish}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(view.id, {
              onSuccess: () => {
                notifySuccess(t('parties.views.deleted'));
                onDeleted();
                finish();
              },
              onError: notifyError,
            })
          }
          data-testid="view-delete-confirm"
        >
          {t('parties.views.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
