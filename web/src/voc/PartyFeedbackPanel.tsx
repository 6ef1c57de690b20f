export function PartyFeedbackPanel(_props: { partyId: string; editable: boolean }) {
  return null;
}
