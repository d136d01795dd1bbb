import type { CombinedError } from 'urql';

/** A server refusal as the console shows it: the message, and the input field it is about when the API named one. */
export interface FieldError {
  readonly message: string;
  readonly code?: string;
  readonly field?: string;
}

export function fieldErrors(error: CombinedError | undefined): FieldError[] {
  if (!error) return [];
  if (error.networkError && error.graphQLErrors.length === 0)
    return [{ message: error.networkError.message, code: 'NETWORK' }];
  return error.graphQLErrors.map((e) => ({
    message: e.message,
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
    field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
  }));
}

/** The message for an input field: `input.contactNumbers[1].number` matches `contactNumbers[1].number` and its parents' paths. */
export function errorAt(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((e) => e.field !== undefined && (e.field === path || e.field.endsWith(`.${path}`)))?.message;
}

/** Errors that name no field the form shows: shown once, above the form. */
export function generalErrors(errors: readonly FieldError[], shownFields: readonly string[]): FieldError[] {
  return errors.filter(
    (e) => e.field === undefined || !shownFields.some((path) => e.field === path || e.field!.endsWith(`.${path}`)),
  );
}
