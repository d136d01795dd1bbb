import { CallLogger, LogContext } from '../../shared';

/** Keeps every line written, for assertions. */
export class RecordingCallLogger implements CallLogger {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string; context: LogContext }[] = [];

  info(message: string, context: LogContext = {}): void {
    this.lines.push({ level: 'info', message, context });
  }

  warn(message: string, context: LogContext = {}): void {
    this.lines.push({ level: 'warn', message, context });
  }

  error(message: string, context: LogContext = {}): void {
    this.lines.push({ level: 'error', message, context });
  }

  messages(level?: 'info' | 'warn' | 'error'): string[] {
    return this.lines.filter((line) => level === undefined || line.level === level).map((line) => line.message);
  }
}
