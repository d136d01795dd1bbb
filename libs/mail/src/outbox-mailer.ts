import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmailAddress, MailMessage, MailReceipt, MailerPort } from '@dutyline/domain';
import { createTransport } from 'nodemailer';
import { MailSender, composeMail } from './compose-mail';

export interface OutboxMailerSettings {
  /** The folder the `.eml` files go to; created on the first send, readable by the owner only (0700, files 0600). */
  readonly directory: string;
  readonly from: EmailAddress;
  /** Shown beside `from`. @defaultValue none */
  readonly fromName?: string;
}

/**
 * The embedded default when no SMTP server is configured: each message becomes an RFC 822 `.eml`
 * file (attachments included) that any mail reader opens. A message with an idempotency key is
 * stored once — the file name comes from the key and an existing file is kept. Files appear whole
 * (written aside, then linked into place) so a crash never leaves half a message.
 */
export class OutboxMailer implements MailerPort {
  private readonly sender: MailSender;
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(private readonly settings: OutboxMailerSettings) {
    this.sender = { address: settings.from, ...(settings.fromName ? { name: settings.fromName } : {}) };
  }

  /** Where the messages are written. */
  get directory(): string {
    return this.settings.directory;
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const info = await this.composer.sendMail(composeMail(message, this.sender));
    const raw = info.message as Buffer;
    // Voicemails and alerts name callers and carry their recordings: the owner's eyes only.
    await mkdir(this.settings.directory, { recursive: true, mode: 0o700 });
    const target = join(this.settings.directory, outboxFileName(message.idempotencyKey, info.messageId));
    const pending = join(this.settings.directory, `.pending-${randomBytes(8).toString('hex')}.eml`);
    await writeFile(pending, raw, { mode: 0o600 });
    try {
      await link(pending, target);
    } catch (error) {
      // Already stored under this key: the first copy stands.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(pending);
    }
    return { messageId: info.messageId, rejected: [] };
  }

  async close(): Promise<void> {
    this.composer.close();
  }

  toString(): string {
    return `outbox folder ${this.settings.directory} from ${this.settings.from.value}`;
  }
}

/**
 * `<readable key>.<hash>.eml` for a keyed message (the hash keeps two keys that read alike apart),
 * `message-<Message-ID>.eml` otherwise.
 */
export function outboxFileName(idempotencyKey: string | undefined, messageId: string): string {
  if (idempotencyKey === undefined) return `message-${safeName(messageId.replace(/^<|>$/g, ''))}.eml`;
  const hash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 12);
  return `${safeName(idempotencyKey).slice(0, 80)}.${hash}.eml`;
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'message';
}
