// Helpers for benchmarks that run real gateway processes on 127.0.0.1, built as they ship
// (`npm run build`, then `apps/gateway/dist/main.js`): start one with its environment and wait until it serves, read its memory, stop it; seed a bench
// account (API key, two people, a hotline with a slot around now) straight into the database; drive
// them with autocannon (127.0.0.1 only).
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApplication, systemCaller } from '@dutyline/application';
import { ApiKeyRepository, Clock, Hotline, Id, Person } from '@dutyline/domain';
import { createDataSource, deleteAccount, runMigrations, sqlRepositories } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { signVonageWebhook } from '@dutyline/vonage/testing';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MAIN = path.join(ROOT, 'apps', 'gateway', 'dist', 'main.js');
const systemClock: Clock = { now: () => Date.now() };

export interface GatewayProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Resident memory of the process now, from /proc, in MB. */
  rssMegabytes(): number;
  /** CPU time the process has used so far (user + system), from /proc, in ms (10 ms resolution). */
  cpuMillis(): number;
  /** The last lines it wrote (for a failure message). */
  tail(lines?: number): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when it has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The V8 limits the gateway ships with (docker/gateway.Dockerfile), so the bench measures it as run. */
const GATEWAY_V8_LIMITS = ['--max-semi-space-size=16', '--max-old-space-size=160'];

let built = false;

/** Compiles the workspace (`tsc -b`, incremental: quick when nothing changed), once per bench process. */
function buildOnce(): void {
  if (built) return;
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-b', path.join(ROOT, 'tsconfig.build.json')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  built = true;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a gateway with `env` (added to this process's environment, with PORT, a fresh DATA_DIR,
 * LOG_LEVEL=warn and DEMO_SEED=false unless given) and waits until `/health` answers 200.
 */
