// What the voicemail benchmarks (`worker`, `storm`) share: waiting, batching, the account with one
// hotline and one person, a voicemail's call record, and the real worker process (`apps/worker/src/main.ts`).
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CallRecord, Clock, hotline, person } from '@dutyline/domain';
import { SqlDeliveryLedger, sqlRepositories } from '@dutyline/persistence';
import { BullMqJobQueue } from '@dutyline/queue';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TS_RUN = path.join(ROOT, 'tools', 'ts-run.cjs');
const ENQUEUE_BATCH = 100;

export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `send(0…count-1)`, a hundred at a time. */
export async function inBatches(count: number, send: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += ENQUEUE_BATCH) {
    await Promise.all(Array.from({ length: Math.min(ENQUEUE_BATCH, count - start) }, (_, k) => send(start + k)));
  }
}

/**
 * `BENCH_DATABASE_URL` when set; else a MariaDB database of the run's own on the test server, so that
 * migrations others are writing on the shared `test` database cannot break the run. `drop` removes it.
 */
export async function benchDatabase(): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, drop: () => Promise.resolve() };
  const server = 'mysql://root@127.0.0.1:3306';
  const name = `dutyline_bench_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  return {
    url: `${server}/${name}`,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

export async function dropKeys(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  const keys = await client.keys(`${prefix}:*`);
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
}

export const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

export interface VoicemailAccount {
  readonly accountId: string;
  readonly hotlineId: string;
  readonly number: string;
}

/** An account of its own with one hotline whose supervisor (Alice) gets the voicemails; no gap alerts. */
export async function seedVoicemailAccount(dataSource: DataSource): Promise<VoicemailAccount> {
  const accountId = `bench-${randomBytes(4).toString('hex')}`;
  const repos = sqlRepositories(dataSource);
  await repos.accounts.createAccount({ id: accountId, name: 'Bench', createdAt: 0 });
  await repos.people.savePerson(
    person({
      id: 'alice',
      accountId,
      name: 'Alice',
      colour: '#1f77b4',
      email: 'alice@example.org',
      contactNumbers: [{ number: '+33612345678' }],
    }),
  );
  const number = `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await repos.hotlines.save(
    hotline({ id: 'hl', accountId, name: 'Bench hotline', number, timeZone: 'Europe/Paris', supervisorIds: ['alice'] }),
  );
  // A hotline without a schedule is one long gap: keep its alert out of the count.
  await dataSource.query(
    "INSERT INTO hotline_documents (account_id, hotline_id, kind, version, body, pending, updated_at) VALUES (?, 'hl', 'notification-settings', 1, ?, 0, 0)",
    [accountId, JSON.stringify({ gapAlerts: { enabled: false } })],
  );
  return { accountId, hotlineId: 'hl', number };
}

/** Voicemail `i`'s call: unique across accounts, as a call's id is. */
export const callIdOf = (account: VoicemailAccount, i: number) => `${account.accountId}-call-${i}`;

/** The call log entry of voicemail `i` of the account, its recording at `recording`. */
export function voicemailRecord(
  account: VoicemailAccount,
  { i, recording }: { i: number; recording: string },
): CallRecord {
  return {
    id: callIdOf(account, i),
    accountId: account.accountId,
    hotlineId: account.hotlineId,
    hotlineName: 'Bench hotline',
    hotlineNumber: account.number,
    carrier: 'vonage',
    carrierCallId: `c-${i}`,
    caller: '+33698765432',
    planSource: 'schedule',
    startedAt: Date.parse('2027-03-28T01:15:00Z'),
    answeredAt: null,
    endedAt: null,
    outcome: 'voicemail',
    answeredBy: null,
    timeToAnswerSeconds: null,
    durationSeconds: 60,
    voicemailRecording: recording,
    legs: [
      {
        step: 0,
        personId: 'alice',
        personName: 'Alice',
        number: '+33612345678',
        label: 'mobile',
        via: 'on-call',
        level: 0,
        teamId: null,
        startedAt: 0,
        answeredAt: null,
        endedAt: 20_000,
        ringSeconds: 20,
        outcome: 'no-answer',
        detail: null,
        sipCode: null,
      },
    ],
    comments: [],
  };
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Whether it logged "taking jobs". */
  ready(): boolean;
  /** SIGTERM, then its exit. */
  stop(): Promise<void>;
}

/**
 * The real worker (`apps/worker/src/main.ts`) as a child process with exactly `env` (and PATH), its
 * log lines going to `logFile` as they would to a log collector (a pipe read by this busy process
 * would hold up its synchronous writes). `WORKER_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
 * go to its Node.
 */
export function startWorkerProcess(env: Record<string, string>, { logFile }: { logFile: string }): WorkerProcess {
  const nodeArgs = (process.env.WORKER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeArgs, '-r', TS_RUN, path.join(ROOT, 'apps/worker/src/main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', log, 'inherit'],
    env: { PATH: process.env.PATH ?? '', WORKER_METRICS_PORT: '0', REDIS_URL, ...env },
  });
  fs.closeSync(log);
  let ready = false;
  return {
    child,
    ready: () => (ready ||= fs.readFileSync(logFile, 'utf8').includes('"taking jobs"')),
    stop: async () => {
      child.kill('SIGTERM');
      await stopped(child);
    },
  };
}

const clock: Clock = { now: () => Date.now() };

/** The voicemails of an account: owed in the ledger (as the gateway does before enqueuing), then enqueued under `prefix`. */
export class VoicemailJobs {
  private readonly queue: BullMqJobQueue<{ 'voicemail.deliver': { deliveryId: string; accountId: string } }>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { readonly account: VoicemailAccount; readonly prefix: string },
  ) {
    this.queue = new BullMqJobQueue({
      connection: REDIS_URL,
      prefix: options.prefix,
      clock,
      jobNames: ['voicemail.deliver'],
    });
  }

  /** The delivery (and job) id of voicemail `i`, as the gateway names it. */
  deliveryId(i: number): string {
    return `${callIdOf(this.options.account, i)}:voicemail`;
  }

  /** Delivery rows for voicemails 0…count-1, created "later" than the worker's start so its reconcile pass leaves them alone. */
  async owe(count: number, recordingOf: (i: number) => string): Promise<void> {
    const ledger = new SqlDeliveryLedger(this.dataSource);
    const { account } = this.options;
    await inBatches(count, (i) =>
      ledger.addDelivery({
        id: this.deliveryId(i),
        kind: 'voicemail',
        accountId: account.accountId,
        hotlineId: account.hotlineId,
        callId: callIdOf(account, i),
        record: voicemailRecord(account, { i, recording: recordingOf(i) }),
        createdAt: Date.now() + 3_600_000,
      }),
    );
  }

  /** The jobs of voicemails from…from+count-1, under their deterministic ids. */
  enqueue({ from = 0, count }: { from?: number; count: number }): Promise<void> {
    const accountId = this.options.account.accountId;
    return inBatches(count, (k) =>
      this.queue.enqueue(
        'voicemail.deliver',
        { deliveryId: this.deliveryId(from + k), accountId },
        { jobId: this.deliveryId(from + k) },
      ),
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
    await dropKeys(this.options.prefix);
  }
}
