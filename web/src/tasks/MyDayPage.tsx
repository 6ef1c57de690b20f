export function MyDayPage() {
  return null;
}
