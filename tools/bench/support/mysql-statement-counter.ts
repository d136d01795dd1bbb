// A TCP proxy in front of MySQL/MariaDB that counts the statements its clients send, by kind (SELECT,
// INSERT, UPDATE, ...), whether sent as text (COM_QUERY) or prepared and executed (COM_STMT_EXECUTE,
// matched to its COM_STMT_PREPARE through the server's reply; a prepare the server refuses counts once).
// Only what goes through it is counted, so
// one gateway's statements are told apart from every other client of a shared server.
import net from 'node:net';

/** A statement's first keyword, upper case (`SELECT`, `INSERT`, `BEGIN`, ...); `?` when there is none. */
export type StatementKind = string;

export interface StatementCounts {
  /** Statements per kind. */
  readonly byKind: ReadonlyMap<StatementKind, number>;
  /** Statements per text (whitespace folded, cut at 160 characters). */
  readonly byText: ReadonlyMap<string, number>;
}

export interface StatementCounter {
  /** `host:port` to give clients instead of the server's. */
  readonly address: string;
  /** What was sent since the last `reset`. */
  counts(): StatementCounts;
  reset(): void;
  close(): Promise<void>;
}

const COM_QUERY = 0x03;
const COM_STMT_PREPARE = 0x16;
const COM_STMT_EXECUTE = 0x17;

/** Splits a byte stream into MySQL packets: 3 bytes of length, 1 of sequence, the payload. */
class PacketReader {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly onPacket: (sequence: number, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 4) {
      const length = this.buffered.readUIntLE(0, 3);
      if (this.buffered.length < 4 + length) return;
      this.onPacket(this.buffered[3], this.buffered.subarray(4, 4 + length));
      this.buffered = this.buffered.subarray(4 + length);
    }
  }
}

const folded = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 160);

/** The first keyword of a statement, past comments and opening parentheses. */
export function statementKind(sql: string): StatementKind {
  const text = sql.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^[\s(]+/, '');
  return /^[A-Za-z]+/.exec(text)?.[0].toUpperCase() ?? '?';
}

/** Starts the proxy on 127.0.0.1 (a free port), forwarding to `target`. */
export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  let byKind = new Map<StatementKind, number>();
  let byText = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const count = (sql: string) => {
    const kind = statementKind(sql);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    const text = folded(sql);
    byText.set(text, (byText.get(text) ?? 0) + 1);
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    // Per connection: the prepared statements by id, and the text of a prepare awaiting its reply.
    const prepared = new Map<number, string>();
    let preparing: string | null = null;
    const fromClient = new PacketReader((sequence, payload) => {
      // A command always opens its exchange with sequence 0 (the handshake's packets never do).
      if (sequence !== 0 || payload.length === 0) return;
      const command = payload[0];
      if (command === COM_QUERY) count(payload.subarray(1).toString('utf8'));
      else if (command === COM_STMT_PREPARE) preparing = payload.subarray(1).toString('utf8');
      else if (command === COM_STMT_EXECUTE && payload.length >= 5)
        count(prepared.get(payload.readUInt32LE(1)) ?? 'EXECUTE of an unknown statement');
    });
    const fromServer = new PacketReader((sequence, payload) => {
      // COM_STMT_PREPARE_OK: 0x00, then the statement id; a refused prepare (0xff) is counted as sent.
      if (preparing === null || sequence !== 1) return;
      if (payload[0] === 0x00 && payload.length >= 5) prepared.set(payload.readUInt32LE(1), preparing);
      else count(preparing);
      preparing = null;
    });
    client.on('data', (chunk: Buffer) => {
      fromClient.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      fromServer.push(chunk);
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    counts: () => ({ byKind: new Map(byKind), byText: new Map(byText) }),
    reset: () => {
      byKind = new Map();
      byText = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
