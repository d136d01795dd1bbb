import { Instant, invalid } from '@dutyline/domain';

/* The readers of a webhook's fields, each naming the field it refuses (vonage-webhook.parser.ts). */

/** A webhook as received: the query parameters of a GET, or the decoded JSON body of a POST. */
export type WebhookInput = Readonly<Record<string, unknown>> | URLSearchParams;

/** A webhook's fields by name, as received. */
export type Fields = Readonly<Record<string, unknown>>;

export function fieldsOf(input: WebhookInput): Fields {
  if (input instanceof URLSearchParams) {
    const fields: Record<string, unknown> = {};
    for (const key of new Set(input.keys())) {
      const values = input.getAll(key);
      fields[key] = values.length === 1 ? values[0] : values;
    }
    return fields;
  }
  if (!isObject(input)) invalid('INVALID_PAYLOAD', '', 'a webhook payload is a JSON object or query parameters');
  return input;
}

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requiredText(fields: Fields, key: string, field = key): string {
  const value = optionalText(fields, key, field);
  if (value === null) invalid('REQUIRED', field, `${field} is required`);
  return value;
}

/** A string (numbers accepted as their text); null when absent or empty. */
export function optionalText(fields: Fields, key: string, field = key): string | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') invalid('INVALID_VALUE', field, `${field} is a text`);
  const text = value.trim();
  return text === '' ? null : text;
}

export function optionalNumber(fields: Fields, key: string, options: { integer?: boolean } = {}): number | null {
  const value = fields[key];
  if (value === undefined || value === null || value === '') return null;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number) || (options.integer && !Number.isInteger(number))) {
    invalid(
      'INVALID_NUMBER',
      key,
      `${key} is ${options.integer ? 'a whole number' : 'a number'}, not ${JSON.stringify(value)}`,
    );
  }
  return number;
}

/**
 * Vonage's times are ISO-8601 in UTC (`2027-03-28T01:00:00.000Z`); a time without an offset is read as UTC.
 * Epoch numbers are accepted too: below 10^11 they are seconds, otherwise milliseconds.
 */
export function optionalInstant(fields: Fields, key: string): Instant | null {
  const value = fields[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) {
    const number = Number(value);
    if (!Number.isSafeInteger(number)) invalid('INVALID_INSTANT', key, `${key} is not a time`);
    return number < 1e11 ? number * 1000 : number;
  }
  const match =
    typeof value === 'string'
      ? /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim())
      : null;
  if (!match)
    invalid(
      'INVALID_INSTANT',
      key,
      `${key} is an ISO-8601 time such as 2027-03-28T01:00:00.000Z, not ${JSON.stringify(value)}`,
    );
  const fraction = match[4] ? match[4].slice(0, 4) : '';
  const time = match[3] ? match[2].slice(0, 8) + fraction : `${match[2]}:00`;
  const offset = (match[5] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${match[1]}T${time}${offset}`);
  if (Number.isNaN(ms)) invalid('INVALID_INSTANT', key, `${key} is not a real date and time`);
  return ms;
}

export function booleanOf(value: unknown, field: string): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return invalid('INVALID_VALUE', field, `${field} is true or false`);
}

export function direction(fields: Fields): 'inbound' | 'outbound' | null {
  const value = optionalText(fields, 'direction');
  if (value !== null && value !== 'inbound' && value !== 'outbound')
    invalid('INVALID_VALUE', 'direction', 'direction is inbound or outbound');
  return value;
}

export function sipCode(fields: Fields): number | null {
  const code = optionalNumber(fields, 'sip_code', { integer: true });
  if (code !== null && (code < 100 || code > 699))
    invalid('INVALID_NUMBER', 'sip_code', 'sip_code is a SIP status from 100 to 699');
  return code;
}

export function sipHeaders(fields: Fields): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith('SipHeader_')) continue;
    if (typeof value !== 'string') invalid('INVALID_VALUE', key, `${key} is a text`);
    headers[key.slice('SipHeader_'.length)] = value;
  }
  return headers;
}

export function customData(fields: Fields): unknown {
  const value = fields['custom_data'];
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
