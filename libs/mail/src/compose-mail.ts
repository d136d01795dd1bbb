import { EmailAddress, MailMessage, PermanentDeliveryError, ValidationError, invalid } from '@dutyline/domain';
import type { SendMailOptions } from 'nodemailer';
import { messageIdFor } from './message-id';

/** Who the mail comes from. */
export interface MailSender {
  readonly address: EmailAddress;
  /** Shown beside the address, e.g. `Dutyline`. */
  readonly name?: string;
}

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const MAX_KEY_LENGTH = 500;

/**
 * The nodemailer form of a message. A message that can never be sent (no recipient, an attachment
 * without bytes…) is refused with a `PermanentDeliveryError` whose `cause` is a `ValidationError`
 * naming the field: retrying it cannot help, and the port's contract says so with that class.
 */
export function composeMail(message: MailMessage, sender: MailSender): SendMailOptions {
  try {
    checkMessage(message);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new PermanentDeliveryError(`The message cannot be sent: ${error.message} (${error.field})`, {
        cause: error,
      });
    }
    throw error;
  }
  const domain = sender.address.value.slice(sender.address.value.lastIndexOf('@') + 1);
  return {
    from: sender.name ? { name: sender.name, address: sender.address.value } : sender.address.value,
    to: message.to.map((address) => address.value),
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    attachments: (message.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
    })),
    ...(message.idempotencyKey === undefined ? {} : { messageId: messageIdFor(message.idempotencyKey, domain) }),
    // Only the bytes we hand over go out: never a file path or URL named inside a message.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function checkMessage(message: MailMessage): void {
  if (message.to.length === 0) invalid('NO_RECIPIENT', 'to', 'a message needs at least one recipient');
  message.to.forEach((address, i) => {
    if (!(address instanceof EmailAddress)) invalid('INVALID_EMAIL', `to[${i}]`, 'a recipient must be an EmailAddress');
  });
  if (typeof message.subject !== 'string') invalid('REQUIRED', 'subject', 'a message needs a subject');
  if (typeof message.text !== 'string') invalid('REQUIRED', 'text', 'a message needs a plain-text body');
  (message.attachments ?? []).forEach((attachment, i) => {
    const field = `attachments[${i}]`;
    if (
      typeof attachment.filename !== 'string' ||
      attachment.filename.trim() === '' ||
      /[\r\n]/.test(attachment.filename)
    ) {
      invalid('INVALID_FILENAME', `${field}.filename`, 'an attachment needs a one-line file name');
    }
    if (typeof attachment.contentType !== 'string' || !MIME_TYPE.test(attachment.contentType)) {
      invalid('INVALID_CONTENT_TYPE', `${field}.contentType`, `"${attachment.contentType}" is not a MIME type`);
    }
    if (!(attachment.content instanceof Uint8Array))
      invalid('INVALID_CONTENT', `${field}.content`, 'attachment content must be bytes');
  });
  const key = message.idempotencyKey;
  if (key !== undefined && (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH)) {
    invalid('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey', `an idempotency key is 1 to ${MAX_KEY_LENGTH} characters`);
  }
}

/** The recipients nodemailer reports as refused, as the message's own addresses. */
export function refusedRecipients(message: MailMessage, refused: readonly unknown[] | undefined): EmailAddress[] {
  const wanted = new Set((refused ?? []).map((address) => String(address).toLowerCase()));
  return message.to.filter((address) => wanted.has(address.value.toLowerCase()));
}
