export function PartyAlertsPanel(_props: { partyId: string; editable: boolean }) {
  return null;
}
