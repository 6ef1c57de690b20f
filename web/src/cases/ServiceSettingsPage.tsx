/**
 * Settings → After-sales service: the first-response and resolution targets of each priority, in hours of
 * elapsed time. Changes apply to cases opened (or re-prioritised) from now on; deadlines already given stay.
 */
import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldError } from '../app/formErrors.ts';
import { BackLink } from '../app/links.tsx';
import { notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useSetSlaPolicies, useSlaPolicies } from './caseHooks.ts';
import { DEFAULT_SLA, hoursToMinutes, minutesToHours } from './caseModel.ts';
import type { CasePriority, SlaPolicy } from './caseTypes.ts';

export function ServiceSettingsPage() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  return (
    <Stack gap="lg" maw={900}>
      <BackLink to="/settings">{t('cases.settings.back')}</BackLink>
      <Title order={1}>{t('cases.settings.title')}</Title>
      <Alert icon={<IconInfoCircle aria-hidden />} color="blue" data-testid="sla-elapsed-note">
        {t('cases.settings.elapsed')}
      </Alert>
      {policies.isPending ? (
        <Loading />
      ) : policies.isError ? (
        <LoadError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <SlaForm key={policies.data.data.map((p) => p.updatedAt).join()} policies={policies.data.data} />
      )}
    </Stack>
  );
}

type Hours = Record<CasePriority, { firstResponse: number | string; resolution: number | string }>;

function SlaForm({ policies }: { policies: SlaPolicy[] }) {
  const { t } = useTranslation();
  const save = useSetSlaPolicies();
  const [hours, setHours] = useState<Hours>(
    () =>
      Object.fromEntries(
        policies.map((p) => [p.priority, { firstResponse: minutesToHours(p.firstResponseMinutes), resolution: minutesToHours(p.resolutionMinutes) }]),
      ) as Hours,
  );
  const set = (priority: CasePriority, key: 'firstResponse' | 'resolution', value: number | string) =>
    setHours((h) => ({ ...h, [priority]: { ...h[priority], [key]: value } }));
  const rows = policies.map((p) => ({
    priority: p.priority,
    firstResponseMinutes: hoursToMinutes(hours[p.priority].firstResponse),
    resolutionMinutes: hoursToMinutes(hours[p.priority].resolution),
  }));
  const invalid = rows.some((r) => r.firstResponseMinutes === null || r.resolutionMinutes === null);

  function submit() {
    if (invalid) return;
    save.mutate(rows as Pick<SlaPolicy, 'priority' | 'firstResponseMinutes' | 'resolutionMinutes'>[], {
      onSuccess: () => notifySuccess(t('cases.settings.saved')),
    });
  }

  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {save.isError && (
            <Alert color="red" role="alert">
              {fieldError(save.error, 'resolutionMinutes') ? t('cases.settings.resolutionShorter') : errorMessage(save.error)}
            </Alert>
          )}
          <Table data-testid="sla-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.fields.priority')}</Table.Th>
                <Table.Th>{t('cases.settings.firstResponseHours')}</Table.Th>
                <Table.Th>{t('cases.settings.resolutionHours')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.map((p) => (
                <Table.Tr key={p.priority} data-testid={`sla-row-${p.priority}`}>
                  <Table.Td fw={500}>{t(`cases.priorities.${p.priority}`)}</Table.Td>
                  {(['firstResponse', 'resolution'] as const).map((key) => (
                    <Table.Td key={key}>
                      <NumberInput
                        aria-label={`${t(`cases.priorities.${p.priority}`)} – ${t(`cases.settings.${key}Hours`)}`}
                        value={hours[p.priority][key]}
                        onChange={(value) => set(p.priority, key, value)}
                        min={0.25}
                        step={1}
                        decimalScale={2}
                        suffix=" h"
                        w={140}
                        error={hoursToMinutes(hours[p.priority][key]) === null ? t('cases.settings.positive') : undefined}
                        data-testid={`sla-${p.priority}-${key}`}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {p.isDefault ? (
                      <Badge variant="light" color="gray">
                        {t('cases.settings.default')}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('cases.settings.defaultIs', {
                          first: minutesToHours(DEFAULT_SLA[p.priority].firstResponseMinutes),
                          resolution: minutesToHours(DEFAULT_SLA[p.priority].resolutionMinutes),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={invalid} data-testid="sla-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
