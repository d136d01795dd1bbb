export { SMTP_SECURITIES, type SmtpMailerSettings, type SmtpSecurity } from './smtp-settings';
export { SmtpMailer } from './smtp-mailer';
export { smtpMailerFromUrl, smtpSettingsFromUrl } from './smtp-url';
export { MailTransportError } from './smtp-failure';
export { OutboxMailer, type OutboxMailerSettings } from './outbox-mailer';
export { messageIdFor } from './message-id';
export type { MailSender } from './compose-mail';
