import { LIST_HEADERS, SipHeaders, SipMessage, canonicalHeaderName, request, response } from './sip-message';

/** A datagram that is not a SIP message this adapter can handle; it is dropped (and logged). */
export class SipParseError extends Error {
  override name = 'SipParseError';
}

const REQUIRED = ['Via', 'Call-ID', 'CSeq', 'From', 'To'];

/**
 * Reads one SIP message from a datagram (RFC 3261 §7, §18.3): CRLF or bare LF line ends, folded
 * header lines, compact header names, comma-separated Via/Route/Record-Route split into entries,
 * a body cut at Content-Length. Null for a keep-alive (only line ends). Throws `SipParseError`.
 */
export function parseSipMessage(datagram: Buffer): SipMessage | null {
  let start = 0;
  while (start < datagram.length && (datagram[start] === 0x0d || datagram[start] === 0x0a)) start++;
  if (start >= datagram.length) return null;

  const crlf = datagram.indexOf('\r\n\r\n', start);
  const lf = datagram.indexOf('\n\n', start);
  const [headEnd, separator] =
    crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : lf >= 0 ? [lf, 2] : [datagram.length, 0];
  const lines = unfold(datagram.subarray(start, headEnd).toString('utf8').split(/\r?\n/));
  const startLine = lines.shift() ?? '';

  const headers = new SipHeaders();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new SipParseError(`header line without a name: "${line.slice(0, 60)}"`);
    const name = canonicalHeaderName(line.slice(0, colon));
    const value = line.slice(colon + 1).trim();
    const values = LIST_HEADERS.has(name.toLowerCase()) ? splitList(value) : [value];
    for (const item of values) headers.append(name, item);
  }
  for (const name of REQUIRED) if (!headers.has(name)) throw new SipParseError(`no ${name} header`);

  const rest = separator === 0 ? Buffer.alloc(0) : datagram.subarray(headEnd + separator);
  const declared = headers.get('Content-Length');
  let body = rest;
  if (declared !== undefined) {
    const length = Number(declared);
    if (!Number.isInteger(length) || length < 0 || length > rest.length)
      throw new SipParseError(`Content-Length ${declared} does not fit the datagram`);
    body = rest.subarray(0, length);
  }
  body = Buffer.from(body);

  const status = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/i.exec(startLine);
  if (status) return response({ status: Number(status[1]), reason: status[2].trim(), headers, body });
  const req = /^([A-Za-z]+)\s+(\S+)\s+SIP\/2\.0$/i.exec(startLine.trim());
  if (req) return request({ method: req[1].toUpperCase(), uri: req[2], headers, body });
  throw new SipParseError(`not a SIP start line: "${startLine.slice(0, 60)}"`);
}

/** Writes a message; Content-Length is always set from the body, as the last header. */
export function serialiseSipMessage(message: SipMessage): Buffer {
  const startLine =
    message.kind === 'request'
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`;
  const lines = [startLine];
  for (const [name, value] of message.headers.list()) if (name !== 'Content-Length') lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${message.body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), message.body]);
}

/** Joins continuation lines (starting with a space or tab) to the header line they continue. */
function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && out.length > 1) out[out.length - 1] += ` ${line.trim()}`;
    else if (line !== '') out.push(line);
  }
  return out;
}

/** Splits `a, "b,c" <d,e>, f` at the commas outside quotes and angle brackets. */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote && c === '\\') {
      current += c + (value[++i] ?? '');
      continue;
    }
    if (c === '"') quote = !quote;
    else if (!quote && c === '<') angle = true;
    else if (!quote && c === '>') angle = false;
    if (c === ',' && !quote && !angle) {
      if (current.trim() !== '') items.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '') items.push(current.trim());
  return items;
}
