import type { ServerResponse } from 'node:http';
import { invalid } from '@dutyline/domain';
import type { Ncco, WebhookInput } from '@dutyline/vonage';
import type { RawBodyRequest } from './raw-body-capture';

/** An NCCO as JSON, or 204 for "nothing to change". */
export function reply(response: ServerResponse, ncco: Ncco | null): void {
  if (ncco === null) {
    response.statusCode = 204;
    response.end();
    return;
  }
  const body = JSON.stringify(ncco);
  response.statusCode = 200;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(body);
}

/** The webhook's fields: the raw query of a GET, else the raw body (JSON, or a form). Throws a ValidationError when unreadable. */
export function fieldsOf(request: RawBodyRequest): WebhookInput {
  const url = request.originalUrl ?? request.url ?? '';
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  if (request.method === 'GET' || request.method === 'HEAD') return query;
  const raw = request.rawBody ?? bodyParsedElsewhere(request);
  if (raw === null) return query;
  const text = raw.toString('utf8');
  if (/application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? ''))
    return new URLSearchParams(text);
  if (text.trim() === '') return query;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    invalid('INVALID_PAYLOAD', 'body', 'the webhook body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    invalid('INVALID_PAYLOAD', 'body', 'the webhook body is not a JSON object');
  return body as Record<string, unknown>;
}

/** On call-critical URLs an unreadable body is read as empty: the adapter then answers its last resort. */
export function leniently(request: RawBodyRequest): WebhookInput {
  try {
    return fieldsOf(request);
  } catch {
    return {};
  }
}

/** When the raw body was not captured (the capture could not be installed): the parsed body, as JSON again. */
function bodyParsedElsewhere(request: RawBodyRequest): Buffer | null {
  const body = (request as { body?: unknown }).body;
  return body === undefined || body === null ? null : Buffer.from(JSON.stringify(body));
}

/** A text field of the webhook, trimmed; null when absent, empty or not a text. */
export function textField(fields: WebhookInput, key: string): string | null {
  const value = fields instanceof URLSearchParams ? fields.get(key) : (fields as Record<string, unknown>)?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
