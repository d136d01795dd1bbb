import { formatInstant } from '@dutyline/domain';

/** Keys whose number is an instant (epoch milliseconds in the domain): `nextAttemptAt`, `until`. */
const INSTANT_KEY = /(At|^until|^since)$/;

/**
 * Details as the API gives them: instants as ISO strings like every `Instant` of the schema (a Date,
 * or a number under a key named like an instant), nested objects alike.
 */
export function apiDetails(details: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const value = (key: string, v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'number' && INSTANT_KEY.test(key) && Number.isFinite(v)) return formatInstant(v);
    if (Array.isArray(v)) return v.map((item) => value('', item));
    if (v !== null && typeof v === 'object') return apiDetails(v as Record<string, unknown>);
    return v;
  };
  return Object.fromEntries(Object.entries(details).map(([key, v]) => [key, value(key, v)]));
}

/**
 * Refusals the gateway itself raises. Each has a stable `code` (GraphQL `extensions.code`); the
 * error mapping (`graphql-error-mapping.ts`) is the only place that turns them into GraphQL errors.
 */
export abstract class ApiError extends Error {
  abstract readonly code: string;
  /** Input path the refusal is about, e.g. `input.hotlineId`. */
  readonly field?: string;
  /** Plain JSON details clients may use (ids in conflict, retry delay). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The id names nothing the caller's account can see: also the answer for another account's ids. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    what: string,
    override readonly field?: string,
  ) {
    super(`${what} not found`);
  }
}

/** Authenticated, but the role does not allow it. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

/** No valid credentials: missing, malformed, expired or revoked. */
export class UnauthenticatedError extends ApiError {
  override name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
}

/** Too many attempts; try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends ApiError {
  override name = 'TooManyRequestsError';
  readonly code = 'TOO_MANY_REQUESTS';
  override readonly details: { readonly retryAfterSeconds: number };
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; try again in ${retryAfterSeconds} s.`);
    this.details = { retryAfterSeconds };
  }
}

/** An expected business refusal (a `Result` error) surfaced to the client with its own code; instants in `details` as ISO strings. */
export class RefusalError extends ApiError {
  override name = 'RefusalError';
  override readonly details?: Readonly<Record<string, unknown>>;
  constructor(
    readonly code: string,
    message: string,
    override readonly field?: string,
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.details = details && apiDetails(details);
  }
}
