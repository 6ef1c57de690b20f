/** Emails, phones and addresses of a record: each list edited in place as a whole, the first entry primary. */
import { Anchor, Checkbox, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ADDRESS_TYPES, EMAIL_TYPES, PHONE_TYPES } from './recordLists.ts';
import { checkFrenchPostcode } from '../../../src/shared/contact/postcode.ts';
import { formatPhone, normalisePhone } from '../../../src/shared/contact/phone.ts';
import type { Party } from '../parties/partyTypes.ts';
import { ContactBadges, ContactListEditor } from './ContactListEditor.tsx';
import { InlineField } from './InlineField.tsx';
import { Section } from './Section.tsx';

type EmailDraft = { email: string; type: string; valid: boolean };
type PhoneDraft = { phone: string; type: string; valid: boolean };
type AddressDraft = { type: string; line1: string; line2: string; postcode: string; city: string; country: string; valid: boolean };

export function ContactSection({ party }: { party: Party }) {
  const { t } = useTranslation();
  return (
    <Section title={t('record.sections.contact')} testId="contact-section">
      <Stack component="dl" gap="lg" m={0}>
        <Emails party={party} />
        <Phones party={party} />
        <Addresses party={party} />
      </Stack>
    </Section>
  );
}

function Emails({ party }: { party: Party }) {
  const { t } = useTranslation();
  const typeOptions = EMAIL_TYPES.map((type) => ({ value: type, label: t(`record.emailTypes.${type}`) }));
  return (
    <InlineField<EmailDraft[]>
      name="emails"
      label={t('record.fields.emails')}
      display={
        party.emails.length === 0 ? null : (
          <Stack gap={4}>
            {party.emails.map((e, i) => (
              <Group key={`${e.email}-${i}`} gap="xs" wrap="nowrap">
                <Anchor href={`mailto:${e.email}`} size="sm" td={e.valid ? undefined : 'line-through'}>
                  {e.email}
                </Anchor>
                <ContactBadges primary={i === 0} type={e.type} valid={e.valid} typeLabel={t(`record.emailTypes.${e.type as 'personal'}`)} />
              </Group>
            ))}
          </Stack>
        )
      }
      start={() => party.emails.map(({ email, type, valid }) => ({ email, type, valid }))}
      toChanges={(draft) => ({
        emails: draft
          .filter((e) => e.email.trim() !== '')
          .map((e) => ({ email: e.email.trim(), type: e.type as (typeof EMAIL_TYPES)[number], valid: e.valid })),
      })}
      editor={({ draft, setDraft, error }) => (
        <ContactListEditor
          items={draft}
          onChange={setDraft}
          blank={() => ({ email: '', type: 'personal', valid: true })}
          addLabel={t('record.contact.addEmail')}
          rowLabel={(i) => t('record.contact.emailN', { n: i + 1 })}
          error={error('emails')}
          renderRow={(item, i, update) => (
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                aria-label={t('record.contact.emailN', { n: i + 1 })}
                placeholder="nom@exemple.fr"
                type="email"
                value={item.email}
                onChange={(event) => update({ email: event.currentTarget.value })}
                error={error(`emails[${i}].email`)}
                style={{ flex: '1 1 220px' }}
              />
              <Select aria-label={t('record.contact.type')} data={typeOptions} value={item.type} onChange={(v) => v && update({ type: v })} w={140} allowDeselect={false} />
              <Checkbox label={t('record.contact.valid')} checked={item.valid} onChange={(event) => update({ valid: event.currentTarget.checked })} mt={8} />
            </Group>
          )}
        />
      )}
    />
  );
}

function Phones({ party }: { party: Party }) {
  const { t } = useTranslation();
  const typeOptions = PHONE_TYPES.map((type) => ({ value: type, label: t(`record.phoneTypes.${type}`) }));
  return (
    <InlineField<PhoneDraft[]>
      name="phones"
      label={t('record.fields.phones')}
      display={
        party.phones.length === 0 ? null : (
          <Stack gap={4}>
            {party.phones.map((p, i) => (
              <Group key={`${p.phone}-${i}`} gap="xs" wrap="nowrap">
                <Anchor href={`tel:${p.phone}`} size="sm" td={p.valid ? undefined : 'line-through'}>
                  {formatPhone(p.phone, p.phone.startsWith('+33') ? 'national' : 'international')}
                </Anchor>
                <ContactBadges primary={i === 0} type={p.type} valid={p.valid} typeLabel={t(`record.phoneTypes.${p.type as 'mobile'}`)} />
              </Group>
            ))}
          </Stack>
        )
      }
      start={() => party.phones.map(({ phone, type, valid }) => ({ phone: formatPhone(phone, 'national'), type, valid }))}
      toChanges={(draft) => ({
        phones: draft
          .filter((p) => p.phone.trim() !== '')
          .map((p) => ({ phone: p.phone.trim(), type: p.type as (typeof PHONE_TYPES)[number], valid: p.valid })),
      })}
      editor={({ draft, setDraft, error }) => (
        <ContactListEditor
          items={draft}
          onChange={setDraft}
          blank={() => ({ phone: '', type: 'mobile', valid: true })}
          addLabel={t('record.contact.addPhone')}
          rowLabel={(i) => t('record.contact.phoneN', { n: i + 1 })}
          error={error('phones')}
          renderRow={(item, i, update) => {
            const read = item.phone.trim() ? normalisePhone(item.phone) : null;
            return (
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  aria-label={t('record.contact.phoneN', { n: i + 1 })}
                  placeholder="06 12 34 56 78"
                  type="tel"
                  value={item.phone}
                  onChange={(event) => update({ phone: event.currentTarget.value })}
                  description={read?.ok ? formatPhone(read.e164, 'international') : undefined}
                  error={error(`phones[${i}].phone`)}
                  style={{ flex: '1 1 200px' }}
                />
                <Select aria-label={t('record.contact.type')} data={typeOptions} value={item.type} onChange={(v) => v && update({ type: v })} w={140} allowDeselect={false} />
                <Checkbox label={t('record.contact.valid')} checked={item.valid} onChange={(event) => update({ valid: event.currentTarget.checked })} mt={8} />
              </Group>
            );
          }}
        />
      )}
    />
  );
}

