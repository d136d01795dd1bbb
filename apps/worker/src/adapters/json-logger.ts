import { LogLevel } from '../config/worker-config';

export type LogFields = Readonly<Record<string, unknown>>;

/** What the worker writes for operators. Never throws. */
export interface WorkerLogger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

const RANKS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** One JSON object per line on stdout: `{"time":…,"level":"info","msg":"…",…}`. */
export function jsonLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  component = 'worker',
): WorkerLogger {
  const log =
    (at: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (RANKS[at] > RANKS[level]) return;
      try {
        write(JSON.stringify({ time: new Date().toISOString(), level: at, component, msg: message, ...fields }));
      } catch {
        // a log line that cannot be written is dropped
      }
    };
  return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}

export const silentLogger: WorkerLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
