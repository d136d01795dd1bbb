import { Instant, invalid } from '@dutyline/domain';

/**
 * Reads Vonage's webhook payloads into typed values. Each parser takes the query parameters of a GET
 * (`URLSearchParams` or a plain object of strings) or the decoded JSON body of a POST, and returns a value
 * or throws a `ValidationError` naming the missing or invalid field (the gateway answers 400 with it, or,
 * on call-critical URLs, logs it and still answers an NCCO).
 * Vonage sends some numbers as strings in one place and numbers in another: both are read.
 */

export type WebhookInput = Readonly<Record<string, unknown>> | URLSearchParams;

export interface VonageAnswerRequest {
  /** The number called (the hotline), as Vonage writes it (`447700900000`), or a SIP URI. */
  readonly to: string;
  /** The caller; null when withheld. */
  readonly from: string | null;
  /** The caller's leg. */
  readonly uuid: string;
  readonly conversationUuid: string;
  /** `phone`, `sip`, `app`, `websocket`, `vbc` when Vonage says. */
  readonly endpointType: string | null;
  readonly fromUser: string | null;
  readonly regionUrl: string | null;
  readonly customData: unknown;
  /** SIP `X-` headers, keyed by header name (`SipHeader_X-Foo` → `X-Foo`). */
  readonly sipHeaders: Readonly<Record<string, string>>;
}

export const VONAGE_CALL_STATUSES = [
  'started',
  'ringing',
  'answered',
  'machine',
  'human',
  'completed',
  'busy',
  'cancelled',
  'failed',
  'rejected',
  'timeout',
  'unanswered',
  'input',
  'transfer',
  'disconnected',
] as const;
export type VonageCallStatus = (typeof VONAGE_CALL_STATUSES)[number];

/** A leg changed state. */
export interface VonageCallStatusEvent {
  readonly kind: 'call-status';
  readonly status: Exclude<VonageCallStatus, 'human' | 'machine'>;
  readonly uuid: string;
  readonly conversationUuid: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly direction: 'inbound' | 'outbound' | null;
  readonly timestamp: Instant | null;
  /** Why a leg did not connect: `unavailable`, `declined`, `cannot_route`, … */
  readonly detail: string | null;
  readonly sipCode: number | null;
  readonly startTime: Instant | null;
  readonly endTime: Instant | null;
  /** Seconds. */
  readonly duration: number | null;
  readonly rate: number | null;
  readonly price: number | null;
  readonly network: string | null;
  readonly disconnectedBy: string | null;
}

/** Machine detection's verdict on a leg; Vonage names the leg `call_uuid` here. */
export interface VonageMachineDetectionEvent {
  readonly kind: 'machine-detection';
  readonly status: 'human' | 'machine';
  readonly uuid: string;
  readonly conversationUuid: string | null;
  /** Advanced detection with beep: `beep_start` or `beep_timeout`. */
  readonly subState: string | null;
  readonly timestamp: Instant | null;
}

/** Vonage could not run an NCCO we returned. */
export interface VonageNccoErrorEvent {
  readonly kind: 'ncco-error';
  readonly reason: string;
  readonly conversationUuid: string | null;
  readonly timestamp: Instant | null;
}

/** A leg moved between conversations (after a transfer). */
export interface VonageTransferEvent {
  readonly kind: 'transfer';
  readonly uuid: string;
  readonly conversationUuidFrom: string | null;
  readonly conversationUuidTo: string | null;
  readonly timestamp: Instant | null;
}

/** A status this adapter does not know yet: logged, nothing done. */
export interface VonageUnrecognisedEvent {
  readonly kind: 'unrecognised';
  readonly status: string;
  readonly uuid: string | null;
  readonly conversationUuid: string | null;
}

export type VonageEvent =
  | VonageCallStatusEvent
  | VonageMachineDetectionEvent
  | VonageNccoErrorEvent
  | VonageTransferEvent
  | VonageUnrecognisedEvent;

export interface VonageInputEvent {
  readonly uuid: string;
  readonly conversationUuid: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** Keys pressed; empty when none. */
  readonly digits: string;
  readonly timedOut: boolean;
  readonly timestamp: Instant | null;
}

export interface VonageRecordEvent {
  readonly recordingUrl: string;
  readonly recordingUuid: string;
  readonly conversationUuid: string;
  readonly uuid: string | null;
  /** Bytes. */
  readonly size: number | null;
  readonly startTime: Instant | null;
  readonly endTime: Instant | null;
  readonly timestamp: Instant | null;
}

