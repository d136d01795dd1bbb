import { DomainError, ValidationError, VersionConflictError, err } from '@dutyline/domain';
import { ForbiddenException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError, locatedError, parse } from 'graphql';
import { ForbiddenError, NotFoundError, RefusalError, TooManyRequestsError, UnauthenticatedError } from './api-errors';
import { mapGraphQLError } from './graphql-error-mapping';
import { valueOrRefuse } from './refusals';

/** What Apollo hands formatError for an error thrown in a resolver. */
function fromResolver(error: Error): [GraphQLFormattedError, unknown] {
  const located = locatedError(error, undefined, ['person']);
  return [{ message: located.message, path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located];
}

function map(error: Error) {
  const logged: unknown[] = [];
  const [formatted, raw] = fromResolver(error);
  const result = mapGraphQLError(formatted, raw, { requestId: 'req-1', logUnexpected: (e) => logged.push(e) });
  return { result, logged };
}

const refusal = (() => {
  try {
    valueOrRefuse(
      err({ code: 'SLOT_OVERLAP', message: 'overlaps slot s-1', field: 'slots[3]', conflictingSlotIds: ['s-1'] }),
      'input',
    );
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
})();

describe('mapGraphQLError', () => {
  it.each([
    [
      'a ValidationError',
      new ValidationError('INVALID_PHONE_NUMBER', '"12" is not a phone number', 'input.contactNumbers[1].number'),
      { code: 'INVALID_PHONE_NUMBER', field: 'input.contactNumbers[1].number' },
    ],
    ['a DomainError', new DomainError('SCHEDULE_LOCKED', 'locked'), { code: 'SCHEDULE_LOCKED' }],
    [
      'a Result refusal',
      refusal,
      { code: 'SLOT_OVERLAP', field: 'input.slots[3]', details: { conflictingSlotIds: ['s-1'] } },
    ],
    ['NotFoundError', new NotFoundError('Hotline', 'hotlineId'), { code: 'NOT_FOUND', field: 'hotlineId' }],
    ['ForbiddenError', new ForbiddenError('no'), { code: 'FORBIDDEN' }],
    ['UnauthenticatedError', new UnauthenticatedError('who?'), { code: 'UNAUTHENTICATED' }],
    [
      'TooManyRequestsError',
      new TooManyRequestsError(60),
      { code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 60 } },
    ],
    [
      'RefusalError',
      new RefusalError('EMAIL_TAKEN', 'taken', 'input.email'),
      { code: 'EMAIL_TAKEN', field: 'input.email' },
    ],
    ['VersionConflictError', new VersionConflictError('stale'), { code: 'CONFLICT' }],
    ['a Nest ForbiddenException', new ForbiddenException(), { code: 'FORBIDDEN' }],
  ])('maps %s to its code, field and details, keeping the path', (_name, error, extensions) => {
    const { result, logged } = map(error);
    expect(result.extensions).toEqual(extensions);
    expect(result.path).toEqual(['person']);
    expect(logged).toEqual([]);
  });

  it.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      'a driver error',
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:3306 user=root'), { code: 'ECONNREFUSED' }),
    ],
  ])('hides %s behind a generic INTERNAL_SERVER_ERROR with the request id, and logs it', (_name, error) => {
    const { result, logged } = map(error);
    expect(result).toEqual({
      message: 'Internal server error',
      path: ['person'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' },
    });
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|Cannot read|stack|\.ts:/);
    expect(logged).toEqual([error]);
  });

  it('keeps the code of a validation rule of ours (QUERY_TOO_DEEP) that Apollo relabelled', () => {
    const rule = new GraphQLError('too deep', { extensions: { code: 'QUERY_TOO_DEEP' } });
    const wrapped = new GraphQLError('too deep', {
      originalError: rule,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const result = mapGraphQLError(
      { message: 'too deep', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      wrapped,
      { logUnexpected: () => undefined },
    );
    expect(result.extensions).toEqual({ code: 'QUERY_TOO_DEEP' });
  });

  it("gives the parser's token limit its own code, QUERY_TOO_MANY_TOKENS, and leaves other syntax errors as they are", () => {
    const apolloSyntaxError = (query: string) => {
      try {
        parse(query, { maxTokens: 10 });
      } catch (error) {
        const cause = error as GraphQLError;
        return new GraphQLError(cause.message, { originalError: cause, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      }
      throw new Error('expected a syntax error');
    };
    const mapped = (error: GraphQLError) =>
      mapGraphQLError({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error, {
        logUnexpected: () => undefined,
      });
    expect(mapped(apolloSyntaxError('{ a b c d e f g h i j k }'))).toEqual({
      message: 'The operation has more than 10 tokens; send large inputs as variables.',
      extensions: { code: 'QUERY_TOO_MANY_TOKENS' },
    });
    expect(mapped(apolloSyntaxError('{ a(')).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it("turns graphql-js's error limit on variables (no code from Apollo) into BAD_USER_INPUT, not an unexpected error", () => {
    const message = 'Too many errors processing variables, error limit reached. Execution aborted.';
    const logged: unknown[] = [];
    const result = mapGraphQLError(
      { message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(message),
      { logUnexpected: (e) => logged.push(e) },
    );
    expect(result).toEqual({
      message: 'Too many invalid values in the variables; the first ones are listed.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(logged).toEqual([]);
  });

  it('turns a variable coercion error into BAD_USER_INPUT naming the variable path', () => {
    const message =
      'Variable "$input" got invalid value "x" at "input.ringTimeoutSeconds"; Int cannot represent non-integer value: "x"';
    const error = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
    const result = mapGraphQLError({ message, extensions: { code: 'BAD_USER_INPUT' } }, error, {
      logUnexpected: () => undefined,
    });
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.ringTimeoutSeconds' });
  });

  it('keeps a domain code raised by a scalar while coercing a variable, with the variable path', () => {
    const cause = new ValidationError('INVALID_INSTANT', '"soon" is not an instant', 'instant');
    const coercion = new GraphQLError('Variable "$at" got invalid value "soon"; "soon" is not an instant', {
      originalError: cause,
    });
    const apollo = new GraphQLError(coercion.message, {
      originalError: coercion,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const result = mapGraphQLError({ message: apollo.message, extensions: { code: 'BAD_USER_INPUT' } }, apollo, {
      logUnexpected: () => undefined,
    });
    expect(result.extensions).toEqual({ code: 'INVALID_INSTANT', field: 'at' });
  });

  it('leaves syntax errors as GRAPHQL_PARSE_FAILED', () => {
    const error = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    const result = mapGraphQLError({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error, {
      logUnexpected: () => undefined,
    });
    expect(result.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});
