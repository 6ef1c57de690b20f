export function CasePage(_props: { id: string }) {
  return null;
}
