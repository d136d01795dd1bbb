import { CountryCode, isSupportedCountry, parsePhoneNumberWithError, ParseError } from 'libphonenumber-js/max';
import { invalid } from './errors';
import { keepWithin } from './map-eviction';

/** What kind of line a number is, as far as the numbering plan tells. */
export type PhoneNumberType =
  | 'MOBILE'
  | 'FIXED_LINE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL'
  | 'UNKNOWN';

/** ISO 3166-1 alpha-2 country code, e.g. `FR`. */
export function countryCode(value: string, field = 'country'): CountryCode {
  if (typeof value !== 'string' || !isSupportedCountry(value)) {
    invalid('INVALID_COUNTRY', field, `"${value}" is not a supported ISO 3166-1 country code such as FR`);
  }
  return value as CountryCode;
}

/**
 * Valid E.164 numbers already parsed, the first kept forgotten beyond this many (about 100
 * bytes each): a worker sweeping 10,000 hotlines reads about 50,000 numbers (theirs and their people's),
 * and parsing them again took 6 % of its CPU when fewer were kept.
 */
const VALIDATED_E164_CAPACITY = 60_000;
const validatedE164 = new Map<string, PhoneNumber>();
const E164_FORM = /^\+[1-9]\d{6,14}$/;

/** A dialable telephone number in E.164 form (`+33612345678`), validated against the numbering plan. */
export class PhoneNumber {
  private constructor(
    readonly e164: string,
    readonly country: CountryCode | undefined,
    readonly type: PhoneNumberType,
  ) {}

  /**
   * Accepts E.164 (`+33 6 12 34 56 78`) or, with `defaultCountry`, a national number (`06 12 34 56 78`),
   * and normalises it to E.164.
   */
  static parse(input: string, options: { defaultCountry?: CountryCode; field?: string } = {}): PhoneNumber {
    const field = options.field ?? 'phoneNumber';
    const known = typeof input === 'string' ? validatedE164.get(input) : undefined;
    if (known) return known;
    if (typeof input !== 'string' || input.trim() === '')
      invalid('INVALID_PHONE_NUMBER', field, 'a phone number is required');
    let parsed;
    try {
      parsed = parsePhoneNumberWithError(input, options.defaultCountry);
    } catch (error) {
      const reason = error instanceof ParseError ? error.message : 'unreadable';
      const hint = options.defaultCountry ? '' : ' (use the international form, e.g. +33612345678)';
      invalid('INVALID_PHONE_NUMBER', field, `"${input}" is not a phone number: ${reason}${hint}`);
    }
    if (!parsed.isValid()) invalid('INVALID_PHONE_NUMBER', field, `"${input}" is not a valid phone number`);
    const number = new PhoneNumber(parsed.number, parsed.country, (parsed.getType() ?? 'UNKNOWN') as PhoneNumberType);
    // Only the E.164 form itself is remembered: a national form depends on `defaultCountry`.
    if (input === number.e164) remembered(number);
    return number;
  }

  /**
   * Strict: the stored form, E.164 only. The numbers a process reads again and again (its hotlines,
   * its people) are validated once: a valid number is remembered (the object is immutable).
   */
  static fromE164(e164: string, field = 'phoneNumber'): PhoneNumber {
    const known = validatedE164.get(e164);
    if (known) return known;
    if (typeof e164 !== 'string' || !E164_FORM.test(e164)) {
      invalid('INVALID_PHONE_NUMBER', field, `"${e164}" is not an E.164 number such as +33612345678`);
    }
    return PhoneNumber.parse(e164, { field });
  }

  equals(other: PhoneNumber): boolean {
    return this.e164 === other.e164;
  }

  toString(): string {
    return this.e164;
  }

  toJSON(): string {
    return this.e164;
  }
}

/** Keeps `number`, forgetting the first kept beyond the capacity (moving entries on each use cost more than it saved). */
function remembered(number: PhoneNumber): PhoneNumber {
  validatedE164.set(number.e164, number);
  keepWithin(validatedE164, VALIDATED_E164_CAPACITY);
  return number;
}
