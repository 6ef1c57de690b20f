/**
 * Creating a person or an organisation from the list: a short form (identity, contact, address, relationship);
 * the server checks the formats (phone, postcode, SIRET, NAF) and its refusals show under the fields concerned.
 * Once created, the record opens.
 */
import { Alert, Button, Divider, Grid, Group, Modal, MultiSelect, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { referenceOptions } from './partyFormat.ts';
import { EMPTY_PARTY_FORM, formIssues, partyBody, type PartyFormValues } from './partyFormModel.ts';
import { useCreateParty } from './partyHooks.ts';
import { DuplicateWarning, useDuplicateWarning } from '../duplicates/DuplicateWarning.tsx';
import { worthChecking } from '../duplicates/duplicateModel.ts';
import { PARTY_PATHS, PARTY_ROLES, type PartyKind, type PartyRole } from './partyTypes.ts';

export function PartyCreateButton({ kind }: { kind: PartyKind }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open} data-testid="party-create">
        {t(`parties.create.button.${kind}`)}
      </Button>
      {opened && <PartyCreateDialog kind={kind} onClose={close} />}
    </>
  );
}

type TextField = 'firstName' | 'lastName' | 'legalName' | 'tradeName' | 'siret' | 'nafCode' | 'website' | 'email' | 'phone' | 'line1' | 'postcode' | 'city';

function PartyCreateDialog({ kind, onClose }: { kind: PartyKind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateParty(kind);
  const [values, setValues] = useState<PartyFormValues>(EMPTY_PARTY_FORM);
  const issues = formIssues(create.error);
  const set = <K extends keyof PartyFormValues>(key: K, value: PartyFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: TextField, extra: { required?: boolean; type?: string; description?: string; autofocus?: boolean } = {}) => (
    <TextInput
      label={t(`parties.create.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={issues[key]}
      required={extra.required}
      type={extra.type}
      description={extra.description}
      data-autofocus={extra.autofocus || undefined}
      data-testid={`create-${key}`}
    />
  );

  const duplicates = useDuplicateWarning(kind, partyBody(kind, values), worthChecking(kind, values));

  // A likely duplicate holds the creation until the user chooses "Create anyway" in the warning.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!(await duplicates.holdsCreation())) createRecord();
  }

  function createRecord() {
    create.mutate(partyBody(kind, values), {
      onSuccess: (party) => {
        notifySuccess(t('parties.create.created', { name: party.displayName }));
        onClose();
        void navigate({ to: PARTY_PATHS[kind].record, params: { id: party.id } });
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={t(`parties.create.title.${kind}`)} size="lg">
      <form onSubmit={(event) => void submit(event)} data-testid="party-create-form">
        <Stack gap="sm">
          {create.error !== null && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('parties.create.failed')} role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <DuplicateWarning warning={duplicates} onCreateAnyway={createRecord} creating={create.isPending} />
          <Divider label={t('parties.create.identity')} labelPosition="left" />
          {kind === 'person' ? (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <Select
                  label={t('parties.create.civility')}
                  data={referenceOptions('civility', i18n.language)}
                  value={values.civility}
                  onChange={(v) => set('civility', v)}
                  clearable
                  error={issues.civility}
                  data-testid="create-civility"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>{text('firstName', { autofocus: true })}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 5 }}>{text('lastName', { required: true })}</Grid.Col>
            </Grid>
          ) : (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>{text('legalName', { required: true, autofocus: true })}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{text('tradeName')}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{text('siret')}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{text('nafCode', { description: t('parties.create.nafCodeHint') })}</Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('parties.create.headcountBand')}
                  data={referenceOptions('headcountBand', i18n.language)}
                  value={values.headcountBand}
                  onChange={(v) => set('headcountBand', v)}
                  clearable
                  error={issues.headcountBand}
                  data-testid="create-headcountBand"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>{text('website', { type: 'url' })}</Grid.Col>
            </Grid>
          )}
          <Divider label={t('parties.create.contact')} labelPosition="left" mt="xs" />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 7 }}>{text('email', { type: 'email' })}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>{text('phone', { type: 'tel' })}</Grid.Col>
            <Grid.Col span={12}>{text('line1')}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>{text('postcode')}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>{text('city')}</Grid.Col>
          </Grid>
          <Divider label={t('parties.create.relationship')} labelPosition="left" mt="xs" />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                label={t('parties.create.roles')}
                data={PARTY_ROLES.map((role) => ({ value: role, label: t(`parties.roles.${role}`) }))}
                value={values.roles}
                onChange={(roles) => set('roles', roles as PartyRole[])}
                error={issues.roles}
                data-testid="create-roles"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TagsInput
                label={t('parties.create.tags')}
                description={t('parties.create.tagsHint')}
                value={values.tags}
                onChange={(tags) => set('tags', tags)}
                error={issues.tags}
                data-testid="create-tags"
              />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="create-submit">
              {t('parties.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
