/**
 * Who may change which customer records, role by role: every record, their team's, their own, or none.
 * Everyone reads every record. Admins always change everything and read-only users nothing; the others' scope
 * is saved as soon as it is chosen.
 */
import { Badge, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { ROLES } from '../users/userModel.ts';
import { useEditScopes, useSetEditScope } from './accessHooks.ts';
import { EDIT_SCOPES, fixedScope, isEditScope, type EditScope, type Role } from './accessModel.ts';
import { SectionIntro } from './SectionIntro.tsx';

export function RecordAccessPanel() {
  const { t } = useTranslation();
  const scopes = useEditScopes();

  return (
    <Stack gap="sm" component="section" aria-labelledby="record-access-title">
      <SectionIntro id="record-access-title" title={t('customizing.access.title')} intro={t('customizing.access.intro')} />
      {scopes.isPending ? (
        <Loading />
      ) : scopes.isError ? (
        <LoadError error={scopes.error} onRetry={() => void scopes.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-labelledby="record-access-title" data-testid="record-access">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customizing.access.role')}</Table.Th>
                <Table.Th>{t('customizing.access.scope')}</Table.Th>
                <Table.Th>{t('customizing.access.meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ROLES.map((role) => {
                const scope = fixedScope(role) ?? scopes.data[role];
                return (
                  <Table.Tr key={role}>
                    <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {t(`roles.${role}`)}
                    </Table.Td>
                    <Table.Td w={240}>
                      <ScopeCell role={role} scope={scope} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`customizing.access.explanations.${scope}`)}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function ScopeCell({ role, scope }: { role: Role; scope: EditScope }) {
  const { t } = useTranslation();
  const save = useSetEditScope();
  const fixed = fixedScope(role);

  if (fixed !== null) {
    return (
      <Stack gap={2}>
        <Badge variant="light" color="gray" tt="none">
          {t(`customizing.access.scopes.${fixed}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t(role === 'admin' ? 'customizing.access.fixedAdmin' : 'customizing.access.fixedReadOnly')}
        </Text>
      </Stack>
    );
  }
  return (
    <Select
      aria-label={t('customizing.access.scopeOf', { role: t(`roles.${role}`) })}
      data={EDIT_SCOPES.map((value) => ({ value, label: t(`customizing.access.scopes.${value}`) }))}
      value={scope}
      allowDeselect={false}
      disabled={save.isPending}
      data-testid={`record-access-${role}`}
      onChange={(value) => {
        if (!isEditScope(value) || value === scope) return;
        save.mutate(
          { role, scope: value },
          {
            onSuccess: () =>
              notifySuccess(t('customizing.access.saved', { role: t(`roles.${role}`), scope: t(`customizing.access.scopes.${value}`) })),
            onError: notifyError,
          },
        );
      }}
    />
  );
}