export async function startGatewayProcess(
  name: string,
  env: Record<string, string>,
  startTimeoutMs = 90_000,
): Promise<GatewayProcess> {
  buildOnce();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  // GATEWAY_NODE_ARGS: more options for node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the gateway.
  const nodeArgs = (process.env.GATEWAY_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...GATEWAY_V8_LIMITS, ...nodeArgs, MAIN], {
    cwd: dataDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'false',
      DATA_DIR: dataDir,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output: string[] = [];
  // GATEWAY_OUTPUT: a file that gets everything the gateway writes (e.g. with GATEWAY_NODE_ARGS=--trace-gc).
  const copy = process.env.GATEWAY_OUTPUT ? fs.createWriteStream(process.env.GATEWAY_OUTPUT) : null;
  const keep = (chunk: Buffer) => {
    copy?.write(chunk);
    output.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const tail = (lines = 20) => output.slice(-lines).join('\n');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    running.delete(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`gateway ${name} exited with ${child.exitCode} while starting:\n${tail()}`);
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`gateway ${name} did not answer /health within ${startTimeoutMs} ms:\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name,
    url,
    pid: child.pid!,
    rssMegabytes: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    },
    cpuMillis: () => {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime, stime in clock ticks (100 per second).
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    tail,
    stop,
  };
}

/** `BENCH_DATABASE_URL`, else the local MariaDB test database (the TEST_MARIADB_* variables the tests read). */
export function benchDatabaseUrl(database?: string): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const env = (name: string, fallback: string) => process.env[`TEST_MARIADB_${name}`] || fallback;
  const password = env('PASSWORD', '');
  return `mysql://${env('USER', 'root')}${password ? `:${encodeURIComponent(password)}` : ''}@${env('HOST', '127.0.0.1')}:${env('PORT', '3306')}/${database ?? env('DATABASE', 'test')}`;
}

/** Where `npm run fleet` loads the shared fleet and the fleet benchmarks find it: BENCH_DATABASE_URL, else the `fleet` database of the local server. */
export const fleetDatabaseUrl = (): string => benchDatabaseUrl('fleet');

/** The Vonage signature secret the benchmarks' gateways check their signed webhooks with. */
export const BENCH_SIGNATURE_SECRET = 'bench-signature-secret-0123456789';

/** The command that loads the full-size fleet, named when a fleet benchmark finds none. */
export const FLEET_COMMAND = 'npm run fleet -- --accounts 1000 --hotlines 10 --people 20 --weeks 8';

export interface FleetHotline {
  readonly accountId: string;
  readonly id: string;
  readonly number: string;
}

/** The fleet's hotlines (ids `fleet-…`, not a benchmark's own `fleet-bench-…`), by account and id. */
export async function fleetHotlines(dataSource: DataSource): Promise<FleetHotline[]> {
  const rows = (await dataSource.query(
    "SELECT account_id AS accountId, id, number FROM hotlines WHERE account_id LIKE 'fleet-%' AND account_id NOT LIKE 'fleet-bench-%' ORDER BY account_id, id",
  )) as FleetHotline[];
  if (rows.length === 0)
    throw new Error(
      `no fleet in ${fleetDatabaseUrl()}: load one first with \`DATABASE_URL=${fleetDatabaseUrl()} ${FLEET_COMMAND}\``,
    );
  return rows;
}

/** Deletes a bench account and every row of it (the calls of an answer run included) from the shared database. */
export async function removeBenchAccount(databaseUrl: string, accountId: Id): Promise<void> {
  const dataSource = createDataSource({ url: databaseUrl });
  await dataSource.initialize();
  try {
    await deleteAccount(dataSource, accountId);
  } finally {
    await dataSource.destroy();
  }
}

export interface BenchAccount {
  readonly accountId: Id;
  /** An admin API key (`Authorization: Bearer <apiKey>`). */
  readonly apiKey: string;
  readonly hotline: Hotline;
  readonly alice: Person;
  readonly bob: Person;
}

/**
 * A fresh account in the database at `databaseUrl` (migrated first): an admin API key, Alice and Bob
 * with one mobile each, a hotline on a number no other run uses (Europe/Paris, Alice supervising)
 * and one slot from yesterday to the day after tomorrow with Alice on duty.
 */
export async function seedBenchAccount(databaseUrl: string): Promise<BenchAccount> {
  const dataSource = createDataSource({ url: databaseUrl });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const repositories = sqlRepositories(dataSource);
    const tag = randomBytes(4).toString('hex');
    const accountId = `bench-${Date.now().toString(36)}-${tag}`;
    await repositories.accounts.createAccount({ id: accountId, name: `Bench ${accountId}`, createdAt: Date.now() });
    const apiKey = await issueBenchApiKey(repositories.apiKeys, { id: `key-${accountId}`, accountId });
    let sequence = 0;
    const app = createApplication({
      ...repositories,
      schedules: repositories.schedule,
      versions: repositories.scheduleVersions,
      clock: systemClock,
      ids: { next: () => `${accountId}-${++sequence}` },
    });
    const caller = systemCaller(accountId);
    const digits = () => String(parseInt(tag, 16) % 1_000_000).padStart(6, '0');
    const alice = await app.directory.createPerson(caller, {
      name: 'Alice',
      contactNumbers: [{ number: `+3361${digits()}1`, label: 'mobile' }],
    });
    const bob = await app.directory.createPerson(caller, {
      name: 'Bob',
      contactNumbers: [{ number: `+3362${digits()}2`, label: 'mobile' }],
    });
    const created = await app.hotlines.createHotline(caller, {
      name: 'Bench hotline',
      number: `+331${digits()}00`,
      timeZone: 'Europe/Paris',
      supervisorIds: [alice.id],
    });
    if (!created.ok) throw new Error(`the bench hotline could not be created: ${created.error.message}`);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const slots = await app.schedule.createSlots(caller, created.value.id, {
      slots: [{ start: `${day(-1)}T00:00`, end: `${day(2)}T00:00`, assignees: [{ kind: 'person', id: alice.id }] }],
    });
    if (!slots.ok) throw new Error(`the bench slot could not be created: ${JSON.stringify(slots.error)}`);
    return { accountId, apiKey, hotline: created.value, alice, bob };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Stores an admin API key `id` of `accountId` as the gateway issues them (auth/api-key-secret.ts:
 * `dl_` + 256 random bits, stored as SHA-256) and returns the key to send (`Authorization: Bearer`).
 */
export async function issueBenchApiKey(
  apiKeys: Pick<ApiKeyRepository, 'createApiKey'>,
  { id, accountId }: { id: Id; accountId: Id },
): Promise<string> {
  const apiKey = `dl_${randomBytes(32).toString('base64url')}`;
  await apiKeys.createApiKey({
    id,
    accountId,
    name: 'bench key',
    prefix: apiKey.slice(0, 15),
    hash: createHash('sha256').update(apiKey, 'utf8').digest('hex'),
    role: 'admin',
    createdAt: Date.now(),
    revokedAt: null,
    lastUsedAt: null,
  });
  return apiKey;
}

/** `POST /graphql` with the API key; rejects on HTTP or GraphQL errors. */
export async function graphql<T>(
  gateway: GatewayProcess,
  { apiKey, query, variables }: { apiKey: string; query: string; variables: Record<string, unknown> },
): Promise<T> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors)
    throw new Error(`GraphQL on ${gateway.name} failed (${response.status}): ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** The query string of a GET answer webhook, as Vonage sends it. */
export function answerQuery(hotlineNumber: string, caller: string, uuid: string): string {
  const digits = (n: string) => n.replace(/^\+/, '');
  return new URLSearchParams({
    to: digits(hotlineNumber),
    from: digits(caller),
    uuid,
    conversation_uuid: `CON-${uuid}`,
  }).toString();
}

/** A signed GET answer webhook for a new call (its own uuid and caller, number `n`): path and headers. */
export function signedAnswerRequest(
  secret: string,
  hotlineNumber: string,
  n: number,
): { path: string; headers: Record<string, string> } {
  const uuid = `${randomBytes(4).toString('hex')}-bench-4000-8000-${String(n).padStart(12, '0')}`;
  const caller = `+3361${String(n % 100_000_000).padStart(8, '0')}`;
  const query = answerQuery(hotlineNumber, caller, uuid);
  return {
    path: `/vonage/answer?${query}`,
    headers: { authorization: signVonageWebhook({ secret, issuedAt: Date.now(), rawQuery: query }) },
  };
}

// ---- load: a typed door to autocannon 9 (it ships no types), loaded by Node itself --------------------

export interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** Seconds. */
  readonly duration: number;
  /** Builds each request (a fresh path and signature each time, say). */
  readonly setupRequest?: (request: LoadRequest) => LoadRequest;
}

export interface LoadResult {
  /** Requests per second, averaged over the run. */
  readonly requests: { readonly average: number; readonly total: number };
  /** Milliseconds. */
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<LoadResult>;

/** One autocannon run against 127.0.0.1 (refuses any other host: load stays on this machine). */
export function load(options: LoadOptions): Promise<LoadResult> {
  if (new URL(options.url).hostname !== '127.0.0.1')
    throw new Error(`load is only sent to 127.0.0.1, not ${options.url}`);
  const autocannon = createRequire(__filename)('autocannon') as Autocannon;
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest }] } : {}),
  });
}
