export function OrderBillingPanel(_props: { orderId: string; editable: boolean }) {
  return null;
}
