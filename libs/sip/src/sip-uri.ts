import { e164OrNull } from '@dutyline/application';
import { SipAddress } from './sip-message';

/** The parts of a `sip:`/`sips:`/`tel:` URI this adapter reads. */
export interface SipUri {
  readonly scheme: 'sip' | 'sips' | 'tel';
  /** The user part without password and user parameters (`+331…` of `sip:+331…;npdi@host`), percent-decoded. */
  readonly user: string | null;
  /** Empty for `tel:` URIs; an IPv6 host keeps its brackets. */
  readonly host: string;
  readonly port: number | null;
  /** URI parameters (`lr`, `transport`, `user`), names in lower case; a flag has the value null. */
  readonly params: Readonly<Record<string, string | null>>;
}

const SIP_URI = /^(sips?):(?:([^@]*)@)?(\[[0-9a-fA-F:.]+\]|[^:;?>\s]+)(?::(\d{1,5}))?((?:;[^?]*)?)(?:\?.*)?$/i;

/** Reads a SIP or tel URI; null when it is neither. */
export function parseUri(text: string): SipUri | null {
  const trimmed = text.trim();
  const tel = /^tel:([^;]+)((?:;.*)?)$/i.exec(trimmed);
  if (tel) return { scheme: 'tel', user: decode(tel[1]), host: '', port: null, params: parseParams(tel[2]) };
  const match = SIP_URI.exec(trimmed);
  if (!match) return null;
  const userinfo = match[2];
  const user = userinfo === undefined ? null : decode(userinfo.split(':')[0].split(';')[0]);
  const port = match[4] === undefined ? null : Number(match[4]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  return {
    scheme: match[1].toLowerCase() as 'sip' | 'sips',
    user,
    host: match[3].toLowerCase(),
    port,
    params: parseParams(match[5]),
  };
}

/** `;lr;transport=udp` → `{lr: null, transport: 'udp'}`. */
export function parseParams(text: string): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) params[trimmed.toLowerCase()] = null;
    else params[trimmed.slice(0, eq).trim().toLowerCase()] = trimmed.slice(eq + 1).trim();
  }
  return params;
}

/** A name-addr or addr-spec header value (From, To, Contact, Route, P-Asserted-Identity). */
export interface NameAddress {
  readonly display: string | null;
  /** The URI as written. */
  readonly uri: string;
  /** Header parameters after the address (`tag`), names in lower case. */
  readonly params: Readonly<Record<string, string | null>>;
}

/** Reads `"Alice" <sip:a@h>;tag=1`, `<sip:a@h;lr>` or `sip:a@h;tag=1`; null when it holds no URI. */
export function parseNameAddress(value: string): NameAddress | null {
  const text = value.trim();
  const open = text.indexOf('<');
  if (open >= 0) {
    const close = text.indexOf('>', open);
    if (close < 0) return null;
    const display = text
      .slice(0, open)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    return {
      display: display === '' ? null : display,
      uri: text.slice(open + 1, close).trim(),
      params: parseParams(text.slice(close + 1)),
    };
  }
  // Without angle brackets, parameters after the URI belong to the header (RFC 3261 §20).
  const semicolon = text.indexOf(';');
  const uri = semicolon < 0 ? text : text.slice(0, semicolon);
  if (uri === '') return null;
  return { display: null, uri, params: parseParams(semicolon < 0 ? '' : text.slice(semicolon)) };
}

export const tagOf = (value: string | undefined): string | null =>
  value === undefined ? null : (parseNameAddress(value)?.params['tag'] ?? null);

/** Adds `;tag=` to a From/To value that has none. */
export function withTag(value: string, tag: string): string {
  return tagOf(value) !== null ? value : `${value};tag=${tag}`;
}

/** The user part of the URI in a header value or a Request-URI. */
export function userOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  const address = parseNameAddress(value);
  return address ? (parseUri(address.uri)?.user ?? null) : null;
}

/** The E.164 number a URI's user part holds (`+331…`, `331…`), else null. */
export const numberOf = (value: string | undefined): string | null => e164OrNull(userOf(value));

/** Where to send to reach a URI's host (port 5060 by default); a name is resolved by the caller. */
export function hostAndPort(uri: SipUri): { readonly host: string; readonly port: number } {
  return { host: uri.host.replace(/^\[(.*)\]$/, '$1'), port: uri.port ?? 5060 };
}

/** `host:port`, with brackets around an IPv6 address. */
export function formatHostPort(address: SipAddress): string {
  return `${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
