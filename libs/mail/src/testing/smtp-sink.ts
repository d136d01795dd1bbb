import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ParsedMail, parseMime } from './parse-mime';

/** An SMTP reply that refuses, e.g. `{ code: 550, message: 'No such user' }`. */
export interface SmtpReply {
  readonly code: number;
  readonly message: string;
}

export interface ReceivedMail {
  /** `MAIL FROM` address. */
  readonly envelopeFrom: string;
  /** Accepted `RCPT TO` addresses. */
  readonly envelopeTo: readonly string[];
  /** The user that logged in, if any. */
  readonly user: string | undefined;
  /** The message exactly as received. */
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** Answers `RCPT TO` for an address; a reply refuses it, `undefined` accepts it. @defaultValue accept all */
  readonly onRecipient?: (address: string) => SmtpReply | undefined;
  /** Answers a whole message after `DATA`; a reply refuses it, `undefined` accepts it. @defaultValue accept all */
  readonly onMessage?: (mail: ReceivedMail) => SmtpReply | undefined;
  /** Require this login (over plain text: fine for a test sink). @defaultValue no login */
  readonly login?: { readonly user: string; readonly pass: string };
  /** Offer STARTTLS with smtp-server's built-in test certificate (which does not verify). @defaultValue false */
  readonly offerStartTls?: boolean;
}

/**
 * A real SMTP server on 127.0.0.1 and an ephemeral port that keeps every accepted message,
 * parsed, for tests to inspect. Close it after each test.
 */
export class SmtpSink {
  readonly host = '127.0.0.1';
  /** Every message the sink accepted, in order. A message is here before the client hears "250". */
  readonly received: ReceivedMail[] = [];

  private readonly server: SMTPServer;
  private listeningOn = 0;
  private accepted = 0;

  private constructor(private readonly options: SmtpSinkOptions) {
    this.server = new SMTPServer({
      logger: false,
      disableReverseLookup: true,
      disabledCommands: [...(options.offerStartTls ? [] : ['STARTTLS']), ...(options.login ? [] : ['AUTH'])],
      authOptional: !options.login,
      allowInsecureAuth: true,
      closeTimeout: 2000,
      onConnect: (_session, callback) => {
        this.accepted += 1;
        callback();
      },
      onAuth(auth, _session, callback) {
        const ok = auth.username === options.login?.user && auth.password === options.login?.pass;
        callback(
          ok ? null : refusal({ code: 535, message: 'Authentication failed' }),
          ok ? { user: auth.username } : undefined,
        );
      },
      onRcptTo(address, _session, callback) {
        const reply = options.onRecipient?.(address.address);
        callback(reply ? refusal(reply) : null);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => this.accept(Buffer.concat(chunks), session, callback));
      },
    });
  }

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options);
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, sink.host, () => resolve());
    });
    sink.listeningOn = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  /** The ephemeral port the sink listens on. */
  get port(): number {
    return this.listeningOn;
  }

  /** An SMTP URL for this sink (`security=none`, with the login when one is required). */
  url(from: string): string {
    const login = this.options.login;
    const userinfo = login ? `${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@` : '';
    return `smtp://${userinfo}${this.host}:${this.port}?from=${encodeURIComponent(from)}&security=none`;
  }

  /** Client connections accepted so far (pooled clients reuse theirs). */
  get connectionsAccepted(): number {
    return this.accepted;
  }

  /** Client connections still open (0 once every mailer using the sink is closed). */
  get openConnections(): number {
    return this.server.connections.size;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(
    raw: Buffer,
    session: { envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] }; user?: unknown },
    callback: (error?: Error | null) => void,
  ): void {
    let mail: ReceivedMail;
    try {
      mail = {
        envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        user: typeof session.user === 'string' ? session.user : undefined,
        raw,
        parsed: parseMime(raw),
      };
    } catch (error) {
      return callback(refusal({ code: 554, message: `Unparseable message: ${(error as Error).message}` }));
    }
    const reply = this.options.onMessage?.(mail);
    if (reply) return callback(refusal(reply));
    this.received.push(mail);
    callback(null);
  }
}

function refusal(reply: SmtpReply): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}
