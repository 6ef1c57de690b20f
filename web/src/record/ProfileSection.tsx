/** The profile of a person or an organisation, every field editable in place. */
import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, CIVILITY_CODES, GENDERS, PAYMENT_METHODS } from './recordLists.ts';
import { checkSiren, checkSiret, formatSiren, formatSiret } from '../../../src/shared/identifiers/siren.ts';
import { nafSectionOfCode } from '../../../src/shared/identifiers/naf.ts';
import { FAMILY_SITUATIONS, CIVILITIES } from '../../../src/shared/reference/person.ts';
import { HEADCOUNT_BANDS, SOCIO_PROFESSIONAL_GROUPS } from '../../../src/shared/reference/insee.ts';
import type { Party } from '../parties/partyTypes.ts';
import { LongTextField, MultiSelectField, NumberField, SelectField, TagsField, TextField, type Option } from './FieldEditors.tsx';
import { codeOptions, formatDay, formatMoney, LANGUAGE_CODES, languageName, nafSectionLabel, pick } from './recordFormat.ts';
import { parseYears } from './recordModel.ts';
import { Section } from './Section.tsx';

export function ProfileSection({ party }: { party: Party }) {
  const { t } = useTranslation();
  return (
    <Section title={t('record.sections.profile')} testId="profile-section">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md" m={0}>
        {party.kind === 'person' ? <PersonFields party={party} /> : <OrganisationFields party={party} />}
        <CommonFields party={party} />
      </SimpleGrid>
    </Section>
  );
}

function PersonFields({ party }: { party: Party }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const civilities: Option[] = CIVILITY_CODES.map((code) => ({
    value: code,
    label: pick(CIVILITIES.find((c) => c.code === code)!.label, locale),
  }));
  const languages = LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
  const birth = party.birthDate ? (
    <>
      {formatDay(party.birthDate, locale)}
      {party.age !== null && (
        <Text span size="sm" c="dimmed">
          {' · '}
          {t('record.profile.age', { count: party.age })}
          {party.nextBirthday && ` · ${t('record.profile.nextBirthday', { date: formatDay(party.nextBirthday, locale) })}`}
        </Text>
      )}
    </>
  ) : null;
  const years = party.childrenBirthYears.map((year, i) => t('record.profile.childYear', { year, age: party.childrenAges[i] ?? '?' }));

  return (
    <>
      <SelectField name="civility" label={t('record.fields.civility')} value={party.civility} options={civilities} />
      <TextField name="firstName" label={t('record.fields.firstName')} value={party.firstName} />
      <TextField name="lastName" label={t('record.fields.lastName')} value={party.lastName} required />
      <TextField name="birthDate" label={t('record.fields.birthDate')} value={party.birthDate} type="date" display={birth} />
      <SelectField
        name="gender"
        label={t('record.fields.gender')}
        value={party.gender}
        options={GENDERS.map((g) => ({ value: g, label: t(`record.genders.${g}`) }))}
      />
      <SelectField name="language" label={t('record.fields.language')} value={party.language} options={languages} searchable />
      <SelectField
        name="pcsGroup"
        label={t('record.fields.pcsGroup')}
        value={party.pcsGroup}
        options={codeOptions(SOCIO_PROFESSIONAL_GROUPS, locale)}
      />
      <SelectField
        name="familySituation"
        label={t('record.fields.familySituation')}
        value={party.familySituation}
        options={codeOptions(FAMILY_SITUATIONS, locale)}
      />
      <NumberField name="childrenCount" label={t('record.fields.childrenCount')} value={party.childrenCount} min={0} max={30} />
      <TagsField
        name="childrenBirthYears"
        label={t('record.fields.childrenBirthYears')}
        value={party.childrenBirthYears.map(String)}
        display={years.join(', ')}
        toChanges={(draft: string[]) => ({ childrenBirthYears: parseYears(draft) })}
      />
    </>
  );
}

function OrganisationFields({ party }: { party: Party }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const naf = party.nafCode ? (
    <>
      {party.nafCode}
      {party.nafSection && (
        <Text span size="sm" c="dimmed">
          {' · '}
          {nafSectionLabel(party.nafSection, locale)}
        </Text>
      )}
    </>
  ) : null;

  return (
    <>
      <TextField name="legalName" label={t('record.fields.legalName')} value={party.legalName} required />
      <TextField name="tradeName" label={t('record.fields.tradeName')} value={party.tradeName} />
      <TextField
        name="siren"
        label={t('record.fields.siren')}
        value={party.siren}
        display={party.siren ? formatSiren(party.siren) ?? party.siren : null}
        hint={(draft) => (draft.trim() && checkSiren(draft).ok ? t('record.profile.validIdentifier', { value: formatSiren(draft) }) : null)}
      />
      <TextField
        name="siret"
        label={t('record.fields.siret')}
        value={party.siret}
        display={party.siret ? formatSiret(party.siret) ?? party.siret : null}
        hint={(draft) => (draft.trim() && checkSiret(draft).ok ? t('record.profile.validIdentifier', { value: formatSiret(draft) }) : null)}
      />
      <TextField
        name="nafCode"
        label={t('record.fields.nafCode')}
        value={party.nafCode}
        display={naf}
        placeholder="62.01Z"
        hint={(draft) => {
          const section = nafSectionOfCode(draft);
          return section ? nafSectionLabel(section.letter, locale) : null;
        }}
      />
      <SelectField
        name="headcountBand"
        label={t('record.fields.headcountBand')}
        value={party.headcountBand}
        options={codeOptions(HEADCOUNT_BANDS, locale)}
      />
      <NumberField
        name="annualRevenue"
        label={t('record.fields.annualRevenue')}
        value={party.annualRevenue}
        display={party.annualRevenue === null ? null : formatMoney(party.annualRevenue, locale)}
        min={0}
        decimals={2}
        suffix=" €"
      />
      <TextField
        name="website"
        label={t('record.fields.website')}
        value={party.website}
        type="url"
        placeholder="https://"
        display={
          party.website ? (
            <Anchor href={party.website} target="_blank" rel="noopener noreferrer" size="sm">
              {party.website.replace(/^https?:\/\//, '')}
            </Anchor>
          ) : null
        }
      />
    </>
  );
}

function CommonFields({ party }: { party: Party }) {
  const { t } = useTranslation();
  return (
    <>
      <MultiSelectField
        name="preferredChannels"
        label={t('record.fields.preferredChannels')}
        value={party.preferredChannels}
        options={CHANNELS.map((c) => ({ value: c, label: t(`record.channels.${c}`) }))}
      />
      <MultiSelectField
        name="paymentMethods"
        label={t('record.fields.paymentMethods')}
        value={party.paymentMethods}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`record.paymentMethods.${m}`) }))}
      />
      <TagsField name="interests" label={t('record.fields.interests')} value={party.interests} />
      <TagsField name="tags" label={t('record.fields.tags')} value={party.tags} />
      <LongTextField name="notes" label={t('record.fields.notes')} value={party.notes} />
    </>
  );
}
