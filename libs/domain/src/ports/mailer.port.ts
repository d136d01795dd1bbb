import { EmailAddress } from '../shared';

export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface MailMessage {
  readonly to: readonly EmailAddress[];
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly MailAttachment[];
  /** Lets the transport drop a message it already accepted under the same key. */
  readonly idempotencyKey?: string;
}

/** A delivery that can never succeed (rejected recipient): do not retry. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/**
 * Sends e-mail. Failure contract: rejects with `PermanentDeliveryError` when retrying cannot help,
 * with any other error when it may (server down, timeout).
 */
export interface MailerPort {
  send(message: MailMessage): Promise<{ messageId: string }>;
}
