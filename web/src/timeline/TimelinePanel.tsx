export function TimelinePanel(_props: { partyId: string }) {
  return null;
}
