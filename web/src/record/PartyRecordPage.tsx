import type { PartyKind } from '../parties/partyTypes.ts';

/** One person's or organisation's record page (built in this folder). */
export function PartyRecordPage({ kind, id }: { kind: PartyKind; id: string }) {
  return <div data-kind={kind} data-id={id} />;
}
