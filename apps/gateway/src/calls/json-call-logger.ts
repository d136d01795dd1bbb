import type { CallLogger } from '@dutyline/application';
import type { JsonLogger } from '../logging/json-logger';

/** The inbound call service's log lines, as the gateway's JSON lines (with the request id). */
export function jsonCallLogger(logger: JsonLogger, context: string): CallLogger {
  return {
    info: (message, fields) => logger.entry('info', message, { context, ...fields }),
    warn: (message, fields) => logger.entry('warn', message, { context, ...fields }),
    error: (message, fields) => logger.entry('error', message, { context, ...fields }),
  };
}
