export function PartyOrdersPanel(_props: { partyId: string; editable: boolean }) {
  return null;
}
