export function ServiceSettingsPage() {
  return null;
}
