import { type CallLogger, type LogContext, apologyPrompt, errorContext } from '@dutyline/application';
import { type Prompt, ValidationError } from '@dutyline/domain';
import { playPrompt } from '@dutyline/vonage';

/** One webhook's work, what to say when it fails, and what to log about it. */
export interface GuardedWebhook<T> {
  readonly operation: string;
  readonly context: LogContext;
  readonly fallback: () => T;
  readonly work: () => Promise<T>;
}

/**
 * Runs a webhook's work; any failure is logged (a payload it could not read as a warning) and answered
 * with `fallback()`, and a fallback that fails too with an apology in `language`: never an error reply.
 */
export async function safeReply<T>(logger: CallLogger, language: string, webhook: GuardedWebhook<T>): Promise<T> {
  const { operation, context, fallback, work } = webhook;
  try {
    return await work();
  } catch (error) {
    const level = error instanceof ValidationError ? 'warn' : 'error';
    logger[level](`Vonage ${operation}: answering with the last resort`, { ...context, ...errorContext(error) });
    try {
      return fallback();
    } catch (fallbackError) {
      logger.error(`Vonage ${operation}: the last resort failed too`, errorContext(fallbackError));
      return [playPrompt(apologyPrompt(language))] as T;
    }
  }
}

/** `work`'s result, or undefined when it fails or takes longer than `budgetMs`. */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), budgetMs);
  });
  try {
    return await Promise.race([work.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Said to a caller when nothing is left to do. */
export function goodbye(language: string): Prompt {
  return { kind: 'text', text: 'Thank you for calling. Goodbye.', language };
}
