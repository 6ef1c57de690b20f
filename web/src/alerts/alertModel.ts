/** How each kind of alert looks (colour and icon) and the order badges appear in. */
import { IconCrown, IconFlag, IconGavel, IconMoodAngry, IconReceiptOff } from '@tabler/icons-react';
import { ALERT_KINDS, type AlertKind } from '../../../src/modules/alerts/alert-kinds.ts';

export { ALERT_KINDS, type AlertKind };
export type { AlertOutput as CustomerAlert } from '../../../src/modules/alerts/alert-schemas.ts';

export const ALERT_STYLES = {
  dispute: { color: 'red', Icon: IconGavel },
  unpaid_invoice: { color: 'orange', Icon: IconReceiptOff },
  sensitive_complaint: { color: 'grape', Icon: IconMoodAngry },
  vip_care: { color: 'yellow', Icon: IconCrown },
  other: { color: 'gray', Icon: IconFlag },
} as const satisfies Record<AlertKind, { color: string; Icon: unknown }>;

/** The known kinds among `kinds`, once each, in the order of ALERT_KINDS (most pressing first). */
export function knownAlertKinds(kinds: readonly string[] | null | undefined): AlertKind[] {
  const present = new Set(kinds ?? []);
  return ALERT_KINDS.filter((kind) => present.has(kind));
}
