import { PermanentDeliveryError } from '@dutyline/domain';

/**
 * A send that failed for a reason that may pass (server down, timeout, 4xx reply, refused login,
 * refused sender): try again later. `code` is nodemailer's (`ECONNECTION`, `ETIMEDOUT`, `EENVELOPE`…),
 * `responseCode` the SMTP reply code when the server gave one.
 */
export class MailTransportError extends Error {
  override name = 'MailTransportError';
  readonly code: string | undefined;
  readonly responseCode: number | undefined;

  constructor(
    message: string,
    details: { readonly code?: string; readonly responseCode?: number; readonly cause?: unknown } = {},
  ) {
    super(message, 'cause' in details ? { cause: details.cause } : undefined);
    this.code = details.code;
    this.responseCode = details.responseCode;
  }
}

interface NodemailerFailure {
  readonly message?: string;
  readonly code?: string;
  readonly command?: string;
  readonly responseCode?: number;
  readonly permanent?: boolean;
}

/**
 * Whether retrying the same message can help. Permanent: a 5xx reply (except 503, a session
 * hiccup) to RCPT TO or DATA, i.e. refused recipients or a refused message; a message over the
 * server's size limit; a recipient list nodemailer itself refuses. Everything else is retryable —
 * including a refused login or sender, which an operator fixes in the settings while jobs wait.
 */
export function isPermanentSmtpFailure(failure: NodemailerFailure): boolean {
  const { code, command, responseCode, permanent } = failure;
  if (permanent === true && (command === 'RCPT TO' || command === 'DATA')) return true;
  if (command === 'MAIL FROM' && (responseCode === 552 || (code === 'EMESSAGE' && responseCode === undefined)))
    return true;
  return code === 'EENVELOPE' && command === 'API';
}

/** The error the port promises for a failed SMTP send. */
export function classifySmtpFailure(error: unknown): PermanentDeliveryError | MailTransportError {
  if (error instanceof PermanentDeliveryError || error instanceof MailTransportError) return error;
  const failure: NodemailerFailure = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const message = `SMTP send failed${failure.command ? ` at ${failure.command}` : ''}: ${failure.message ?? 'unknown error'}`;
  if (isPermanentSmtpFailure(failure)) return new PermanentDeliveryError(message, { cause: error });
  return new MailTransportError(message, { code: failure.code, responseCode: failure.responseCode, cause: error });
}
