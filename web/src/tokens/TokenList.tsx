/** The signed-in user's API tokens: what each may do, when it was last used, and revoking it. */
import { Badge, Button, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../app/ConfirmButton.tsx';
import { formatDate, formatDateTime } from '../app/format.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { LoadError, Loading } from '../app/QueryState.tsx';
import { useRevokeToken, useTokens } from './tokenHooks.ts';
import { TokenForm } from './TokenForm.tsx';
import { sortTokens, TOKEN_STATE_COLORS, tokenState } from './tokenModel.ts';

export function TokenList() {
  const { t, i18n } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, { open: create, close: stopCreating }] = useDisclosure(false);
  const now = new Date();

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3" id="tokens-title">
            {t('tokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('tokens.intro')}
          </Text>
        </div>
        <Button leftSection={<IconKey size={16} aria-hidden />} onClick={create}>
          {t('tokens.new')}
        </Button>
      </Group>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <Text c="dimmed">{t('tokens.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-labelledby="tokens-title" data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.scope')}</Table.Th>
                <Table.Th>{t('tokens.state')}</Table.Th>
                <Table.Th>{t('tokens.createdAt')}</Table.Th>
                <Table.Th>{t('tokens.expiresAt')}</Table.Th>
                <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortTokens(tokens.data, now).map((token) => {
                const state = tokenState(token, now);
                return (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {token.name}
                      </Text>
                      <Code>…{token.hint}</Code>
                    </Table.Td>
                    <Table.Td>{t(`tokens.scopes.${token.scope}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={TOKEN_STATE_COLORS[state]}>
                        {t(`tokens.states.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(token.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>{token.expiresAt ? formatDate(token.expiresAt, i18n.language) : t('tokens.never')}</Table.Td>
                    <Table.Td>
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language) : t('tokens.neverUsed')}
                    </Table.Td>
                    <Table.Td>
                      {state !== 'revoked' && (
                        <ConfirmButton
                          size="xs"
                          variant="light"
                          label={t('tokens.revoke')}
                          ariaLabel={t('tokens.revokeNamed', { name: token.name })}
                          title={t('tokens.revokeTitle', { name: token.name })}
                          message={t('tokens.revokeMessage')}
                          onConfirm={() =>
                            revoke.mutateAsync(token.id).then(
                              () => notifySuccess(t('tokens.revoked', { name: token.name })),
                              (error: unknown) => {
                                notifyError(error);
                                throw error;
                              },
                            )
                          }
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={creating} onClose={stopCreating} title={t('tokens.new')}>
        {creating && <TokenForm onDone={stopCreating} />}
      </Modal>
    </Stack>
  );
}
