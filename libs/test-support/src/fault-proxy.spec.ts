import net from 'node:net';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

/** An echo server standing in for MariaDB or Redis. */
async function echoServer(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** What the socket receives within `ms` after sending `text`. */
function roundTrip(socket: net.Socket, text: string, ms = 300): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const onData = (chunk: Buffer) => (received += chunk.toString());
    socket.on('data', onData);
    socket.write(text);
    setTimeout(() => {
      socket.off('data', onData);
      resolve(received);
    }, ms);
  });
}

describe('the fault proxy', () => {
  let echo: net.Server;
  let proxy: FaultProxy;

  beforeEach(async () => {
    echo = await echoServer();
    proxy = await startFaultProxy({ host: '127.0.0.1', port: (echo.address() as net.AddressInfo).port });
  });
  afterEach(async () => {
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('relays in pass mode', async () => {
    const socket = await connect(proxy.port);
    expect(await roundTrip(socket, 'ping')).toBe('ping');
    socket.destroy();
  });

  it('refuses new connections and resets open ones, then relays again on the same port', async () => {
    const open = await connect(proxy.port);
    const closed = new Promise((resolve) => open.once('close', resolve));
    open.on('error', () => undefined);
    await proxy.setMode('refuse');
    await closed;
    await expect(connect(proxy.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await proxy.setMode('pass');
    const again = await connect(proxy.port);
    expect(await roundTrip(again, 'back')).toBe('back');
    again.destroy();
  });

  it('blackholes: connections open and accepted, nothing delivered either way, and flows again after', async () => {
    const open = await connect(proxy.port);
    await proxy.setMode('blackhole');
    expect(await roundTrip(open, 'lost')).toBe('');
    const fresh = await connect(proxy.port);
    expect(await roundTrip(fresh, 'also lost')).toBe('');
    await proxy.setMode('pass');
    expect(await roundTrip(open, 'flows')).toBe('flows');
    open.destroy();
    expect(proxy.accepted()).toBe(2);
  });
});
