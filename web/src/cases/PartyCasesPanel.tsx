export function PartyCasesPanel(_props: { partyId: string; editable: boolean }) {
  return null;
}
