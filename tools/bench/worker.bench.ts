// Voicemail-notification jobs per second through the real worker process (`apps/worker/src/main.ts`:
// BullMQ on Redis, the delivery ledger, the recording downloaded from a local fake Vonage, e-mail over
// SMTP to a local sink), against a no-op BullMQ worker process on the same Redis with the same
// concurrency. Each side: the worker is started, JOBS jobs are enqueued, and the clock runs until the
// last one is done (the voicemails' deliveries are written to the ledger beforehand, as the gateway
// does before enqueuing). Needs Redis (REDIS_URL, default redis://127.0.0.1:6379); the database is an
// SQLite file in a temporary folder unless BENCH_DATABASE_URL names a MariaDB one.
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CallRecord, Clock, hotline, person } from '@dutyline/domain';
import { SmtpSink } from '@dutyline/mail/testing';
import {
  SqlDeliveryLedger,
  createDataSource,
  deleteAccount,
  runMigrations,
  sqlRepositories,
} from '@dutyline/persistence';
import { BullMqJobQueue } from '@dutyline/queue';
import { FakeVonageApi, testApplicationKeys } from '@dutyline/vonage/testing';
import { Redis } from 'ioredis';
import { goal, report } from './support/measure';

const NAME = 'worker';
const JOBS = Number(process.env.BENCH_WORKER_JOBS ?? 1000);
const CONCURRENCY = 5;
const ENQUEUE_BATCH = 100;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = path.resolve(__dirname, '..', '..');
const TS_RUN = path.join(ROOT, 'tools', 'ts-run.cjs');
const clock: Clock = { now: () => Date.now() };

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function inBatches(count: number, send: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += ENQUEUE_BATCH) {
    await Promise.all(Array.from({ length: Math.min(ENQUEUE_BATCH, count - start) }, (_, k) => send(start + k)));
  }
}

async function dropKeys(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  const keys = await client.keys(`${prefix}:*`);
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

/** No-op jobs per second, processed by a worker process of their own. */
async function noopRate(): Promise<number> {
  const prefix = `bench-noop-${randomBytes(4).toString('hex')}`;
  const child = fork(path.join(__dirname, 'support', 'noop-worker.ts'), [], {
    execArgv: ['-r', TS_RUN],
    env: { ...process.env, REDIS_URL, BENCH_PREFIX: prefix, BENCH_CONCURRENCY: String(CONCURRENCY) },
  });
  let ready = false;
  let done = 0;
  child.on('message', (message: { ready?: boolean; done?: number }) => {
    if (message.ready) ready = true;
    if (message.done) done = message.done;
  });
  const queue = new BullMqJobQueue<{ noop: { i: number } }>({
    connection: REDIS_URL,
    prefix,
    clock,
    jobNames: ['noop'],
  });
  try {
    await until(() => ready, 60_000, 'the no-op worker');
    const started = process.hrtime.bigint();
    await inBatches(JOBS, (i) => queue.enqueue('noop', { i }, { jobId: `noop-${i}` }));
    await until(() => done >= JOBS - (JOBS % 50), 120_000, 'the no-op jobs');
    return (JOBS - (JOBS % 50)) / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    child.disconnect();
    await stopped(child);
    await queue.close();
    await dropKeys(prefix);
  }
}

/** Voicemail notifications per second, and how many e-mails arrived. */
async function voicemailRate(): Promise<{ rate: number; mails: number }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-bench-worker-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  // The worker process opens <DATA_DIR>/dutyline.sqlite: the same file.
  const sqlite = path.join(folder, 'dutyline.sqlite');
  const dataSource = createDataSource(databaseUrl ? { url: databaseUrl } : { sqlitePath: sqlite });
  await dataSource.initialize();
  await runMigrations(dataSource);
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

  const sink = await SmtpSink.start();
  const keys = testApplicationKeys();
  const vonage = await FakeVonageApi.start({ publicKey: keys.publicKey });
  const recording = vonage.addRecording(
    'rec',
    Buffer.concat([Buffer.from('ID3\x04\x00\x00', 'latin1'), randomBytes(16_000)]),
  );
  const prefix = `bench-vm-${randomBytes(4).toString('hex')}`;
  const ledger = new SqlDeliveryLedger(dataSource);
  const record = (i: number): CallRecord => ({
    id: `call-${i}`,
    accountId,
    hotlineId: 'hl',
    hotlineName: 'Bench hotline',
    hotlineNumber: number,
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
  });
  const worker = spawn(process.execPath, ['-r', TS_RUN, path.join(ROOT, 'apps/worker/src/main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      WORKER_METRICS_PORT: '0',
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      LOG_LEVEL: 'info',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DATA_DIR: folder,
      SMTP_URL: `${sink.url('alerts@dutyline.test')}&maxConnections=${CONCURRENCY}`,
      VONAGE_APPLICATION_ID: 'bench-app',
      VONAGE_PRIVATE_KEY: keys.privateKey,
      VONAGE_API_HOST: vonage.url,
    },
  });
  let ready = false;
  worker.stdout?.on('data', (chunk: Buffer) => (ready ||= chunk.toString().includes('"taking jobs"')));
  const queue = new BullMqJobQueue<{ 'voicemail.deliver': { deliveryId: string; accountId: string } }>({
    connection: REDIS_URL,
    prefix,
    clock,
    jobNames: ['voicemail.deliver'],
  });
  try {
    // Created "later" than the worker's start, so its reconcile pass leaves them to the timed enqueue.
    await inBatches(JOBS, (i) =>
      ledger.addDelivery({
        id: `call-${i}:voicemail`,
        kind: 'voicemail',
        accountId,
        hotlineId: 'hl',
        callId: `call-${i}`,
        record: record(i),
        createdAt: Date.now() + 3_600_000,
      }),
    );
    await until(() => ready, 60_000, 'the worker');
    const started = process.hrtime.bigint();
    await inBatches(JOBS, (i) =>
      queue.enqueue(
        'voicemail.deliver',
        { deliveryId: `call-${i}:voicemail`, accountId },
        { jobId: `call-${i}:voicemail` },
      ),
    );
    await until(() => sink.received.length >= JOBS, 300_000, 'the voicemail e-mails');
    const rate = JOBS / (Number(process.hrtime.bigint() - started) / 1e9);
    await new Promise((resolve) => setTimeout(resolve, 500)); // would a duplicate show up?
    return { rate, mails: sink.received.length };
  } finally {
    worker.kill('SIGTERM');
    await stopped(worker);
    await queue.close();
    await dropKeys(prefix);
    await vonage.close();
    await sink.close();
    if (databaseUrl) await deleteAccount(dataSource, accountId);
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const noop = await noopRate();
  const voicemail = await voicemailRate();
  report(NAME, { metric: 'jobs', value: JOBS, unit: 'count' });
  report(NAME, { metric: 'concurrency', value: CONCURRENCY, unit: 'count' });
  report(NAME, { metric: 'noop-throughput', value: noop, unit: 'jobs/s' });
  report(NAME, { metric: 'voicemail-throughput', value: voicemail.rate, unit: 'jobs/s' });
  report(NAME, { metric: 'voicemail-ratio', value: voicemail.rate / noop, unit: 'ratio' });
  goal(NAME, 'every voicemail e-mailed exactly once', voicemail.mails === JOBS);
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
