export function InteractionDrawer(_props: { interactionId: string | null; opened: boolean; onClose: () => void }) {
  return null;
}
