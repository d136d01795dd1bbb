/**
 * A number as a carrier writes it (`+33140000000`, `33140000000`, `+33 1 40 00 00 00`) in E.164, or
 * null when it is not one: withheld (`null`, `''`, `anonymous`, `Unknown`), a SIP URI, too short.
 * Lenient on purpose: a caller id is shown and dialled back, never refused.
 */
export function e164OrNull(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const compact = raw.trim().replace(/[\s().-]/g, '');
  const match = /^\+?([1-9]\d{6,14})$/.exec(compact);
  return match ? `+${match[1]}` : null;
}
