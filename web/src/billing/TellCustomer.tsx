/**
 * "Tell the customer": type a customer number (any writing), choose the customer's language, and get where their
 * orders, deliveries, invoices, returns and repairs stand as sentences to read out on the phone or paste into an
 * SMS or a chat, each with its own copy button and one for the whole text.
 */
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessageCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';
import { CopyValueButton } from '../app/CopyValueButton.tsx';
import { errorMessage } from '../app/formErrors.ts';
import { Loading } from '../app/QueryState.tsx';
import { useCustomerStatus } from './billingHooks.ts';
import type { CustomerStatus } from './billingTypes.ts';

export function TellCustomerButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="light" leftSection={<IconMessageCircle size={18} aria-hidden />} onClick={open} data-testid="tell-customer">
        {t('billing.tell.title')}
      </Button>
      {opened && (
        <Modal opened onClose={close} title={t('billing.tell.title')} size="lg">
          <TellCustomer />
        </Modal>
      )}
    </>
  );
}

export function TellCustomer() {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [lang, setLang] = useState<'fr' | 'en'>(i18n.language.startsWith('en') ? 'en' : 'fr');
  const status = useCustomerStatus(asked, lang);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAsked(typed.trim() || null);
  }

  return (
    <Stack gap="sm" data-testid="tell-customer-panel">
      <Text size="sm" c="dimmed">
        {t('billing.tell.intro')}
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('billing.tell.number')}
            placeholder={t('billing.tell.numberPlaceholder')}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            data-autofocus
            data-testid="tell-number"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="tell-language">
              {t('billing.tell.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="tell-language"
              value={lang}
              onChange={(value) => setLang(value as 'fr' | 'en')}
              data={[
                { value: 'fr', label: t('languages.fr') },
                { value: 'en', label: t('languages.en') },
              ]}
              data-testid="tell-language"
            />
          </Stack>
          <Button type="submit" data-testid="tell-lookup">
            {t('billing.tell.lookup')}
          </Button>
        </Group>
      </form>
      {asked !== null && status.isPending && <Loading />}
      {status.isError && (
        <Alert color={isApiError(status.error, 'not_found') ? 'yellow' : 'red'} role="alert" data-testid="tell-error">
          {isApiError(status.error, 'not_found') ? t('billing.tell.notFound') : isApiError(status.error, 'validation_failed') ? t('billing.tell.invalid') : errorMessage(status.error)}
        </Alert>
      )}
      {status.data && <StatusAnswer status={status.data} />}
    </Stack>
  );
}

function StatusAnswer({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  const groups = [
    { key: 'orders', items: status.orders },
    { key: 'invoices', items: status.invoices },
    { key: 'returns', items: status.returns },
    { key: 'repairs', items: status.repairs },
  ] as const;
  return (
    <Stack gap="sm" data-testid="tell-answer">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {status.customer.displayName} · {status.customer.customerNumber}
        </Title>
        <CopyValueButton value={status.summary} label={t('billing.tell.copy')} />
      </Group>
      {groups.every((group) => group.items.length === 0) && <Text size="sm">{status.summary}</Text>}
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <Stack key={group.key} gap={4}>
            <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
              {t(`billing.tell.${group.key}`)}
            </Text>
            {group.items.map((item) => (
              <Text key={item.id} size="sm" data-testid="tell-summary">
                {item.summary}
              </Text>
            ))}
          </Stack>
        ))}
    </Stack>
  );
}
