/** The kinds of alert a customer can carry, shared by the server and the web app (so nothing here imports). */
export const ALERT_KINDS = ['dispute', 'unpaid_invoice', 'sensitive_complaint', 'vip_care', 'other'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
