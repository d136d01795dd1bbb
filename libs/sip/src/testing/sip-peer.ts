import { Socket, createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { parseSipMessage, serialiseSipMessage } from '../sip-codec';
import {
  SipAddress,
  SipHeaders,
  SipMessage,
  SipRequest,
  SipResponse,
  callIdOf,
  cseqOf,
  request,
  response,
} from '../sip-message';
import { withTag } from '../sip-uri';

/*
 * A scripted SIP endpoint on a real UDP socket, for the carrier-contract harness: the kit delivers one
 * event at a time and reads back what the proxy did, which fixed sipp scripts cannot do. The sipp
 * suite (`sip-routing-proxy.int.spec.ts`) is what proves the proxy against an independent stack.
 */

export interface Received {
  readonly message: SipMessage;
  readonly from: SipAddress;
}

/** A UDP socket on 127.0.0.1 that keeps what it receives and may answer some of it at once. */
export class SipPeer {
  readonly received: Received[] = [];
  /** Runs on each message as it arrives (a phone's automatic replies). */
  onMessage: (received: Received) => void = () => undefined;

  private constructor(
    private readonly socket: Socket,
    readonly address: SipAddress,
  ) {
    socket.on('message', (datagram, remote) => {
      const message = parseSipMessage(datagram);
      if (!message) return;
      const entry = { message, from: { address: remote.address, port: remote.port } };
      this.received.push(entry);
      this.onMessage(entry);
    });
  }

  static open(): Promise<SipPeer> {
    return new Promise((done, fail) => {
      const socket = createSocket('udp4');
      socket.once('error', fail);
      socket.bind(0, '127.0.0.1', () =>
        done(new SipPeer(socket, { address: '127.0.0.1', port: socket.address().port })),
      );
    });
  }

  send(message: SipMessage, to: SipAddress): void {
    this.socket.send(serialiseSipMessage(message), to.port, to.address);
  }

  /** The via of a request this peer sends: its own address and a fresh branch. */
  via(branch = `z9hG4bK${randomBytes(6).toString('hex')}`): string {
    return `SIP/2.0/UDP ${this.address.address}:${this.address.port};branch=${branch};rport`;
  }

  close(): Promise<void> {
    return new Promise((done) => this.socket.close(() => done()));
  }
}

/** Waits until neither peer has received anything for `quietMs`. */
export async function settled(peers: readonly SipPeer[], quietMs = 120): Promise<void> {
  const count = () => peers.reduce((total, peer) => total + peer.received.length, 0);
  for (let before = -1; before !== count();) {
    before = count();
    await new Promise((done) => setTimeout(done, quietMs));
  }
}

/** A response to `to` as a user agent writes it: Via, From, Call-ID, CSeq copied, To tagged. */
export function answerTo(
  to: SipRequest,
  {
    status,
    reason,
    tag,
    headers = [],
  }: { status: number; reason: string; tag: string; headers?: readonly (readonly [string, string])[] },
): SipResponse {
  const out = new SipHeaders();
  for (const via of to.headers.all('Via')) out.append('Via', via);
  out
    .append('From', to.headers.get('From') ?? '')
    .append('To', withTag(to.headers.get('To') ?? '', tag))
    .append('Call-ID', callIdOf(to))
    .append('CSeq', to.headers.get('CSeq') ?? '');
  for (const [name, value] of headers) out.append(name, value);
  return response({ status, reason, headers: out });
}

/** A request of a user agent: its own Via, then the given headers in order. */
export function requestFrom(
  peer: SipPeer,
  {
    method,
    uri,
    headers,
    branch,
  }: { method: string; uri: string; headers: readonly (readonly [string, string])[]; branch?: string },
): SipRequest {
  return request({
    method,
    uri,
    headers: new SipHeaders([['Via', peer.via(branch)], ['Max-Forwards', '70'], ...headers]),
  });
}

export const isResponseTo =
  (method: string) =>
  (message: SipMessage): message is SipResponse =>
    message.kind === 'response' && cseqOf(message).method === method;
