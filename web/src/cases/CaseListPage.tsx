export function CaseListPage() {
  return null;
}
