export function LogInteractionButton(_props: { partyId: string }) {
  return null;
}
