/** Admin settings for customer records: custom fields, edit scopes, teams (built in this folder). */
export function CustomerSettingsPage() {
  return <div />;
}
