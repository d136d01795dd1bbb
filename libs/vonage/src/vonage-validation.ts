import { invalid } from '@dutyline/domain';

/** Checks shared by the NCCO builders and the client; every refusal names its field. */

export function httpUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/?#]+[^\s]*$/.test(value)) {
    invalid('INVALID_URL', field, `"${String(value)}" is not an http(s) URL`);
  }
  return value;
}

/** An inclusive range of numbers. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

export function integerIn(value: unknown, { min, max }: NumberRange, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid('OUT_OF_RANGE', field, `${field} is a whole number from ${min} to ${max}, not ${String(value)}`);
  }
  return value;
}

export function numberIn(value: unknown, { min, max }: NumberRange, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    invalid('OUT_OF_RANGE', field, `${field} is a number from ${min} to ${max}, not ${String(value)}`);
  }
  return value;
}

export function oneOf<const T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    invalid('INVALID_VALUE', field, `${field} is one of ${allowed.join(', ')}, not ${String(value)}`);
  }
  return value as T;
}

export function booleanValue(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') invalid('INVALID_VALUE', field, `${field} is true or false, not ${String(value)}`);
  return value;
}

/** Vonage call and leg ids: UUIDs in practice; refused when they could break out of a URL path. */
export function callUuid(value: unknown, field = 'uuid'): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(value)) {
    invalid('INVALID_CALL_UUID', field, `"${String(value)}" is not a Vonage call uuid`);
  }
  return value;
}

/** Drops keys whose value is `undefined`, so built objects serialise exactly as written. */
export function compact<T extends object>(value: T): T {
  const kept: Record<string, unknown> = {};
  for (const key in value) {
    if (value[key] !== undefined) kept[key] = value[key];
  }
  return kept as T;
}
