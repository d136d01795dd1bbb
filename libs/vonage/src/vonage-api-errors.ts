import { PermanentDeliveryError } from '@dutyline/domain';
import { smsStatusIsRetryable } from './vonage-sms-status';

export type VonageOperation = 'create-call' | 'hangup' | 'transfer' | 'send-sms' | 'fetch-recording';

/**
 * Vonage refused or could not be reached. `retryable`: 429, 5xx, time-outs and network errors (try again
 * later); any other refusal will not succeed as sent.
 */
export class VonageApiError extends Error {
  override name = 'VonageApiError';
  readonly operation: VonageOperation;
  /** HTTP status, null when no response came back. */
  readonly status: number | null;
  readonly retryable: boolean;

  constructor(failure: { operation: VonageOperation; message: string; status: number | null; retryable: boolean }) {
    super(failure.message);
    this.operation = failure.operation;
    this.status = failure.status;
    this.retryable = failure.retryable;
  }
}

/** The SMS API refused the message for good (status 2, 3, 6, 7, …): do not retry. */
export class VonageSmsRejectedError extends PermanentDeliveryError {
  override name = 'VonageSmsRejectedError';
  constructor(
    /** The SMS API's status code, e.g. `3`; null for an HTTP refusal. */
    readonly smsStatus: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Errors come from the SDK's own realm (and, in tests, from another one): read by shape, not by class. */
export async function asVonageError(operation: VonageOperation, error: unknown): Promise<unknown> {
  if (error instanceof VonageApiError || !(typeof error === 'object' && error !== null)) return error;
  const shape = error as {
    name?: unknown;
    message?: unknown;
    response?: { status?: unknown; text?: () => Promise<string> };
    getFailedMessages?: unknown;
  };
  if (typeof shape.getFailedMessages === 'function') return error; // an SMS refusal: smsFailure reads it
  const status = shape.response?.status;
  if (typeof status === 'number') {
    const body = typeof shape.response?.text === 'function' ? await shape.response.text().catch(() => '') : '';
    return httpError(operation, status, body);
  }
  const reason =
    shape.name === 'AbortError' || shape.name === 'TimeoutError'
      ? 'timed out'
      : String(shape.message ?? 'network error');
  return new VonageApiError({
    operation,
    message: `Vonage ${operation} failed: ${reason}`,
    status: null,
    retryable: true,
  });
}

export function httpError(operation: VonageOperation, status: number, body: string): VonageApiError {
  let detail = body.slice(0, 300);
  try {
    const json = JSON.parse(body) as { title?: unknown; detail?: unknown; error_title?: unknown };
    detail =
      [json.title ?? json.error_title, json.detail].filter((part) => typeof part === 'string').join(': ') || detail;
  } catch {
    // not JSON: keep the text
  }
  return new VonageApiError({
    operation,
    message: `Vonage ${operation} failed: HTTP ${status}${detail ? ` ${detail}` : ''}`,
    status,
    retryable: status === 429 || status >= 500,
  });
}

/** SMS failures: permanent ones become `VonageSmsRejectedError` (a `PermanentDeliveryError`). */
export function smsFailure(error: unknown): unknown {
  const shape = error as { getFailedMessages?: () => ReadonlyArray<Record<string, unknown>> } | null;
  if (typeof shape?.getFailedMessages === 'function') {
    const failed = shape.getFailedMessages()[0] ?? {};
    const status = String(failed['status'] ?? '');
    const text = String(failed['errorText'] ?? failed['error-text'] ?? 'refused');
    const message = `the SMS API refused the message: status ${status} ${text}`;
    return smsStatusIsRetryable(status)
      ? new VonageApiError({ operation: 'send-sms', message, status: null, retryable: true })
      : new VonageSmsRejectedError(status, message);
  }
  if (error instanceof VonageApiError && !error.retryable) return new VonageSmsRejectedError(null, error.message);
  return error;
}
