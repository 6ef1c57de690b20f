import type { PartyKind } from './partyTypes.ts';

/** The people or organisations list (built in this folder). */
export function PartyListPage({ kind }: { kind: PartyKind }) {
  return <div data-kind={kind} />;
}
