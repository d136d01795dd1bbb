import { Result, ValidationError } from '@dutyline/domain';
import { ApiError, RefusalError } from './api-errors';

/** The shape every domain refusal has: a stable code, a message, maybe the input it is about. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/**
 * The value of an expected outcome, or the refusal thrown as a RefusalError (code, field nested
 * under `argument`, other plain fields as `extensions.details`). Resolvers call it on every Result:
 * `const change = valueOrRefuse(createSlots(...), 'input')`.
 */
export function valueOrRefuse<T, E extends Refusal>(result: Result<T, E>, argument?: string): T {
  if (result.ok) return result.value;
  const { code, message, field, ...details } = result.error;
  const path = field === undefined ? argument : argument === undefined ? field : nestField(argument, field);
  throw new RefusalError(code, message, path, Object.keys(details).length > 0 ? details : undefined);
}

/**
 * Runs `build` (sync or async) and nests the field of a ValidationError or a refusal under the GraphQL
 * argument it came from: `inArgument('input', () => person({...input}))` reports `input.contactNumbers[1].number`.
 */
export function inArgument<T>(argument: string, build: () => T): T {
  const nest = (error: unknown): never => {
    if (error instanceof ValidationError) throw error.under(argument);
    if (error instanceof ApiError && error.field !== undefined) {
      throw new RefusalError(error.code, error.message, nestField(argument, error.field), error.details);
    }
    throw error;
  };
  try {
    const value = build();
    return (value instanceof Promise ? value.catch(nest) : value) as T;
  } catch (error) {
    return nest(error);
  }
}

const nestField = (argument: string, field: string): string =>
  field === '' ? argument : field.startsWith('[') ? argument + field : `${argument}.${field}`;
