export * from './smtp-settings';
export * from './smtp-mailer';
export * from './smtp-url';
export * from './smtp-failure';
export * from './outbox-mailer';
export * from './audio-attachment';
export * from './message-id';
export type { MailSender } from './compose-mail';
