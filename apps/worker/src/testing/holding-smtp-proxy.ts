import { AddressInfo, Server, Socket, createConnection, createServer } from 'node:net';

/**
 * A TCP proxy in front of an SMTP server that, while holding, forwards a client's session up to its
 * `DATA` command and keeps the message itself: the server answers 354 and waits, so a test can kill
 * the client mid-delivery, before the server accepted anything. `release()` makes it a plain pipe.
 */
export class HoldingSmtpProxy {
  private holding = true;
  private readonly sockets = new Set<Socket>();
  private heldResolvers: (() => void)[] = [];
  private readonly heldFlushes: (() => void)[] = [];
  heldSessions = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<HoldingSmtpProxy> {
    const holder: { proxy?: HoldingSmtpProxy } = {};
    const server = createServer((client) => holder.proxy!.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    holder.proxy = new HoldingSmtpProxy(server, target);
    return holder.proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(from: string): string {
    return `smtp://127.0.0.1:${this.port}?from=${encodeURIComponent(from)}&security=none`;
  }

  /** Holds the next sessions again (after `release`); `held()` then waits for a new one. */
  holdNext(): void {
    this.holding = true;
    this.heldSessions = 0;
  }

  /** Resolves once a session is held at its DATA command. */
  held(): Promise<void> {
    if (this.heldSessions > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldResolvers.push(resolve));
  }

  /** From now on every new session passes straight through. */
  release(): void {
    this.holding = false;
  }

  /** Lets the sessions held so far go on: what they sent is forwarded, and the rest passes through. */
  flushHeld(): void {
    for (const flush of this.heldFlushes.splice(0)) flush();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const upstream = createConnection(this.target);
    this.sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
    upstream.pipe(client);
    if (!this.holding) {
      client.pipe(upstream);
      return;
    }
    let seen = '';
    let held = false;
    let flushed = false;
    const kept: Buffer[] = [];
    client.on('data', (chunk: Buffer) => {
      if (flushed) return void upstream.write(chunk);
      if (held) return void kept.push(chunk); // the message is kept from the server
      seen += chunk.toString('latin1');
      const data = /(^|\r\n)DATA\r\n/i.exec(seen);
      if (!data) {
        upstream.write(chunk);
        return;
      }
      // Forward up to and including the DATA command, keep the rest.
      const upTo = data.index + data[0].length;
      const alreadySent = seen.length - chunk.length;
      upstream.write(chunk.subarray(0, Math.max(0, upTo - alreadySent)));
      kept.push(chunk.subarray(Math.max(0, upTo - alreadySent)));
      held = true;
      this.heldFlushes.push(() => {
        flushed = true;
        for (const part of kept.splice(0)) upstream.write(part);
      });
      this.heldSessions += 1;
      for (const resolve of this.heldResolvers.splice(0)) resolve();
    });
  }
}
