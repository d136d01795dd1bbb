import { CountryCode } from 'libphonenumber-js/max';
import { PhoneNumber, Result, ValidationError, countryCode, err, invalid, ok } from '../shared';

/** An ISO 3166-1 alpha-2 code the numbering plan knows (`FR`), as `countryCode()` validates it. */
export type CallbackCountry = CountryCode;

/**
 * Which numbers a service calls back (toll-fraud protection, F19): only valid numbers, never premium-rate
 * or shared-cost lines, and only in the service's allowed countries. When a service names no countries,
 * the hotline's own country is the only one allowed.
 */
export interface CallbackNumberRules {
  /** How a national number (keyed without `+` or `00`) is read: the hotline's country. */
  readonly defaultCountry: CountryCode;
  /** Never empty. */
  readonly allowedCountries: readonly CountryCode[];
}

export type CallbackNumberRefusalCode =
  'CALLBACK_NUMBER_INVALID' | 'CALLBACK_NUMBER_PREMIUM_RATE' | 'CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED';

/** A number refused for a callback: stable `code`, a message for people, the input's `field`. */
export interface CallbackNumberRefusal {
  readonly code: CallbackNumberRefusalCode;
  readonly message: string;
  readonly field: string;
}

/** Line types that cost the account more than a normal call: never dialled back. */
const COSTLY_LINES = new Set(['PREMIUM_RATE', 'SHARED_COST']);

export const MAX_ALLOWED_COUNTRIES = 50;

/** Validates a list of ISO 3166-1 codes (upper-cased): 1 to 50, no duplicates; errors name `field[i]`. */
export function allowedCallbackCountries(input: readonly string[], field = 'allowedCountries'): CountryCode[] {
  if (!Array.isArray(input) || input.length === 0) invalid('REQUIRED', field, 'name at least one country, e.g. FR');
  if (input.length > MAX_ALLOWED_COUNTRIES) invalid('TOO_MANY', field, `at most ${MAX_ALLOWED_COUNTRIES} countries`);
  const countries = input.map((code, i) =>
    countryCode(typeof code === 'string' ? code.trim().toUpperCase() : code, `${field}[${i}]`),
  );
  countries.forEach((code, i) => {
    if (countries.indexOf(code) !== i) invalid('DUPLICATE_COUNTRY', `${field}[${i}]`, `${code} is already listed`);
  });
  return countries;
}

/**
 * The rules for a service: its allowed countries, or the hotline's country alone when it names none.
 * `hotlineNumber` is the E.164 number of the hotline the service answers on (or the account's first).
 */
export function callbackNumberRules(
  hotlineNumber: PhoneNumber,
  allowedCountries: readonly CountryCode[] | null,
): CallbackNumberRules {
  const home = hotlineNumber.country;
  if (!home) invalid('INVALID_PHONE_NUMBER', 'hotlineNumber', `${hotlineNumber.e164} belongs to no single country`);
  return {
    defaultCountry: home,
    allowedCountries: allowedCountries && allowedCountries.length > 0 ? allowedCountries : [home],
  };
}

/**
 * Reads a number given for a callback — digits keyed on the phone (national, or international after
 * `00`/`+`), a caller id, or text typed by an agent — and checks it against the rules. A refusal is a
 * value: the caller is told why and gets another chance.
 */
export function checkCallbackNumber(
  input: string,
  rules: CallbackNumberRules,
  field = 'number',
): Result<PhoneNumber, CallbackNumberRefusal> {
  const text = typeof input === 'string' ? input.trim() : '';
  const refuse = (code: CallbackNumberRefusalCode, message: string) => err({ code, message, field });
  if (!/^\+?[0-9 ().-]{3,32}$/.test(text)) return refuse('CALLBACK_NUMBER_INVALID', `"${text}" is not a phone number`);
  let number: PhoneNumber;
  try {
    number = PhoneNumber.parse(text, { defaultCountry: rules.defaultCountry, field });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return refuse('CALLBACK_NUMBER_INVALID', `"${text}" is not a valid phone number`);
  }
  if (COSTLY_LINES.has(number.type)) {
    return refuse(
      'CALLBACK_NUMBER_PREMIUM_RATE',
      `${number.e164} is a premium-rate or shared-cost number and is never called back`,
    );
  }
  if (!number.country || !rules.allowedCountries.includes(number.country)) {
    return refuse(
      'CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED',
      `${number.e164} is outside the countries this service calls back (${rules.allowedCountries.join(', ')})`,
    );
  }
  return ok(number);
}