export interface VonageFallbackRequest {
  /** `Socket timeout.`, `Invalid NCCO.`, … */
  readonly reason: string;
  readonly originalRequest: { readonly url: string; readonly type: 'answer' | 'event' };
  readonly to: string | null;
  readonly from: string | null;
  readonly uuid: string | null;
  readonly conversationUuid: string | null;
  readonly sipHeaders: Readonly<Record<string, string>>;
}

// ---- Parsers ----------------------------------------------------------------------------------------------

export function parseAnswerWebhook(input: WebhookInput): VonageAnswerRequest {
  const fields = fieldsOf(input);
  return {
    to: requiredText(fields, 'to'),
    from: optionalText(fields, 'from'),
    uuid: requiredText(fields, 'uuid'),
    conversationUuid: requiredText(fields, 'conversation_uuid'),
    endpointType: optionalText(fields, 'endpoint_type'),
    fromUser: optionalText(fields, 'from_user'),
    regionUrl: optionalText(fields, 'region_url'),
    customData: customData(fields),
    sipHeaders: sipHeaders(fields),
  };
}

export function parseEventWebhook(input: WebhookInput): VonageEvent {
  const fields = fieldsOf(input);
  const status = optionalText(fields, 'status');
  if (status === null) {
    if (fields['reason'] !== undefined) {
      return {
        kind: 'ncco-error',
        reason: requiredText(fields, 'reason'),
        conversationUuid: optionalText(fields, 'conversation_uuid'),
        timestamp: optionalInstant(fields, 'timestamp'),
      };
    }
    if (fields['conversation_uuid_from'] !== undefined || fields['conversation_uuid_to'] !== undefined) {
      return {
        kind: 'transfer',
        uuid: requiredText(fields, 'uuid'),
        conversationUuidFrom: optionalText(fields, 'conversation_uuid_from'),
        conversationUuidTo: optionalText(fields, 'conversation_uuid_to'),
        timestamp: optionalInstant(fields, 'timestamp'),
      };
    }
    return invalid('REQUIRED', 'status', 'status is required');
  }
  if (status === 'human' || status === 'machine') {
    const uuid = optionalText(fields, 'call_uuid') ?? optionalText(fields, 'uuid');
    if (uuid === null) invalid('REQUIRED', 'call_uuid', 'call_uuid is required');
    return {
      kind: 'machine-detection',
      status,
      uuid,
      conversationUuid: optionalText(fields, 'conversation_uuid'),
      subState: optionalText(fields, 'sub_state'),
      timestamp: optionalInstant(fields, 'timestamp'),
    };
  }
  if (!(VONAGE_CALL_STATUSES as readonly string[]).includes(status)) {
    return {
      kind: 'unrecognised',
      status,
      uuid: optionalText(fields, 'uuid') ?? optionalText(fields, 'call_uuid'),
      conversationUuid: optionalText(fields, 'conversation_uuid'),
    };
  }
  return {
    kind: 'call-status',
    status: status as VonageCallStatusEvent['status'],
    uuid: requiredText(fields, 'uuid'),
    conversationUuid: optionalText(fields, 'conversation_uuid'),
    from: optionalText(fields, 'from'),
    to: optionalText(fields, 'to'),
    direction: direction(fields),
    timestamp: optionalInstant(fields, 'timestamp'),
    detail: optionalText(fields, 'detail'),
    sipCode: sipCode(fields),
    startTime: optionalInstant(fields, 'start_time'),
    endTime: optionalInstant(fields, 'end_time'),
    duration: optionalNumber(fields, 'duration', { integer: true }),
    rate: optionalNumber(fields, 'rate'),
    price: optionalNumber(fields, 'price'),
    network: optionalText(fields, 'network'),
    disconnectedBy: optionalText(fields, 'disconnected_by'),
  };
}

/**
 * The result of an `input` action. Reads the current shape (`dtmf: {digits, timed_out}`) and the older one
 * (`dtmf: "1"`, `timed_out` beside it).
 */
