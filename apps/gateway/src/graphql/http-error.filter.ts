import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { DomainError } from '@dutyline/domain';
import { ApiError } from './api-errors';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
  CONFLICT: 409,
};

/**
 * The same refusals on plain HTTP routes (health, webhooks): JSON `{ error: { code, message, field } }`
 * with a fitting status (400 for input errors). In GraphQL they pass through to `mapGraphQLError`.
 */
@Catch(ApiError, DomainError)
export class HttpErrorFilter implements ExceptionFilter {
  catch(error: ApiError | DomainError, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    writeHttpError(host.switchToHttp().getResponse<ServerResponse>(), error);
    return undefined;
  }
}

/** A refusal as the plain HTTP routes answer it: its status, `{ error: { code, message, field } }`. */
export function writeHttpError(response: ServerResponse, error: ApiError | DomainError): void {
  const status = STATUS[error.code] ?? (error instanceof DomainError ? 400 : 422);
  const body = {
    error: { code: error.code, message: error.message, ...(error.field !== undefined ? { field: error.field } : {}) },
  };
  if (error instanceof ApiError && error.details?.retryAfterSeconds !== undefined)
    response.setHeader('Retry-After', String(error.details.retryAfterSeconds));
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}
