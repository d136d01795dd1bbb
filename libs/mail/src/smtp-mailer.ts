import { MailMessage, MailReceipt, MailerPort } from '@dutyline/domain';
import { createTransport } from 'nodemailer';
import { MailSender, composeMail, refusedRecipients } from './compose-mail';
import { MailTransportError, classifySmtpFailure } from './smtp-failure';
import { ResolvedSmtpSettings, SmtpMailerSettings, resolveSmtpSettings } from './smtp-settings';

/**
 * Sends mail through an SMTP server, reusing a few pooled connections. Failures follow the port:
 * `PermanentDeliveryError` for refused recipients or a refused message, `MailTransportError`
 * (retry later) for anything else. When the server accepts some recipients and refuses others the
 * send resolves and lists the refused ones in `rejected`.
 */
export class SmtpMailer implements MailerPort {
  private readonly settings: ResolvedSmtpSettings;
  private readonly sender: MailSender;
  private readonly transport;
  private closed = false;

  /** @throws ValidationError naming the faulty setting */
  constructor(settings: SmtpMailerSettings) {
    this.settings = resolveSmtpSettings(settings);
    const s = this.settings;
    this.sender = { address: s.from, ...(s.fromName ? { name: s.fromName } : {}) };
    this.transport = createTransport({
      pool: true,
      host: s.host,
      port: s.port,
      secure: s.security === 'tls',
      requireTLS: s.security === 'starttls',
      ignoreTLS: s.security === 'none',
      ...(s.auth ? { auth: { user: s.auth.user, pass: s.auth.pass } } : {}),
      connectionTimeout: s.connectTimeoutMs,
      greetingTimeout: s.greetingTimeoutMs,
      socketTimeout: s.socketTimeoutMs,
      maxConnections: s.maxConnections,
      tls: { rejectUnauthorized: s.rejectUnauthorized },
    });
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    if (this.closed) throw new MailTransportError('The SMTP mailer is closed', { code: 'ECLOSED' });
    const mail = composeMail(message, this.sender);
    try {
      const info = await this.transport.sendMail(mail);
      return { messageId: info.messageId, rejected: refusedRecipients(message, info.rejected) };
    } catch (error) {
      throw classifySmtpFailure(error);
    }
  }

  /** Closes the pooled connections; later sends fail (retryably). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.transport.close();
  }

  /** Where mail goes, without the password: for start-up logs. */
  toString(): string {
    const s = this.settings;
    const user = s.auth ? `${s.auth.user}@` : '';
    return `${s.security === 'tls' ? 'smtps' : 'smtp'}://${user}${s.host}:${s.port} (${s.security}) from ${s.from.value}`;
  }
}
