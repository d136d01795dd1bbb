import { SipHeaders, SipRequest, SipResponse, callIdOf, copyResponse, quoted, response } from './sip-message';
import { withTag } from './sip-uri';

/** A response of the proxy's own to a request (RFC 3261 §8.2.6): Via, From, To (tagged), Call-ID, CSeq copied. */
export function localResponse(
  to: SipRequest,
  {
    status,
    reason,
    toTag,
    headers: extraHeaders = [],
  }: {
    readonly status: number;
    readonly reason: string;
    readonly toTag?: string | null;
    readonly headers?: readonly (readonly [string, string])[];
  },
): SipResponse {
  const headers = new SipHeaders();
  for (const via of to.headers.all('Via')) headers.append('Via', via);
  headers.append('From', to.headers.get('From') ?? '');
  const toHeader = to.headers.get('To') ?? '';
  headers.append('To', status > 100 && toTag ? withTag(toHeader, toTag) : toHeader);
  headers.append('Call-ID', callIdOf(to));
  headers.append('CSeq', to.headers.get('CSeq') ?? '');
  for (const [name, value] of extraHeaders) headers.append(name, value);
  return response({ status, reason, headers });
}

/** A downstream response as forwarded upstream: the proxy's own Via taken off. */
export function upstreamResponse(downstream: SipResponse): SipResponse {
  const copy = copyResponse(downstream);
  copy.headers.removeFirst('Via');
  return copy;
}

/** `Reason: SIP;cause=480;text="…"` (RFC 3326): why the proxy answered so. */
export const reasonHeader = (cause: number, text: string): [string, string] => [
  'Reason',
  `SIP;cause=${cause};text=${quoted(text)}`,
];

export const ALLOWED_METHODS = 'INVITE, ACK, CANCEL, BYE, OPTIONS, MESSAGE';
