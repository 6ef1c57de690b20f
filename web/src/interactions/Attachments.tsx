export function Attachments(_props: { ownerType: "interaction" | "case"; ownerId: string; editable: boolean }) {
  return null;
}
