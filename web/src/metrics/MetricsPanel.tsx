export function MetricsPanel(_props: { partyId: string }) {
  return null;
}
