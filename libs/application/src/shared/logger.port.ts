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
