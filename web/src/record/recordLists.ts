/**
 * The server's code lists for a record's fields, copied: importing the values from party-schemas.ts would pull
 * its JSON-schema library into the browser for a few arrays. The checks below fail to compile if a copy drifts.
 */
import type * as Server from '../../../src/modules/parties/party-schemas.ts';

export const EMAIL_TYPES = ['personal', 'work', 'billing', 'other'] as const satisfies readonly (typeof Server.EMAIL_TYPES)[number][];
export const PHONE_TYPES = ['mobile', 'home', 'work', 'fax', 'other'] as const satisfies readonly (typeof Server.PHONE_TYPES)[number][];
export const ADDRESS_TYPES = ['home', 'billing', 'delivery', 'work', 'head_office', 'site', 'other'] as const satisfies readonly (typeof Server.ADDRESS_TYPES)[number][];
export const CHANNELS = ['email', 'sms', 'phone', 'post'] as const satisfies readonly (typeof Server.CHANNELS)[number][];
export const PAYMENT_METHODS = ['card', 'transfer', 'direct_debit', 'cheque', 'cash', 'paypal', 'other'] as const satisfies readonly (typeof Server.PAYMENT_METHODS)[number][];
export const GENDERS = ['female', 'male', 'other'] as const satisfies readonly (typeof Server.GENDERS)[number][];
export const CIVILITY_CODES = ['mr', 'ms', 'mx'] as const satisfies readonly (typeof Server.CIVILITY_CODES)[number][];

export type EmailType = (typeof EMAIL_TYPES)[number];
export type PhoneType = (typeof PHONE_TYPES)[number];
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** True only when the copy lists every value of the server's list. */
type Complete<Copy extends readonly unknown[], Original extends readonly unknown[]> = [Exclude<Original[number], Copy[number]>] extends [never]
  ? true
  : never;
const complete: [
  Complete<typeof EMAIL_TYPES, typeof Server.EMAIL_TYPES>,
  Complete<typeof PHONE_TYPES, typeof Server.PHONE_TYPES>,
  Complete<typeof ADDRESS_TYPES, typeof Server.ADDRESS_TYPES>,
  Complete<typeof CHANNELS, typeof Server.CHANNELS>,
  Complete<typeof PAYMENT_METHODS, typeof Server.PAYMENT_METHODS>,
  Complete<typeof GENDERS, typeof Server.GENDERS>,
  Complete<typeof CIVILITY_CODES, typeof Server.CIVILITY_CODES>,
] = [true, true, true, true, true, true, true];
void complete;
