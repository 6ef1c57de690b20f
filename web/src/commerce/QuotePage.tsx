export function QuotePage(_props: { id: string }) {
  return null;
}
