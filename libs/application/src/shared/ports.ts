import { Id } from '@dutyline/domain';
import { NotificationSettings } from './notification-settings';

// The ports of the shared kernel, each with its failure contract.

/** Structured context of a log line: ids, numbers, reasons. */
export type LogContext = Readonly<Record<string, unknown>>;

/**
 * Where the inbound call service writes what an operator must see (unknown numbers, fallbacks, store
 * failures). Never fails: implementations swallow their own errors.
 */
export interface CallLogger {
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

export const silentCallLogger: CallLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Per-hotline notification settings. Failure contract: a rejection means the store is unreachable
 * (the job retries); `undefined` means never saved (the defaults apply).
 */
export interface NotificationSettingsStore {
  notificationSettings(accountId: Id, hotlineId: Id): Promise<NotificationSettings | undefined>;
  /** Creates or replaces; deleting the hotline deletes them. Unknown hotline: `UNKNOWN_HOTLINE` at `hotlineId`. */
  saveNotificationSettings(accountId: Id, hotlineId: Id, settings: NotificationSettings): Promise<void>;
}
