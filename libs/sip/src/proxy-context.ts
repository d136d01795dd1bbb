import { CallLogger, InboundCalls, Timer, errorContext } from '@dutyline/application';
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { localResponse } from './proxy-messages';
import { SipAddress, SipMessage, SipRequest } from './sip-message';
import { ResolvedSipProxySettings } from './sip-proxy.settings';
import { TransactionLayer } from './sip-transactions';
import { SipUri, formatHostPort, hostAndPort, parseNameAddress, parseUri } from './sip-uri';
import { MAGIC_COOKIE, Via } from './sip-via';
import { UdpTransport } from './udp-transport';

/** A response of the proxy's own: status, reason phrase and the headers to add. */
export interface OwnResponse {
  readonly status: number;
  readonly reason: string;
  readonly headers?: readonly (readonly [string, string])[];
}

export interface ProxyContextParts {
  readonly settings: ResolvedSipProxySettings;
  /** The inbound call service, which decides every step. */
  readonly inbound: InboundCalls;
  readonly logger: CallLogger;
  readonly timer: Timer;
  /** Wall clock, in ms. */
  readonly now: () => number;
  /** Every message the socket receives. */
  readonly onMessage: (message: SipMessage, source: SipAddress) => void;
}

/**
 * What the caller's side, the branches and the dialog relay share: the settings, the service, the
 * socket and the transactions, the proxy's timers, and who the proxy is on the network.
 */
export class ProxyContext {
  readonly settings: ResolvedSipProxySettings;
  readonly inbound: InboundCalls;
  readonly logger: CallLogger;
  readonly timer: Timer;
  readonly now: () => number;
  readonly transport: UdpTransport;
  readonly transactions: TransactionLayer;
  /** The proxy is closed: nothing more is handled or sent. */
  closed = false;
  private local: SipAddress | null = null;
  private readonly pending = new Set<() => void>();

  constructor(parts: ProxyContextParts) {
    this.settings = parts.settings;
    this.inbound = parts.inbound;
    this.logger = parts.logger;
    this.timer = parts.timer;
    this.now = parts.now;
    this.transport = new UdpTransport(parts.onMessage, this.logger);
    this.transactions = new TransactionLayer({
      send: (message, to) => this.transport.send(message, to),
      timer: this.timer,
      timers: this.settings.timers,
    });
  }

  /** Binds the socket; resolves with the address and port really bound. */
  async bind(): Promise<SipAddress> {
    this.local = await this.transport.bind(this.settings.bindAddress, this.settings.port);
    return this.local;
  }

  /** The bound address; throws before `bind`. */
  get address(): SipAddress {
    if (!this.local) throw new Error('the SIP proxy is not started');
    return this.local;
  }

  /** Marks the proxy closed and cancels every timer scheduled through `schedule`. */
  close(): void {
    this.closed = true;
    for (const cancel of this.pending) cancel();
    this.pending.clear();
  }

  /** Runs `callback` in `ms` unless the returned function or `close` cancels it first. */
  schedule(ms: number, callback: () => void): () => void {
    const cancel = this.timer.schedule(ms, () => {
      this.pending.delete(cancel);
      callback();
    });
    this.pending.add(cancel);
    return () => {
      this.pending.delete(cancel);
      cancel();
    };
  }

  /** The next hop for a URI: an IP address as is, a name by DNS (A/AAAA, no SRV); null when it cannot be reached. */
  async resolve(uri: SipUri | null): Promise<SipAddress | null> {
    if (uri === null || uri.scheme === 'tel') return null;
    const { host, port } = hostAndPort(uri);
    if (isIP(host) !== 0) return { address: host, port };
    try {
      return { address: (await lookup(host)).address, port };
    } catch (error) {
      this.logger.warn('SIP host not found', { host, ...errorContext(error) });
      return null;
    }
  }

  /** Answers a request the proxy does not route, in a server transaction of its own. */
  respondOnce(message: SipRequest, replyTo: SipAddress, { status, reason, headers = [] }: OwnResponse): void {
    const toTag = randomToken(8);
    const transaction =
      message.method === 'INVITE'
        ? this.transactions.inviteServer(message, replyTo)
        : this.transactions.nonInviteServer(message, replyTo);
    transaction.respond(localResponse(message, { status, reason, toTag, headers }));
  }

  ownVia(branch: string): Via {
    return {
      transport: 'UDP',
      host: this.settings.advertisedHost,
      port: this.address.port,
      params: { branch, rport: null },
    };
  }

  hostPort(): string {
    return formatHostPort({ address: this.settings.advertisedHost, port: this.address.port });
  }

  isOurs(host: string, port: number | null): boolean {
    const local = this.local;
    if (!local) return false;
    const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const named = bare === this.settings.advertisedHost.toLowerCase() || bare === local.address;
    return named && (port ?? 5060) === local.port;
  }

  isOurRoute(value: string | undefined): boolean {
    const uri = value === undefined ? null : parseUri(parseNameAddress(value)?.uri ?? '');
    return uri !== null && this.isOurs(uri.host, uri.port);
  }
}

export function maxForwardsOf(message: SipRequest): number {
  const value = Number(message.headers.get('Max-Forwards') ?? '70');
  return Number.isInteger(value) ? value : 70;
}

export const randomToken = (bytes: number): string => randomBytes(bytes).toString('hex');

/** A fresh branch of the proxy's own, for a request it sends. */
export const newBranchId = (): string => `${MAGIC_COOKIE}dl${randomToken(12)}`;
