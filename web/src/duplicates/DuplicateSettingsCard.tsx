/**
 * Settings → Customers → Duplicate detection: from which score a pair is a likely or a possible duplicate, and
 * whether pairs above a higher score merge on their own. Only for those who may configure it.
 */
import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../app/FormParts.tsx';
import { fieldError } from '../app/formErrors.ts';
import { notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useMe } from '../auth/authHooks.ts';
import { hasPermission } from '../auth/sessionModel.ts';
import { useDuplicateSettings, useSaveDuplicateSettings } from './duplicateHooks.ts';
import { settingsIssues } from './duplicateModel.ts';
import type { DuplicateSettings } from './duplicateTypes.ts';

export function DuplicateSettingsCard() {
  const { t } = useTranslation();
  const allowed = hasPermission(useMe(), 'duplicates:configure');
  const settings = useDuplicateSettings(allowed);
  if (!allowed) return null;
  return (
    <Paper withBorder p="lg" maw={640} data-testid="duplicate-settings">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            {t('duplicates.settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('duplicates.settings.intro')}
          </Text>
        </div>
        {settings.isPending ? (
          <Loading />
        ) : settings.isError ? (
          <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <SettingsForm initial={settings.data} />
        )}
      </Stack>
    </Paper>
  );
}

function SettingsForm({ initial }: { initial: DuplicateSettings }) {
  const { t } = useTranslation();
  const save = useSaveDuplicateSettings();
  const [values, setValues] = useState(initial);
  const issues = settingsIssues(values);
  const set = <K extends keyof DuplicateSettings>(key: K, value: DuplicateSettings[K]) => setValues((v) => ({ ...v, [key]: value }));
  // The client's own check first, then the server's refusal of that field.
  const issueOf = (key: keyof DuplicateSettings) => {
    const issue = issues[key];
    return issue ? t(`duplicates.settings.issues.${issue}`) : fieldError(save.error, key);
  };
  const threshold = (key: 'matchThreshold' | 'possibleThreshold' | 'autoMergeThreshold') => (
    <NumberInput
      label={t(`duplicates.settings.${key}`)}
      value={values[key]}
      onChange={(value) => set(key, typeof value === 'number' ? value : Number.NaN)}
      min={0}
      max={100}
      step={1}
      allowDecimal={false}
      w={220}
      error={issueOf(key)}
      data-testid={`duplicate-settings-${key}`}
    />
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (Object.keys(issues).length > 0) return;
        save.mutate(values, {
          onSuccess: (saved) => {
            setValues(saved);
            notifySuccess(t('duplicates.settings.saved'));
          },
        });
      }}
    >
      <Stack gap="sm">
        <FormErrorAlert error={save.error} />
        <Group gap="md" align="flex-start">
          {threshold('matchThreshold')}
          {threshold('possibleThreshold')}
        </Group>
        <Switch
          label={t('duplicates.settings.autoMerge')}
          description={t('duplicates.settings.autoMergeHint')}
          checked={values.autoMerge}
          onChange={(e) => set('autoMerge', e.currentTarget.checked)}
          data-testid="duplicate-settings-autoMerge"
        />
        {threshold('autoMergeThreshold')}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={Object.keys(issues).length > 0} data-testid="duplicate-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
