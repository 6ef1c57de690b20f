export function OrderPage(_props: { id: string }) {
  return null;
}
