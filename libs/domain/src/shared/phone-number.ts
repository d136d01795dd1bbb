import { CountryCode, isSupportedCountry, parsePhoneNumberWithError, ParseError } from 'libphonenumber-js/max';
import { invalid } from './errors';

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

/** Valid E.164 numbers already parsed, at most this many (then forgotten all at once). */
const VALIDATED_E164_CAPACITY = 10_000;
const validatedE164 = new Map<string, PhoneNumber>();

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
    return new PhoneNumber(parsed.number, parsed.country, (parsed.getType() ?? 'UNKNOWN') as PhoneNumberType);
  }

  /**
   * Strict: the stored form, E.164 only. The numbers a process reads again and again (its hotlines,
   * its people) are validated once: a valid number is remembered (the object is immutable).
   */
  static fromE164(e164: string, field = 'phoneNumber'): PhoneNumber {
    const known = validatedE164.get(e164);
    if (known) return known;
    if (typeof e164 !== 'string' || !/^\+[1-9]\d{6,14}$/.test(e164)) {
      invalid('INVALID_PHONE_NUMBER', field, `"${e164}" is not an E.164 number such as +33612345678`);
    }
    const number = PhoneNumber.parse(e164, { field });
    if (validatedE164.size >= VALIDATED_E164_CAPACITY) validatedE164.clear();
    validatedE164.set(e164, number);
    return number;
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
