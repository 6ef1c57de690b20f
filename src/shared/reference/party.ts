/**
 * The code lists of customer records, shared by the API (schemas, database checks) and the web app (forms,
 * filters, labels). Codes are stable and stored; labels live in the web app's catalogues.
 */
export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Relationship roles (XRM): a party may hold several at once. */
export const PARTY_ROLES = ['prospect', 'lead', 'customer', 'former_customer', 'partner', 'supplier', 'collaborator'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const EMAIL_TYPES = ['personal', 'work', 'billing', 'other'] as const;
export const PHONE_TYPES = ['mobile', 'home', 'work', 'fax', 'other'] as const;
export const ADDRESS_TYPES = ['home', 'billing', 'delivery', 'work', 'head_office', 'site', 'other'] as const;
export type EmailType = (typeof EMAIL_TYPES)[number];
export type PhoneType = (typeof PHONE_TYPES)[number];
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** Channels a person may prefer, and consent is asked for. */
export const CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
export const PAYMENT_METHODS = ['card', 'transfer', 'direct_debit', 'cheque', 'cash', 'paypal', 'other'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
export const CIVILITY_CODES = ['mr', 'ms', 'mx'] as const;
export const FAMILY_SITUATION_CODES = ['single', 'couple', 'married', 'civil_partnership', 'divorced', 'widowed'] as const;
export const PCS_GROUP_CODES = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;

export const LINK_KINDS = ['household', 'spouse', 'employee_of', 'subsidiary_of', 'referred_by', 'partner_of'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
/** A contact person's part in a buying decision. */
export const DECISION_ROLES = ['decision_maker', 'influencer', 'buyer', 'user', 'gatekeeper', 'other'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

export const CONSENT_CHANNELS = CHANNELS;
export const CONSENT_PURPOSES = ['marketing', 'service'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
