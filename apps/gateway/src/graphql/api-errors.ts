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

/** An expected business refusal (a `Result` error) surfaced to the client with its own code. */
export class RefusalError extends ApiError {
  override name = 'RefusalError';
  constructor(
    readonly code: string,
    message: string,
    override readonly field?: string,
    override readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}
