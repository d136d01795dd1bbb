import net from 'node:net';

/**
 * What the proxy does with connections:
 * - `pass`: relays both ways;
 * - `refuse`: not listening (new connections get ECONNREFUSED) and every open connection is reset;
 * - `blackhole`: accepts and keeps connections, forwards nothing either way (a silent partition:
 *   the peer waits for its own timeouts).
 */
export type FaultMode = 'pass' | 'refuse' | 'blackhole';

/** A TCP relay in front of a real service (MariaDB, Redis) whose behaviour a test switches. */
export interface FaultProxy {
  /** The port to point the client at, on 127.0.0.1; the same in every mode. */
  readonly port: number;
  /** `host:port`, e.g. for a URL. */
  readonly address: string;
  readonly mode: FaultMode;
  /** Switches the mode; connections opened under `pass` go silent under `blackhole` and flow again when back to `pass`. */
  setMode(mode: FaultMode): Promise<void>;
  /** Connections accepted so far, in any mode. */
  accepted(): number;
  close(): Promise<void>;
}

interface Relay {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
}

/** Starts a fault proxy to `target` in `pass` mode. */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let mode: FaultMode = 'pass';
  let accepted = 0;
  const relays = new Set<Relay>();
  const held = new Set<net.Socket>();

  const flow = ({ client, upstream }: Relay, on: boolean) => {
    if (on) {
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      upstream.resume();
    } else {
      client.unpipe(upstream);
      upstream.unpipe(client);
      // Read and drop what arrives, so neither side's buffers fill and nothing is delivered later.
      // (unpipe paused them: resume, or the dropped bytes would wait in their buffers and flow later).
      for (const socket of [client, upstream])
        socket
          .removeAllListeners('data')
          .on('data', () => undefined)
          .resume();
    }
  };

  const server = net.createServer((client) => {
    accepted += 1;
    client.on('error', () => client.destroy());
    if (mode === 'blackhole') {
      held.add(client);
      client.on('data', () => undefined);
      client.on('close', () => held.delete(client));
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const relay = { client, upstream };
    relays.add(relay);
    upstream.on('error', () => upstream.destroy());
    const drop = () => {
      relays.delete(relay);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    flow(relay, true);
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const resetAll = () => {
    for (const { client, upstream } of relays) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    for (const socket of held) socket.resetAndDestroy();
    relays.clear();
    held.clear();
  };

  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    address: `127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === 'refuse') {
        resetAll();
        await stopListening();
        return;
      }
      if (previous === 'refuse') await listen(port);
      if (next === 'blackhole') for (const relay of relays) flow(relay, false);
      if (next === 'pass') {
        for (const relay of relays) {
          for (const socket of [relay.client, relay.upstream]) socket.removeAllListeners('data');
          flow(relay, true);
        }
        // Connections accepted while blackholed never reached the service: end them, the client reconnects.
        for (const socket of held) socket.resetAndDestroy();
        held.clear();
      }
    },
    accepted: () => accepted,
    async close() {
      resetAll();
      await stopListening();
    },
  };
}
