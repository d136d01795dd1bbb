import { LogContext } from './ports';

/** An error as log context: its message and name. */
export function errorContext(error: unknown): LogContext {
  return error instanceof Error ? { error: error.message, errorName: error.name } : { error: String(error) };
}
