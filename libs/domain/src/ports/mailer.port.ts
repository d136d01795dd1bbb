import { EmailAddress } from '../shared';

export interface MailAttachment {
  /** Shown to the recipient, e.g. `voicemail-2027-03-28-0215.mp3`. */
  readonly filename: string;
  /** MIME type, e.g. `audio/mpeg`. */
  readonly contentType: string;
  /** The exact bytes to attach (a Node `Buffer` is one). */
  readonly content: Uint8Array;
}

export interface MailMessage {
  readonly to: readonly EmailAddress[];
  readonly subject: string;
  readonly text: string;
  /** An HTML alternative to `text`; mail readers show one of the two. */
  readonly html?: string;
  readonly attachments?: readonly MailAttachment[];
  /**
   * The same key always yields the same `Message-ID`, so a receiver can spot a repeated send;
   * a transport that keeps its own copies (the outbox) stores a key once.
   */
  readonly idempotencyKey?: string;
}

export interface MailReceipt {
  /** The `Message-ID` header the message went out with, angle brackets included. */
  readonly messageId: string;
  /**
   * Recipients the server refused while it accepted the others. The message was delivered to
   * the rest, so it is not retried; a caller that must reach each one sends one message each.
   */
  readonly rejected: readonly EmailAddress[];
}

/** A delivery that can never succeed (refused recipient, message refused as such): do not retry. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/**
 * Sends e-mail. Failure contract: rejects with `PermanentDeliveryError` when retrying the same
 * message cannot help (every recipient refused for good, the message itself refused); any other
 * rejection means try again later (server down, timeout, temporary refusal, wrong credentials).
 */
export interface MailerPort {
  send(message: MailMessage): Promise<MailReceipt>;
}
