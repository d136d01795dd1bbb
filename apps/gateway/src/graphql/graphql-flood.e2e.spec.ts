import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MAX_GRAPHQL_BODY_BYTES } from './graphql-body';

// A real gateway process with the production heap (docker/gateway.Dockerfile), flooded with the
// operations that used to exhaust it: each is refused with its code, fast, and the process lives on.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../../..');
const PRODUCTION_HEAP = ['--max-semi-space-size=16', '--max-old-space-size=160'];

interface Gateway {
  readonly child: ChildProcess;
  readonly url: string;
  readonly apiKey: string;
  output: string;
  rssMegabytes(): number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startGatewayProcess(dataDir: string): Promise<Gateway> {
  const port = await freePort();
  const child = spawn(process.execPath, [...PRODUCTION_HEAP, '-r', './tools/ts-run.cjs', 'apps/gateway/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      EMBEDDED_JOBS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const gateway = {
    child,
    url: `http://127.0.0.1:${port}`,
    apiKey: '',
    output: '',
    rssMegabytes: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024,
  };
  child.stdout!.on('data', (chunk) => (gateway.output += chunk));
  child.stderr!.on('data', (chunk) => (gateway.output += chunk));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited while starting:\n${gateway.output}`);
    const key = /^Demo API key: (dl_\S+)$/m.exec(gateway.output)?.[1];
    if (
      key &&
      (await fetch(`${gateway.url}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      return { ...gateway, apiKey: key };
    if (Date.now() > deadline) throw new Error(`the gateway did not start:\n${gateway.output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Answer {
  readonly status: number;
  readonly codes: string[];
  readonly text: string;
  readonly ms: number;
}

async function post(gateway: Gateway, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const errors = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
  return {
    status: response.status,
    codes: [...new Set(errors.map((e) => e.extensions?.code ?? '?'))].sort(),
    text,
    ms,
  };
}

const operation = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
const aliases = (count: number, selection: string) =>
  `{${Array.from({ length: count }, (_, i) => `a${i.toString(36)}:${selection}`).join(' ')}}`;
const nested = (levels: number, { open, close, inner }: { open: string; close: string; inner: string }) =>
  open.repeat(levels) + inner + close.repeat(levels);
const doubling = (levels: number) =>
  `{ me { ...F${levels} } } fragment F0 on Me { role } ` +
  Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Me { ...F${i} ...F${i} }`).join(' ');

/** Each flood, its body and the codes it must be refused with. */
const FLOODS: readonly { name: string; body: string; codes: string[]; status: number }[] = [
  {
    name: '400 aliases of __schema { types { fields … } }',
    body: operation(
      aliases(400, '__schema { types { name fields { name args { name } type { name ofType { name } } } } }'),
    ),
    codes: ['QUERY_TOO_MANY_TOKENS'],
    status: 400,
  },
  {
    name: '40 aliases of __schema',
    body: operation(aliases(40, '__schema { types { fields { name } } }')),
    codes: ['INTROSPECTION_DISABLED', 'QUERY_TOO_MANY_ALIASES'],
    status: 400,
  },
  {
    name: 'one __schema query',
    body: operation('{ __schema { types { name } } }'),
    codes: ['INTROSPECTION_DISABLED'],
    status: 400,
  },
  {
    name: '100,000 aliases of __typename (1.8 MB)',
    body: operation(aliases(100_000, '__typename')),
    codes: ['PAYLOAD_TOO_LARGE'],
    status: 413,
  },
  {
    name: '50,000 aliases of __typename (under the body limit)',
    body: operation(aliases(50_000, '__typename')),
    codes: ['QUERY_TOO_MANY_TOKENS'],
    status: 400,
  },
  {
    name: '60,000 aliases of me { role } (900 kB)',
    body: operation(aliases(60_000, 'me{role}')),
    codes: ['QUERY_TOO_MANY_TOKENS'],
    status: 400,
  },
  {
    name: '300 aliases of me { role }',
    body: operation(aliases(300, 'me { role }')),
    codes: ['QUERY_TOO_MANY_ALIASES', 'QUERY_TOO_MANY_FIELDS'],
    status: 400,
  },
  {
    name: 'a fragment spread 1,500 times',
    body: operation(`{ me { ${'...F '.repeat(1500)}} } fragment F on Me { role }`),
    codes: ['QUERY_TOO_MANY_FIELDS'],
    status: 400,
  },
  {
    name: 'a fragment doubled 40 times (2^40 fields)',
    body: operation(doubling(40)),
    codes: ['QUERY_TOO_COMPLEX', 'QUERY_TOO_MANY_FIELDS'],
    status: 400,
  },
  {
    name: 'fragments spread past the token limit',
    body: operation(`{ me { ${'...F '.repeat(5000)}} } fragment F on Me { role }`),
    codes: ['QUERY_TOO_MANY_TOKENS'],
    status: 400,
  },
  {
    name: 'lists nested in lists',
    body: operation('{ teams(first: 100) { edges { node { members { contactNumbers { number label } } } } } }'),
    codes: ['QUERY_TOO_COMPLEX'],
    status: 400,
  },
  {
    name: 'selections nested 1,300 deep',
    body: operation(nested(1300, { open: '{ me ', close: '} ', inner: '{ role }' })),
    codes: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_DEEP', 'QUERY_TOO_MANY_FIELDS'],
    status: 400,
  },
  {
    name: 'a list literal nested 1,900 deep',
    body: operation(`{ me(x: ${nested(1900, { open: '[', close: ']', inner: '1' })}) { role } }`),
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    status: 400,
  },
  {
    name: 'a huge variables object (200,000 slots, under the body limit)',
    body: operation('mutation($input: CreateSlotsInput!) { createSlots(input: $input) { version } }', {
      input: { hotlineId: 'h', slots: Array.from({ length: 200_000 }, () => ({})) },
    }),
    codes: ['BAD_USER_INPUT'],
    status: 400,
  },
  {
    name: 'a body just over the limit',
    body: operation(`{ __typename }`, { pad: 'x'.repeat(MAX_GRAPHQL_BODY_BYTES) }),
    codes: ['PAYLOAD_TOO_LARGE'],
    status: 413,
  },
];

describe('a gateway with the production heap, flooded through /graphql', () => {
  let dataDir: string;
  let gateway: Gateway;
  let idleMb: number;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graphql-flood-'));
    gateway = await startGatewayProcess(dataDir);
    await post(gateway, operation('{ me { role } }'), { authorization: `Bearer ${gateway.apiKey}` });
    idleMb = gateway.rssMegabytes();
  });
  afterAll(async () => {
    if (gateway?.child.exitCode === null) {
      const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
      gateway.child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(FLOODS.map((flood) => [flood.name, flood] as const))(
    'refuses %s with its code, in milliseconds, without a stack',
    async (_name, flood) => {
      const answer = await post(gateway, flood.body);
      expect({ status: answer.status, codes: answer.codes }).toEqual({ status: flood.status, codes: flood.codes });
      expect(answer.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d/);
      expect(answer.ms).toBeLessThan(2000);
      expect(gateway.child.exitCode).toBeNull();
    },
  );

  it('survives every flood at once, five times over, and still answers /health, within its memory bound', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      FLOODS.flatMap((flood) => Array.from({ length: 5 }, () => post(gateway, flood.body))),
    );
    const burstMs = performance.now() - started;
    expect(answers.every((answer) => answer.status === 400 || answer.status === 413)).toBe(true);
    expect(gateway.child.exitCode).toBeNull();
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    const afterMb = gateway.rssMegabytes();
    process.stdout.write(
      `graphql flood: ${answers.length} requests in ${Math.round(burstMs)} ms; RSS ${idleMb.toFixed(0)} MB idle, ${afterMb.toFixed(0)} MB after\n`,
    );
    expect(afterMb).toBeLessThan(idleMb + 80);
    expect(afterMb).toBeLessThan(300);
  });

  it('still serves the largest real operation: 2,000 slots with three escalation levels each, sent as variables', async () => {
    const auth = { authorization: `Bearer ${gateway.apiKey}` };
    const data = JSON.parse(
      (
        await post(
          gateway,
          operation('{ hotlines(first: 1) { edges { node { id } } } people(first: 3) { edges { node { id } } } }'),
          auth,
        )
      ).text,
    ) as { data: { hotlines: { edges: { node: { id: string } }[] }; people: { edges: { node: { id: string } }[] } } };
    const levels = data.data.people.edges.map(({ node }) => ({ kind: 'PERSON', id: node.id }));
    const day = (n: number) => new Date(Date.UTC(2031, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const slots = Array.from({ length: 2000 }, (_, i) => ({
      start: `${day(i)}T08:00`,
      end: `${day(i)}T16:00`,
      assignees: levels,
    }));
    const body = operation(
      'mutation($input: CreateSlotsInput!) { createSlots(input: $input) { version added { id } } }',
      {
        input: { hotlineId: data.data.hotlines.edges[0].node.id, slots },
      },
    );
    expect(body.length).toBeLessThan(MAX_GRAPHQL_BODY_BYTES);
    const answer = await post(gateway, body, auth);
    expect(answer.codes).toEqual([]);
    expect(
      (JSON.parse(answer.text) as { data: { createSlots: { added: unknown[] } } }).data.createSlots.added,
    ).toHaveLength(2000);
  });

  it('opens /graphql in a browser on a page of its own that loads nothing from another host', async () => {
    const response = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('Dutyline GraphQL API');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\/|https?:\/\/|@import|<script|<link/i);
  });
});
