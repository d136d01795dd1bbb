import { NonRetryableJobError, PermanentDeliveryError, ValidationError } from '@dutyline/domain';

/**
 * Whether trying again cannot help: a refused address or message (`PermanentDeliveryError`), input
 * that can never be valid (`ValidationError`, e.g. an untrusted recording URL), a job already marked
 * non-retryable, or a carrier refusal flagged not retryable for a malformed or vanished resource
 * (HTTP 400, 410, 422). Credentials (401/403), a recording not there yet (404) and anything else retry.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (
    error instanceof PermanentDeliveryError ||
    error instanceof ValidationError ||
    error instanceof NonRetryableJobError
  )
    return true;
  const shape = error as { retryable?: unknown; status?: unknown } | null;
  return shape?.retryable === false && (shape.status === 400 || shape.status === 410 || shape.status === 422);
}

export const failureText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
