export function AgendaPage() {
  return null;
}
