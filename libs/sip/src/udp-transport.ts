import { Socket, createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { SipParseError, parseSipMessage, serialiseSipMessage } from './sip-codec';
import { SipAddress, SipMessage } from './sip-message';

export interface TransportLog {
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
}

/** SIP over one UDP socket (RFC 3261 §18): a datagram is a message. */
export class UdpTransport {
  private socket: Socket | null = null;

  constructor(
    private readonly onMessage: (message: SipMessage, source: SipAddress) => void,
    private readonly log: TransportLog,
  ) {}

  /** Binds the socket; port 0 takes any free port. Resolves with the address really bound. */
  bind(address: string, port: number): Promise<SipAddress> {
    const socket = createSocket({ type: isIPv6(address) ? 'udp6' : 'udp4' });
    this.socket = socket;
    socket.on('message', (datagram, remote) => this.receive(datagram, { address: remote.address, port: remote.port }));
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, address, () => {
        socket.off('error', reject);
        socket.on('error', (error) => this.log.warn('SIP socket error', { error: error.message }));
        const bound = socket.address();
        resolve({ address: bound.address, port: bound.port });
      });
    });
  }

  send(message: SipMessage, to: SipAddress): void {
    const socket = this.socket;
    if (!socket) return;
    socket.send(serialiseSipMessage(message), to.port, to.address, (error) => {
      if (error) this.log.warn('SIP datagram not sent', { to: `${to.address}:${to.port}`, error: error.message });
    });
  }

  close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return Promise.resolve();
    return new Promise((resolve) => socket.close(() => resolve()));
  }

  private receive(datagram: Buffer, source: SipAddress): void {
    let message: SipMessage | null;
    try {
      message = parseSipMessage(datagram);
    } catch (error) {
      if (!(error instanceof SipParseError)) throw error;
      this.log.warn('unreadable SIP datagram dropped', {
        from: `${source.address}:${source.port}`,
        error: error.message,
      });
      return;
    }
    if (message) this.onMessage(message, source);
  }
}
