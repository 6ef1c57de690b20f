/**
 * Settings of customer records, for those who may configure them: the custom fields of people and
 * organisations, who may change which records, and the teams that share them.
 */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCopy, IconForms, IconShieldLock, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_ENTITIES } from './customFieldModel.ts';
import { CustomFieldTable } from './CustomFieldTable.tsx';
import { RecordAccessPanel } from './RecordAccessPanel.tsx';
import { TeamPanel } from './TeamPanel.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { DuplicateSettingsCard } from '../duplicates/DuplicateSettingsCard.tsx';

const TABS = ['fields', 'access', 'teams', 'duplicates'] as const;
type Tab = (typeof TABS)[number];

export function CustomerSettingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('fields');
  const canConfigureDuplicates = hasPermission(useMe(), 'duplicates:configure');

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1}>{t('customizing.title')}</Title>
        <Text c="dimmed">{t('customizing.intro')}</Text>
      </div>
      <Tabs value={tab} onChange={(value) => setTab(TABS.find((candidate) => candidate === value) ?? 'fields')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="fields" leftSection={<IconForms size={16} aria-hidden />}>
            {t('customizing.tabs.fields')}
          </Tabs.Tab>
          <Tabs.Tab value="access" leftSection={<IconShieldLock size={16} aria-hidden />}>
            {t('customizing.tabs.access')}
          </Tabs.Tab>
          <Tabs.Tab value="teams" leftSection={<IconUsersGroup size={16} aria-hidden />}>
            {t('customizing.tabs.teams')}
          </Tabs.Tab>
          {canConfigureDuplicates && (
            <Tabs.Tab value="duplicates" leftSection={<IconCopy size={16} aria-hidden />} data-testid="customer-settings-duplicates">
              {t('duplicates.settings.title')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="fields" pt="lg">
          <Stack gap="xl">
            <Text size="sm">{t('customizing.fields.intro')}</Text>
            {CUSTOM_FIELD_ENTITIES.map((entity) => (
              <CustomFieldTable key={entity} entity={entity} />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="access" pt="lg">
          <RecordAccessPanel />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="lg">
          <TeamPanel />
        </Tabs.Panel>
        <Tabs.Panel value="duplicates" pt="lg">
          <DuplicateSettingsCard />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
