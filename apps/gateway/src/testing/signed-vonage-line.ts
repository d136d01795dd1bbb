import type { Ncco, NccoAction } from '@dutyline/vonage';
import { signVonageWebhook } from '@dutyline/vonage/testing';
import type { GatewayHarness } from './gateway-harness';

/**
 * Vonage's side of a call, for e2e specs: signed GETs and POSTs to the gateway, to our paths or to
 * URLs an NCCO named (taken relative to `publicUrl`), signed with `secret` as Vonage signs them.
 */
export function signedVonageLine(
  gateway: GatewayHarness,
  { secret, publicUrl }: { secret: string; publicUrl: string },
) {
  const send = async (
    method: 'GET' | 'POST',
    target: string,
    fields: Record<string, unknown>,
  ): Promise<{ status: number; ncco: Ncco | null }> => {
    const url = new URL(target, publicUrl);
    const rawQuery =
      method === 'GET' ? new URLSearchParams(fields as Record<string, string>).toString() : url.search.slice(1);
    const rawBody = method === 'POST' ? JSON.stringify(fields) : undefined;
    const authorization = signVonageWebhook({
      secret,
      issuedAt: Date.now(),
      ...(method === 'GET' ? { rawQuery } : { rawBody }),
    });
    const response = await fetch(`${gateway.url}${url.pathname}${rawQuery ? `?${rawQuery}` : ''}`, {
      method,
      body: rawBody,
      headers: { authorization, ...(rawBody ? { 'content-type': 'application/json' } : {}) },
    });
    const text = await response.text();
    return { status: response.status, ncco: text === '' ? null : (JSON.parse(text) as Ncco) };
  };
  return {
    answer: (fields: Record<string, string>) => send('GET', '/vonage/answer', fields),
    post: (target: string, body: Record<string, unknown>) => send('POST', target, body),
  };
}

/** The first action of `kind` in an NCCO. */
export const nccoAction = <K extends NccoAction['action']>(
  ncco: Ncco | null,
  kind: K,
): Extract<NccoAction, { action: K }> | undefined =>
  (ncco ?? []).find((a): a is Extract<NccoAction, { action: K }> => a.action === kind);

/** The event URL of the NCCO's `input` ('' when none). */
export const inputUrlOf = (ncco: Ncco | null): string => nccoAction(ncco, 'input')?.eventUrl?.[0] ?? '';
