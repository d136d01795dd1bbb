// Voicemail-notification jobs per second through the real worker (BullMQ on Redis, the delivery ledger,
// the recording downloaded from a local fake Vonage, e-mail over SMTP to a local sink), against a no-op
// BullMQ worker on the same Redis with the same concurrency. Each side: start the worker, then enqueue
// JOBS jobs (the voicemail side through the gateway's producer, which writes the ledger first) and time
// until the last one is done. Needs Redis (REDIS_URL, default redis://127.0.0.1:6379); the database is
// an SQLite file in a temporary folder unless DATABASE_URL names a MariaDB one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CallRecord, Clock, hotline, person } from '@dutyline/domain';
import { fork } from 'node:child_process';
import { createDataSource, runMigrations, sqlRepositories } from '@dutyline/persistence';
import { BullMqJobQueue, BullMqWorkerHost } from '@dutyline/queue';
import { testApplicationKeys } from '@dutyline/vonage/testing';
import { connectNotificationProducer, startWorker, WorkerConfig } from '@dutyline/worker';
import { Redis } from 'ioredis';
import { goal, report } from './support/measure';

const NAME = 'worker';
const JOBS = Number(process.env.BENCH_WORKER_JOBS ?? 1000);
const CONCURRENCY = 5;
const ENQUEUE_BATCH = 50;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const clock: Clock = { now: () => Date.now() };
const silent = { error: (m: string, f?: object) => console.error(m, f), warn: () => undefined, info: () => undefined, debug: () => undefined };