export function parseInputWebhook(input: WebhookInput): VonageInputEvent {
  const fields = fieldsOf(input);
  const dtmf = fields['dtmf'];
  let digits: unknown;
  let timedOut: unknown;
  if (isObject(dtmf)) {
    digits = dtmf['digits'];
    timedOut = dtmf['timed_out'];
  } else if (dtmf === undefined || typeof dtmf === 'string') {
    digits = dtmf;
    timedOut = fields['timed_out'];
  } else {
    invalid('INVALID_VALUE', 'dtmf', 'dtmf is an object {digits, timed_out}');
  }
  if (digits !== undefined && digits !== null && (typeof digits !== 'string' || !/^[0-9*#]*$/.test(digits))) {
    invalid('INVALID_VALUE', 'dtmf.digits', 'dtmf.digits holds keys 0-9, * and # only');
  }
  return {
    uuid: requiredText(fields, 'uuid'),
    conversationUuid: optionalText(fields, 'conversation_uuid'),
    from: optionalText(fields, 'from'),
    to: optionalText(fields, 'to'),
    digits: (digits as string | null | undefined) ?? '',
    timedOut: timedOut === undefined || timedOut === null ? false : booleanOf(timedOut, 'dtmf.timed_out'),
    timestamp: optionalInstant(fields, 'timestamp'),
  };
}

export function parseRecordWebhook(input: WebhookInput): VonageRecordEvent {
  const fields = fieldsOf(input);
  const recordingUrl = requiredText(fields, 'recording_url');
  if (!/^https?:\/\/\S+$/.test(recordingUrl))
    invalid('INVALID_URL', 'recording_url', 'recording_url is not an http(s) URL');
  return {
    recordingUrl,
    recordingUuid: requiredText(fields, 'recording_uuid'),
    conversationUuid: requiredText(fields, 'conversation_uuid'),
    uuid: optionalText(fields, 'uuid'),
    size: optionalNumber(fields, 'size', { integer: true }),
    startTime: optionalInstant(fields, 'start_time'),
    endTime: optionalInstant(fields, 'end_time'),
    timestamp: optionalInstant(fields, 'timestamp'),
  };
}

/** `original_request` arrives as an object in a POST, or as JSON text in a GET. */
export function parseFallbackWebhook(input: WebhookInput): VonageFallbackRequest {
  const fields = fieldsOf(input);
  let original = fields['original_request'];
  if (typeof original === 'string') {
    try {
      original = JSON.parse(original);
    } catch {
      invalid('INVALID_VALUE', 'original_request', 'original_request is not JSON');
    }
  }
  if (original === undefined || original === null)
    invalid('REQUIRED', 'original_request', 'original_request is required');
  if (!isObject(original)) invalid('INVALID_VALUE', 'original_request', 'original_request is an object {url, type}');
  const url = requiredText(original, 'url', 'original_request.url');
  const type = requiredText(original, 'type', 'original_request.type');
  if (type !== 'answer' && type !== 'event')
    invalid('INVALID_VALUE', 'original_request.type', 'original_request.type is answer or event');
  return {
    reason: requiredText(fields, 'reason'),
    originalRequest: { url, type },
    to: optionalText(fields, 'to'),
    from: optionalText(fields, 'from'),
    uuid: optionalText(fields, 'uuid'),
    conversationUuid: optionalText(fields, 'conversation_uuid'),
    sipHeaders: sipHeaders(fields),
  };
}

// ---- Field readers ----------------------------------------------------------------------------------------

type Fields = Readonly<Record<string, unknown>>;

function fieldsOf(input: WebhookInput): Fields {
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

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredText(fields: Fields, key: string, field = key): string {
  const value = optionalText(fields, key, field);
  if (value === null) invalid('REQUIRED', field, `${field} is required`);
  return value;
}

/** A string (numbers accepted as their text); null when absent or empty. */
function optionalText(fields: Fields, key: string, field = key): string | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') invalid('INVALID_VALUE', field, `${field} is a text`);
  const text = value.trim();
  return text === '' ? null : text;
}

function optionalNumber(fields: Fields, key: string, options: { integer?: boolean } = {}): number | null {
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
function optionalInstant(fields: Fields, key: string): Instant | null {
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

function booleanOf(value: unknown, field: string): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return invalid('INVALID_VALUE', field, `${field} is true or false`);
}

function direction(fields: Fields): 'inbound' | 'outbound' | null {
  const value = optionalText(fields, 'direction');
  if (value !== null && value !== 'inbound' && value !== 'outbound')
    invalid('INVALID_VALUE', 'direction', 'direction is inbound or outbound');
  return value;
}

function sipCode(fields: Fields): number | null {
  const code = optionalNumber(fields, 'sip_code', { integer: true });
  if (code !== null && (code < 100 || code > 699))
    invalid('INVALID_NUMBER', 'sip_code', 'sip_code is a SIP status from 100 to 699');
  return code;
}

function sipHeaders(fields: Fields): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith('SipHeader_')) continue;
    if (typeof value !== 'string') invalid('INVALID_VALUE', key, `${key} is a text`);
    headers[key.slice('SipHeader_'.length)] = value;
  }
  return headers;
}

function customData(fields: Fields): unknown {
  const value = fields['custom_data'];
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
