/** The status badges of deliveries, invoices and returns, and the late and overdue flags. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUS_COLORS, INVOICE_STATUS_COLORS, RETURN_STATUS_COLORS, type DeliveryStatus, type InvoiceStatus, type ReturnStatus } from './billingModel.ts';

export function DeliveryStatusBadge({ status, late }: { status: DeliveryStatus; late: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge color={DELIVERY_STATUS_COLORS[status]} variant="light" data-testid="delivery-status" data-status={status}>
        {t(`billing.deliveryStatus.${status}`)}
      </Badge>
      {late && status !== 'late' && (
        <Badge color="orange" variant="filled" ml={4} data-testid="delivery-late">
          {t('billing.late')}
        </Badge>
      )}
    </>
  );
}

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={INVOICE_STATUS_COLORS[status]} variant="light" data-testid="invoice-status" data-status={status}>
      {t(`billing.invoiceStatus.${status}`)}
    </Badge>
  );
}

export function OverdueBadge({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days <= 0) return null;
  return (
    <Badge color="red" variant="filled" data-testid="invoice-overdue">
      {t('billing.overdue', { days })}
    </Badge>
  );
}

export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={RETURN_STATUS_COLORS[status]} variant="light" data-testid="return-status" data-status={status}>
      {t(`billing.returnStatus.${status}`)}
    </Badge>
  );
}
