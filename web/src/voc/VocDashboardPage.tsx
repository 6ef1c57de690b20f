export function VocDashboardPage() {
  return null;
}
