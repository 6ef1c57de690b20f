/** The code lists of a record's fields, from the shared reference (browser-safe, no schema library). */
export {
  ADDRESS_TYPES,
  CHANNELS,
  CIVILITY_CODES,
  EMAIL_TYPES,
  GENDERS,
  PAYMENT_METHODS,
  PHONE_TYPES,
  type AddressType,
  type EmailType,
  type PhoneType,
} from '../../../src/shared/reference/party.ts';
