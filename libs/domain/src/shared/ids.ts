import { invalid } from './errors';

/** Identifiers are opaque strings handed out by the IdGenerator port. */
export type Id = string;

export function assertId(value: unknown, field = 'id'): Id {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_-]+$/.test(value)) {
    invalid('INVALID_ID', field, 'an id is 1 to 64 letters, digits, "-" or "_"');
  }
  return value;
}

export function requireText(value: unknown, field: string, maxLength = 200): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') invalid('REQUIRED', field, `${field} is required`);
  if (text.length > maxLength) invalid('TOO_LONG', field, `${field} may be at most ${maxLength} characters`);
  return text;
}
