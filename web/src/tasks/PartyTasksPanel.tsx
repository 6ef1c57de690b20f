export function PartyTasksPanel(_props: { partyId: string; editable: boolean }) {
  return null;
}
