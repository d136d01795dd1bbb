import { Instant, invalid } from '@dutyline/domain';
import {
  type WebhookInput,
  booleanOf,
  customData,
  direction,
  fieldsOf,
  isObject,
  optionalInstant,
  optionalNumber,
  optionalText,
  requiredText,
  sipCode,
  sipHeaders,
} from './vonage-webhook.fields';

/**
 * Reads Vonage's webhook payloads into typed values. Each parser takes the query parameters of a GET
 * (`URLSearchParams` or a plain object of strings) or the decoded JSON body of a POST, and returns a value
 * or throws a `ValidationError` naming the missing or invalid field (the gateway answers 400 with it, or,
 * on call-critical URLs, logs it and still answers an NCCO).
 * Vonage sends some numbers as strings in one place and numbers in another: both are read.
 */

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