async function untilDone(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the jobs did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function inBatches(count: number, send: (i: number) => Promise<void>): Promise<void> {
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

/** No-op jobs per second. */
async function noopRate(): Promise<number> {
  const prefix = `bench-noop-${randomBytes(4).toString('hex')}`;
  const queue = new BullMqJobQueue<{ noop: { i: number } }>({ connection: REDIS_URL, prefix, clock, jobNames: ['noop'] });
  const host = new BullMqWorkerHost<{ noop: { i: number } }>({ connection: REDIS_URL, prefix, concurrency: CONCURRENCY });
  let done = 0;
  host.register('noop', async () => void (done += 1));
  await host.start();
  try {
    const started = process.hrtime.bigint();
    await inBatches(JOBS, (i) => queue.enqueue('noop', { i }, { jobId: `noop-${i}` }));
    await untilDone(() => done >= JOBS, 120_000);
    return JOBS / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await host.close();
    await queue.close();
    await dropKeys(prefix);
  }
}

/** Voicemail notifications per second, and how many e-mails arrived. */
async function voicemailRate(): Promise<{ rate: number; mails: number }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-bench-worker-'));
  const databaseUrl = process.env.DATABASE_URL;
  const database: WorkerConfig['database'] = databaseUrl ? { kind: 'mysql', url: databaseUrl } : { kind: 'sqlite', file: path.join(folder, 'bench.sqlite') };
  const dataSource = createDataSource(database.kind === 'mysql' ? { url: database.url } : { sqlitePath: database.file });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const accountId = `bench-${randomBytes(4).toString('hex')}`;
  const repos = sqlRepositories(dataSource);
  await repos.accounts.createAccount({ id: accountId, name: 'Bench', createdAt: 0 });
  await repos.people.savePerson(person({ id: 'alice', accountId, name: 'Alice', colour: '#1f77b4', email: 'alice@example.org', contactNumbers: [{ number: '+33612345678' }] }));
  const number = `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await repos.hotlines.save(hotline({ id: 'hl', accountId, name: 'Bench hotline', number, timeZone: 'Europe/Paris', supervisorIds: ['alice'] }));
  // A hotline without a schedule is one long gap: its alert would land in the sink too.
  await dataSource.query(
    "INSERT INTO hotline_documents (account_id, hotline_id, kind, version, body, pending, updated_at) VALUES (?, 'hl', 'notification-settings', 1, ?, 0, 0)",
    [accountId, JSON.stringify({ gapAlerts: { enabled: false } })],
  );

  const keys = testApplicationKeys();
  const servers = await startServers();
  const recording = servers.recordingUrl;
  const prefix = `bench-vm-${randomBytes(4).toString('hex')}`;
  const config: WorkerConfig = {
    redisUrl: REDIS_URL, queuePrefix: prefix, dataDir: folder, database,
    mail: { smtpUrl: `${servers.smtpUrl}&maxConnections=${CONCURRENCY}`, outboxDir: folder, from: 'alerts@dutyline.test' },
    vonage: { applicationId: 'bench-app', privateKey: keys.privateKey, apiKey: null, apiSecret: null, apiHost: servers.vonageUrl, restHost: null },
    publicUrl: 'http://localhost:3000', concurrency: CONCURRENCY, backoffMs: 2000, gapCheckIntervalMinutes: 60, shutdownTimeoutSeconds: 30, logLevel: 'error',
  };
  const worker = await startWorker(config, silent);
  const producer = connectNotificationProducer({ dataSource, redisUrl: REDIS_URL, queuePrefix: prefix });
  try {
    const record = (i: number): CallRecord => ({
      id: `call-${i}`, accountId, hotlineId: 'hl', hotlineName: 'Bench hotline', hotlineNumber: number, carrier: 'vonage', carrierCallId: `c-${i}`,
      caller: '+33698765432', planSource: 'schedule', startedAt: Date.parse('2027-03-28T01:15:00Z'), answeredAt: null, endedAt: null,
      outcome: 'voicemail', answeredBy: null, timeToAnswerSeconds: null, durationSeconds: 60, voicemailRecording: recording,
      legs: [{ step: 0, personId: 'alice', personName: 'Alice', number: '+33612345678', label: 'mobile', via: 'on-call', level: 0, teamId: null, startedAt: 0, answeredAt: null, endedAt: 20_000, ringSeconds: 20, outcome: 'no-answer', detail: null, sipCode: null }],
      comments: [],
    });
    const started = process.hrtime.bigint();
    await inBatches(JOBS, (i) => producer.events.voicemailRecorded({ eventId: `call-${i}:voicemail`, callId: `call-${i}`, record: record(i) }));
    await untilDone(() => servers.received >= JOBS, 300_000);
    const rate = JOBS / (Number(process.hrtime.bigint() - started) / 1e9);
    await new Promise((resolve) => setTimeout(resolve, 500)); // would a duplicate show up?
    return { rate, mails: servers.received };
  } finally {
    await producer.close();
    await worker.stop();
    await dropKeys(prefix);
    servers.stop();
    if (databaseUrl) {
      for (const table of ['notification_deliveries', 'voicemail_links', 'hotline_documents', 'hotline_supervisors', 'schedule_versions', 'hotlines', 'person_numbers', 'people']) {
        await dataSource.query(`DELETE FROM ${table} WHERE account_id = ?`, [accountId]);
      }
      await dataSource.query('DELETE FROM accounts WHERE id = ?', [accountId]);
    }
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

interface BenchServers {
  readonly smtpUrl: string;
  readonly vonageUrl: string;
  readonly recordingUrl: string;
  /** Messages the sink accepted so far. */
  readonly received: number;
  stop(): void;
}

/** The SMTP sink and the fake Vonage in a child process (see support/worker-bench-servers.ts). */
function startServers(): Promise<BenchServers> {
  const child = fork(path.join(__dirname, 'support', 'worker-bench-servers.ts'), [], {
    execArgv: ['-r', path.join(__dirname, '..', 'ts-run.cjs')],
  });
  return new Promise((resolve, reject) => {
    let received = 0;
    child.once('exit', (code) => reject(new Error(`the bench servers exited (${code})`)));
    child.on('message', (message: { ready?: boolean; received?: number; smtpUrl: string; vonageUrl: string; recordingUrl: string }) => {
      if (message.received !== undefined) received = message.received;
      if (message.ready) {
        resolve({
          smtpUrl: message.smtpUrl, vonageUrl: message.vonageUrl, recordingUrl: message.recordingUrl,
          get received() {
            return received;
          },
          stop: () => child.disconnect(),
        });
      }
    });
  });
}

async function main(): Promise<void> {
  const noop = await noopRate();
  const voicemail = await voicemailRate();
  report(NAME, 'jobs', JOBS, 'count');
  report(NAME, 'concurrency', CONCURRENCY, 'count');
  report(NAME, 'noop-throughput', noop, 'jobs/s');
  report(NAME, 'voicemail-throughput', voicemail.rate, 'jobs/s');
  report(NAME, 'voicemail-ratio', voicemail.rate / noop, 'ratio');
  goal(NAME, 'every voicemail e-mailed exactly once', voicemail.mails === JOBS);
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
