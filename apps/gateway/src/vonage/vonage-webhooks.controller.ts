import { All, Controller, HttpCode, Inject, Param, Req, Res, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { invalid } from '@dutyline/domain';
import type { Ncco, WebhookInput } from '@dutyline/vonage';
import { Public } from '../auth/auth.decorators';
import type { RawBodyRequest } from './raw-body-capture';
import type { VonageCallAdapter } from './vonage-call-adapter';
import { VonageSignatureGuard } from './vonage-signature.guard';
import { VONAGE_CALL_ADAPTER } from './vonage.tokens';

/**
 * Vonage's Voice webhooks (GET with query parameters or POST with a JSON body, signed). The answer,
 * event, fallback and per-leg URLs always answer 200 with an NCCO or 204: never an error Vonage would
 * turn into a dropped call. The recording callback is not call-critical: a malformed payload gets 400
 * naming the field. Unsigned or forged requests get 401 (VonageSignatureGuard).
 */
@Controller('vonage')
@Public()
@UseGuards(VonageSignatureGuard)
export class VonageWebhooksController {
  constructor(@Inject(VONAGE_CALL_ADAPTER) private readonly adapter: VonageCallAdapter) {}

  /** Application setting "Answer URL". */
  @All('answer')
  async answer(@Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    reply(response, await this.adapter.answer(leniently(request)));
  }

  /** Application setting "Event URL": the caller's leg and NCCO errors. */
  @All('event')
  async event(@Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    await this.adapter.callEvent(leniently(request));
    reply(response, null);
  }

  /** Application setting "Fallback URL". */
  @All('fallback')
  async fallback(@Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    reply(response, await this.adapter.fallback(leniently(request)));
  }

  /** The connect's event URL (synchronous): the reply replaces the caller's NCCO when the leg did not connect. */
  @All('legs/:callId/:step/event')
  async legEvent(@Param('callId') callId: string, @Param('step') step: string, @Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    reply(response, await this.adapter.legEvent(callId, stepOf(step), leniently(request)));
  }

  /** The callee leg's onAnswer URL: "call for … press 1". */
  @All('legs/:callId/:step/confirm')
  async confirm(@Param('callId') callId: string, @Param('step') step: string, @Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    reply(response, await this.adapter.confirmation(callId, stepOf(step), leniently(request)));
  }

  /** The callee's key (input event). */
  @All('legs/:callId/:step/confirm-input')
  async confirmInput(@Param('callId') callId: string, @Param('step') step: string, @Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    reply(response, await this.adapter.confirmationInput(callId, stepOf(step), leniently(request)));
  }

  /** The notify after a connect: what the caller does once the connect ended without another NCCO. */
  @All('legs/:callId/:step/after')
  async after(@Param('callId') callId: string, @Param('step') step: string, @Res() response: ServerResponse): Promise<void> {
    reply(response, await this.adapter.afterLeg(callId, stepOf(step)));
  }

  /** The voicemail's record event: 204, or 400 naming the field. */
  @All('calls/:callId/recording')
  @HttpCode(204)
  async recording(@Param('callId') callId: string, @Req() request: RawBodyRequest): Promise<void> {
    await this.adapter.recording(callId, fieldsOf(request));
  }
}

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
  if (/application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')) return new URLSearchParams(text);
  if (text.trim() === '') return query;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    invalid('INVALID_PAYLOAD', 'body', 'the webhook body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) invalid('INVALID_PAYLOAD', 'body', 'the webhook body is not a JSON object');
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

/** The plan step in a URL; anything else is a step no call has (its events are then stale). */
const stepOf = (text: string): number => (/^\d{1,4}$/.test(text) ? Number(text) : -1);
