import { PhoneNumber, ValidationError } from '@dutyline/domain';

/** Vonage writes numbers as E.164 digits without the `+` (`447700900000`). */
export function toVonageNumber(number: PhoneNumber): string {
  return number.e164.slice(1);
}

/**
 * A number as Vonage sends it in a webhook (`447700900000`, sometimes `+447700900000`), or null when it is
 * not a dialable number: withheld (`''`, `Unknown`, `anonymous`), a SIP URI, an app user. Never throws.
 */
export function phoneNumberFromVonage(raw: string | null | undefined): PhoneNumber | null {
  if (typeof raw !== 'string') return null;
  const digits = raw.trim().replace(/^\+/, '');
  if (!/^[1-9]\d{6,14}$/.test(digits)) return null;
  try {
    return PhoneNumber.fromE164(`+${digits}`);
  } catch (error) {
    if (error instanceof ValidationError) return null;
    throw error;
  }
}