function Addresses({ party }: { party: Party }) {
  const { t } = useTranslation();
  const typeOptions = ADDRESS_TYPES.map((type) => ({ value: type, label: t(`record.addressTypes.${type}`) }));
  return (
    <InlineField<AddressDraft[]>
      name="addresses"
      label={t('record.fields.addresses')}
      display={
        party.addresses.length === 0 ? null : (
          <Stack gap="xs">
            {party.addresses.map((a, i) => (
              <div key={i}>
                <ContactBadges primary={i === 0} type={a.type} valid={a.valid} typeLabel={t(`record.addressTypes.${a.type as 'home'}`)} />
                <Text size="sm" td={a.valid ? undefined : 'line-through'} mt={2}>
                  {a.line1}
                  {a.line2 && <br />}
                  {a.line2}
                  <br />
                  {[a.postcode, a.city].filter(Boolean).join(' ')}
                  {a.country !== 'FR' && ` (${a.country})`}
                </Text>
                {a.departement && (
                  <Text size="xs" c="dimmed">
                    {[a.departement.name, a.region?.name].filter(Boolean).join(', ')}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )
      }
      start={() =>
        party.addresses.map((a) => ({ type: a.type, line1: a.line1, line2: a.line2 ?? '', postcode: a.postcode ?? '', city: a.city, country: a.country, valid: a.valid }))
      }
      toChanges={(draft) => ({
        addresses: draft
          .filter((a) => [a.line1, a.line2, a.postcode, a.city].some((v) => v.trim() !== ''))
          .map((a) => ({
            type: a.type as (typeof ADDRESS_TYPES)[number],
            line1: a.line1.trim(),
            line2: a.line2.trim() || null,
            postcode: a.postcode.trim() || null,
            city: a.city.trim(),
            country: a.country.trim().toUpperCase() || 'FR',
            valid: a.valid,
          })),
      })}
      editor={({ draft, setDraft, error }) => (
        <ContactListEditor
          items={draft}
          onChange={setDraft}
          blank={() => ({ type: 'home', line1: '', line2: '', postcode: '', city: '', country: 'FR', valid: true })}
          addLabel={t('record.contact.addAddress')}
          rowLabel={(i) => t('record.contact.addressN', { n: i + 1 })}
          error={error('addresses')}
          renderRow={(item, i, update) => {
            const place = item.country.toUpperCase() === 'FR' && item.postcode.trim() ? checkFrenchPostcode(item.postcode) : null;
            return (
              <Grid gap="xs">
                <Grid.Col span={{ base: 12, xs: 6 }}>
                  <Select label={t('record.contact.type')} data={typeOptions} value={item.type} onChange={(v) => v && update({ type: v })} allowDeselect={false} size="xs" />
                </Grid.Col>
                <Grid.Col span={{ base: 12, xs: 6 }}>
                  <Checkbox label={t('record.contact.valid')} checked={item.valid} onChange={(event) => update({ valid: event.currentTarget.checked })} mt={28} size="xs" />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput size="xs" label={t('record.address.line1')} value={item.line1} onChange={(e) => update({ line1: e.currentTarget.value })} error={error(`addresses[${i}].line1`)} />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput size="xs" label={t('record.address.line2')} value={item.line2} onChange={(e) => update({ line2: e.currentTarget.value })} />
                </Grid.Col>
                <Grid.Col span={{ base: 5, xs: 3 }}>
                  <TextInput
                    size="xs"
                    label={t('record.address.postcode')}
                    value={item.postcode}
                    onChange={(e) => update({ postcode: e.currentTarget.value })}
                    description={place?.ok ? place.departement.name : undefined}
                    error={error(`addresses[${i}].postcode`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 7, xs: 6 }}>
                  <TextInput size="xs" label={t('record.address.city')} value={item.city} onChange={(e) => update({ city: e.currentTarget.value })} error={error(`addresses[${i}].city`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, xs: 3 }}>
                  <TextInput
                    size="xs"
                    label={t('record.address.country')}
                    value={item.country}
                    maxLength={2}
                    onChange={(e) => update({ country: e.currentTarget.value.toUpperCase() })}
                    error={error(`addresses[${i}].country`)}
                  />
                </Grid.Col>
              </Grid>
            );
          }}
        />
      )}
    />
  );
}
