import { SipAddress, SipRequest } from './sip-message';
import { parseParams } from './sip-uri';

/** RFC 3261 branches start with this magic cookie. */
export const MAGIC_COOKIE = 'z9hG4bK';

/** One Via entry: `SIP/2.0/UDP host:port;branch=…;received=…;rport=…`. */
export interface Via {
  readonly transport: string;
  /** The sent-by host, without IPv6 brackets. */
  readonly host: string;
  readonly port: number | null;
  readonly params: Readonly<Record<string, string | null>>;
}

const VIA = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+(\[[0-9a-fA-F:.]+\]|[^\s:;]+)(?:\s*:\s*(\d{1,5}))?\s*((?:;.*)?)$/i;

export function parseVia(value: string): Via | null {
  const match = VIA.exec(value.trim());
  if (!match) return null;
  return {
    transport: match[1].toUpperCase(),
    host: match[2].replace(/^\[(.*)\]$/, '$1').toLowerCase(),
    port: match[3] === undefined ? null : Number(match[3]),
    params: parseParams(match[4]),
  };
}

export function formatVia(via: Via): string {
  const host = via.host.includes(':') ? `[${via.host}]` : via.host;
  const params = Object.entries(via.params)
    .map(([name, value]) => (value === null ? `;${name}` : `;${name}=${value}`))
    .join('');
  return `SIP/2.0/${via.transport} ${host}${via.port === null ? '' : `:${via.port}`}${params}`;
}

export const branchOf = (via: Via | null): string => via?.params['branch'] ?? '';

/** `host:port` of the sent-by, port 5060 when absent: half of what identifies a server transaction. */
export const sentByOf = (via: Via): string => `${via.host}:${via.port ?? 5060}`;

export const topViaOf = (message: { readonly headers: { get(name: string): string | undefined } }): Via | null => {
  const value = message.headers.get('Via');
  return value === undefined ? null : parseVia(value);
};

/**
 * Notes where a request really came from on its top Via (RFC 3261 §18.2.1, RFC 3581): `received`
 * when the sent-by host is not the source address, `rport` filled when the sender asked for it.
 */
export function stampSource(message: SipRequest, source: SipAddress): void {
  const via = topViaOf(message);
  if (!via) return;
  const params: Record<string, string | null> = { ...via.params };
  if (via.host !== source.address) params['received'] = source.address;
  if ('rport' in params) {
    params['rport'] = String(source.port);
    params['received'] = source.address;
  }
  message.headers.replaceFirst('Via', formatVia({ ...via, params }));
}

/** Where responses to a request go, by the Via it carried (RFC 3261 §18.2.2, RFC 3581). */
export function responseAddressOf(via: Via): SipAddress {
  const address = via.params['received'] ?? via.host;
  const rport = via.params['rport'];
  const port = rport !== undefined && rport !== null && /^\d+$/.test(rport) ? Number(rport) : (via.port ?? 5060);
  return { address, port };
}
