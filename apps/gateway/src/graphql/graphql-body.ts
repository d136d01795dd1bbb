import type { IncomingMessage, ServerResponse } from 'node:http';
import { GRAPHQL_PATH } from './graphql-options';

/**
 * The largest `/graphql` body: a `createSlots` batch of 2,000 slots (SCHEDULE_LIMITS.maxSlotsPerWrite)
 * sent as variables is 260 kB with one escalation level each, 508 kB with three, 756 kB with five.
 */
export const MAX_GRAPHQL_BODY_BYTES = 1024 * 1024;
/** Every other JSON body (carrier webhooks): a few kB; body-parser's own default. */
export const MAX_OTHER_JSON_BODY_BYTES = 100 * 1024;

const pathOf = (request: IncomingMessage) => (request.url ?? '').split('?')[0];
const isJson = (request: IncomingMessage) => /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');

/** Which JSON bodies each parser reads: `/graphql`'s with its limit, the others with theirs. */
export const isGraphqlJson = (request: IncomingMessage) => isJson(request) && pathOf(request) === GRAPHQL_PATH;
export const isOtherJson = (request: IncomingMessage) => isJson(request) && pathOf(request) !== GRAPHQL_PATH;

interface BodyParserError {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as BodyParserError).status === 'number' &&
  typeof (error as BodyParserError).type === 'string';

/**
 * An Express error handler for the body parsers: a body over its limit is answered 413
 * `PAYLOAD_TOO_LARGE`, an unreadable one (bad JSON, charset, encoding) `BAD_REQUEST` with the
 * parser's status, as a GraphQL error on `/graphql` and as
 * `{ error: { code, message } }` elsewhere; never Express's HTML page (with a stack outside production).
 */
// eslint-disable-next-line dutyline/options-object -- Express knows error middleware by its four parameters
export function bodyParserRefusal(
  error: unknown,
  request: IncomingMessage,
  response: ServerResponse,
  next: (error: unknown) => void,
): void {
  if (!isBodyParserError(error) || error.status < 400 || error.status >= 500) {
    next(error);
    return;
  }
  const tooLarge = error.type === 'entity.too.large';
  const code = tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  const graphql = pathOf(request) === GRAPHQL_PATH;
  const limit = graphql ? MAX_GRAPHQL_BODY_BYTES : MAX_OTHER_JSON_BODY_BYTES;
  const message = tooLarge
    ? `The request body is larger than ${limit} bytes.${graphql ? ' Send fewer items per request.' : ''}`
    : error.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : error.message;
  response.statusCode = error.status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  // The client may still be sending: close the connection rather than read the rest.
  if (tooLarge) response.setHeader('connection', 'close');
  response.end(
    JSON.stringify(graphql ? { errors: [{ message, extensions: { code } }] } : { error: { code, message } }),
  );
}
