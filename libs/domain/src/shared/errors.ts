/**
 * A rule of the domain was broken. `code` is stable (clients switch on it), `field` is the
 * path of the offending input when there is one (e.g. `contactNumbers[1].number`).
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Input that can never be accepted as given: fix it and try again. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';

  /** The same error, its field path nested under `prefix` (`slots[2]` + `end` → `slots[2].end`). */
  under(prefix: string): ValidationError {
    const own = (this.field ?? '').replace(/^\./, '');
    const field = !own ? prefix : !prefix ? own : own.startsWith('[') ? prefix + own : `${prefix}.${own}`;
    return new ValidationError(this.code, this.message, field);
  }
}

/** Runs `build`, re-throwing a ValidationError with its field nested under `prefix`. */
export function validatingUnder<T>(prefix: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ValidationError) throw error.under(prefix);
    throw error;
  }
}

export function invalid(code: string, field: string, message: string): never {
  throw new ValidationError(code, message, field);
}
