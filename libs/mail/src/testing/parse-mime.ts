/**
 * Just enough MIME for tests to read what nodemailer writes: headers (folded, encoded words),
 * nested multiparts, base64 / quoted-printable / 7bit bodies, RFC 2231 file names. Not a
 * general-purpose mail parser.
 */
export interface ParsedAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface ParsedMail {
  /** Lower-cased header name → decoded values, in order. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly subject: string;
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  /** The plain-text body, line ends as `\n`. */
  readonly text: string;
  readonly html: string | undefined;
  readonly attachments: readonly ParsedAttachment[];
}

interface Part {
  readonly headers: Map<string, string[]>;
  readonly body: Buffer;
}

export function parseMime(raw: Buffer | string): ParsedMail {
  const root = splitPart(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'));
  const leaves = flatten(root);
  const isAttachment = (part: Part) => /^attachment/i.test(header(part, 'content-disposition'));
  const textOf = (type: string) => {
    const part = leaves.find((p) => !isAttachment(p) && mediaType(p) === type);
    return part && decodeBody(part).toString('utf8').replace(/\r\n/g, '\n');
  };
  return {
    headers: root.headers,
    subject: header(root, 'subject'),
    messageId: header(root, 'message-id'),
    from: header(root, 'from'),
    to: header(root, 'to'),
    text: textOf('text/plain') ?? '',
    html: textOf('text/html'),
    attachments: leaves.filter(isAttachment).map((part) => ({
      filename:
        parameter(header(part, 'content-disposition'), 'filename') ??
        parameter(header(part, 'content-type'), 'name') ??
        '',
      contentType: mediaType(part),
      content: decodeBody(part),
    })),
  };
}

function splitPart(bytes: Buffer): Part {
  const text = bytes.toString('latin1');
  const blank = /\r?\n\r?\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const body = blank ? bytes.subarray(blank.index + blank[0].length) : Buffer.alloc(0);
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeWords(Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8'));
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return { headers, body };
}

function flatten(part: Part): Part[] {
  if (!mediaType(part).startsWith('multipart/')) return [part];
  const boundary = parameter(header(part, 'content-type'), 'boundary');
  if (!boundary) throw new Error('multipart without a boundary');
  const body = part.body.toString('latin1');
  const delimiter = `--${boundary}`;
  const chunks = body.split(new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}`));
  // chunks[0] is the preamble; a chunk starting with "--" follows the closing delimiter.
  return chunks
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => flatten(splitPart(Buffer.from(chunk.replace(/^[ \t]*\r?\n/, ''), 'latin1'))));
}

function decodeBody(part: Part): Buffer {
  const encoding = header(part, 'content-transfer-encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.toString('latin1').replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body.toString('latin1'));
  return part.body;
}

function decodeQuotedPrintable(text: string): Buffer {
  const unwrapped = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unwrapped.length; i++) {
    if (unwrapped[i] === '=' && /^[0-9A-F]{2}$/i.test(unwrapped.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unwrapped.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(unwrapped.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** `=?utf-8?B?…?=` and `=?utf-8?Q?…?=` words; whitespace between two encoded words disappears. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
    });
}

function header(part: Part, name: string): string {
  return part.headers.get(name)?.[0] ?? '';
}

function mediaType(part: Part): string {
  return (header(part, 'content-type') || 'text/plain').split(';')[0].trim().toLowerCase();
}

/** A header parameter, joining RFC 2231 continuations (`name*0*=utf-8''…; name*1*=…`). */
function parameter(value: string, name: string): string | undefined {
  const pieces = new Map<number, string>();
  let extended = false;
  let plain: string | undefined;
  for (const match of value.matchAll(/;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const key = match[1].toLowerCase();
    const raw = match[2]
      .trim()
      .replace(/^"(.*)"$/s, '$1')
      .replace(/\\(.)/g, '$1');
    if (key === name) plain = raw;
    const continued = new RegExp(`^${escapeRegExp(name)}\\*(\\d+)?(\\*)?$`).exec(key);
    if (continued) {
      pieces.set(Number(continued[1] ?? 0), raw);
      extended ||= continued[2] === '*' || continued[1] === undefined;
    }
  }
  if (pieces.size === 0) return plain;
  const joined = [...pieces.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, piece]) => piece)
    .join('');
  if (!extended) return joined;
  const [, charset = 'utf-8', encoded = joined] = /^([^']*)'[^']*'(.*)$/s.exec(joined) ?? [];
  return Buffer.from(
    encoded.replace(/%([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
