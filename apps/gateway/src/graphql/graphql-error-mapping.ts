import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, VersionConflictError } from '@dutyline/domain';
import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ApiError } from './api-errors';
import { inputErrorPath } from './input-error-path';

/** Codes graphql-js and Apollo give to requests that never reached a resolver; they stay as they are. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorMappingContext {
  /** The request's id, returned with unexpected errors so support can find the log line. */
  readonly requestId?: string;
  /** Logs an unexpected error with its stack, server-side only. */
  readonly logUnexpected: (error: unknown) => void;
}

/**
 * THE place where errors become GraphQL errors (Apollo's `formatError`):
 * - domain `ValidationError`/`DomainError` → its `code` and `field`;
 * - gateway refusals (`ApiError`: NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, TOO_MANY_REQUESTS, Result
 *   refusals) → their code, field and details;
 * - `VersionConflictError` → `CONFLICT`;
 * - the parser's token limit → `QUERY_TOO_MANY_TOKENS`;
 * - graphql-js input coercion (wrong type, missing argument, too many such errors) → `BAD_USER_INPUT` with the argument path;
 * - anything else → `INTERNAL_SERVER_ERROR`, a generic message and the request id; logged, never a stack.
 */
export function mapGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  context: ErrorMappingContext,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  const shaped: Shape = (message, code, { field, details } = {}) => ({
    message,
    ...where,
    extensions: { code, ...(field !== undefined ? { field } : {}), ...(details !== undefined ? { details } : {}) },
  });

  if (original instanceof DomainError) return shaped(original.message, original.code, { field: original.field });
  if (original instanceof ApiError)
    return shaped(original.message, original.code, { field: original.field, details: original.details });
  if (original instanceof VersionConflictError) {
    return shaped('The data changed since it was read: reload and try again.', 'CONFLICT');
  }
  if (original instanceof HttpException) {
    const code = HTTP_CODES[original.getStatus()];
    if (code !== undefined) return shaped(original.message, code);
  }
  if (original instanceof GraphQLError) {
    const mapped = mapProtocolError(original, formatted, shaped);
    if (mapped) return mapped;
  }
  context.logUnexpected(original);
  return {
    message: 'Internal server error',
    ...where,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(context.requestId ? { requestId: context.requestId } : {}) },
  };
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
};

/** The parser's token limit (`parseOptions.maxTokens`) has no code in graphql-js, only this message (16.x spells it "more that"). */
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/** graphql-js stops coercing variables after 50 errors with this error, which Apollo leaves without a code. */
const VARIABLE_ERROR_LIMIT = /^Too many errors processing variables, error limit reached/;

type Shape = (
  message: string,
  code: string,
  about?: { readonly field?: string; readonly details?: Readonly<Record<string, unknown>> },
) => GraphQLFormattedError;

/** Errors raised by graphql-js or Apollo before or around execution (not by our code). */
function mapProtocolError(
  error: GraphQLError,
  formatted: GraphQLFormattedError,
  shaped: Shape,
): GraphQLFormattedError | undefined {
  const code = String(formatted.extensions?.code ?? '');
  const cause = rootCause(error);
  // A custom scalar or a validation rule of ours raised it: keep its own code.
  if (cause instanceof DomainError)
    return shaped(cause.message, cause.code, { field: inputErrorPath(error) ?? cause.field });
  const ruleCode = cause instanceof GraphQLError ? cause.extensions?.code : undefined;
  if (typeof ruleCode === 'string' && ruleCode !== code && cause !== error) return shaped(formatted.message, ruleCode);
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') {
    const field = inputErrorPath(error);
    if (field !== undefined) return shaped(formatted.message, 'BAD_USER_INPUT', { field });
  }
  const tokenLimit = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokenLimit) {
    return shaped(
      `The operation has more than ${tokenLimit[1]} tokens; send large inputs as variables.`,
      'QUERY_TOO_MANY_TOKENS',
    );
  }
  if (VARIABLE_ERROR_LIMIT.test(formatted.message))
    return shaped('Too many invalid values in the variables; the first ones are listed.', 'BAD_USER_INPUT');
  if (PROTOCOL_CODES.has(code) || code === 'BAD_USER_INPUT') return shaped(formatted.message, code);
  return undefined;
}

function rootCause(error: GraphQLError): unknown {
  let cause: unknown = error;
  for (let i = 0; i < 5 && cause instanceof GraphQLError && cause.originalError; i++) cause = cause.originalError;
  return cause;
}
