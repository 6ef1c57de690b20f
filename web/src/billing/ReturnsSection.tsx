/** The returns of an order on its page, with the actions their workflow allows (receive, refund, reject). */
import { Button, Group, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format.ts';
import { notifyError, notifySuccess } from '../app/notify.ts';
import { Section } from '../record/Section.tsx';
import { ReturnStatusBadge } from './BillingBadges.tsx';
import { useReturnAction } from './billingHooks.ts';
import { returnActions } from './billingModel.ts';
import type { OrderBilling, Return } from './billingTypes.ts';
import { ReturnDialog } from './ReturnDialog.tsx';

export function ReturnsSection({ billing, editable, canRefund }: { billing: OrderBilling; editable: boolean; canRefund: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const returnable = billing.lines.some((line) => Number(line.returnable) > 0);
  return (
    <Section
      title={t('billing.returns.title')}
      testId="billing-returns"
      actions={
        editable &&
        returnable && (
          <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="return-new">
            {t('billing.returns.new')}
          </Button>
        )
      }
    >
      {billing.returns.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('billing.returns.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {billing.returns.map((ret) => (
                <ReturnRow key={ret.id} ret={ret} billing={billing} editable={editable} canRefund={canRefund} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <ReturnDialog billing={billing} onClose={() => setCreating(false)} />}
    </Section>
  );
}

function ReturnRow({ ret, billing, editable, canRefund }: { ret: Return; billing: OrderBilling; editable: boolean; canRefund: boolean }) {
  const { t, i18n } = useTranslation();
  const act = useReturnAction(billing.orderId, billing.customerId);
  const actions = returnActions(ret.status).filter((verb) => (verb === 'refund' ? canRefund : editable));
  return (
    <Table.Tr data-testid="return-row" data-number={ret.number}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {ret.number}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(ret.requestedAt, i18n.language)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ReturnStatusBadge status={ret.status} />
        {ret.creditNote && (
          <Text size="xs" c="dimmed">
            {t('billing.returns.creditNote', { number: ret.creditNote.number })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {ret.lines.map((line) => (
          <Text size="xs" key={line.position}>
            {line.quantity} × {line.description}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {ret.reason}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {actions.map((verb) => (
            <Button
              key={verb}
              size="compact-xs"
              variant={verb === 'reject' ? 'subtle' : 'light'}
              loading={act.isPending && act.variables?.verb === verb}
              onClick={() =>
                act.mutate(
                  { id: ret.id, verb },
                  {
                    onSuccess: (updated) => notifySuccess(t('billing.returns.moved', { number: ret.number, status: t(`billing.returnStatus.${updated.status}`) })),
                    onError: notifyError,
                  },
                )
              }
              data-testid={`return-${verb}`}
            >
              {t(`billing.returns.action.${verb}`)}
            </Button>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
