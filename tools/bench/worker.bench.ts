// Voicemail-notification jobs per second through the real worker process (`apps/worker/src/main.ts`:
// BullMQ on Redis, the delivery ledger, the recording downloaded from a local fake Vonage, e-mail over
// SMTP to a local sink), against a no-op BullMQ worker process on the same Redis with the same
// concurrency. Each side: the worker is started, JOBS jobs are enqueued, and the clock runs until the
// last one is done (the voicemails' deliveries are written to the ledger beforehand, as the gateway
// does before enqueuing). Needs Redis (REDIS_URL, default redis://127.0.0.1:6379); the database is an
// SQLite file in a temporary folder unless BENCH_DATABASE_URL names a MariaDB one.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Clock } from '@dutyline/domain';
import { SmtpSink } from '@dutyline/mail/testing';
import { createDataSource, deleteAccount, runMigrations } from '@dutyline/persistence';
import { BullMqJobQueue } from '@dutyline/queue';
import { FakeVonageApi, testApplicationKeys } from '@dutyline/vonage/testing';
import { goal, report } from './support/measure';
import {
  REDIS_URL,
  TS_RUN,
  dropKeys,
  inBatches,
  seedVoicemailAccount,
  startWorkerProcess,
  stopped,
  until,
  VoicemailJobs,
} from './support/voicemail-bench-world';

const NAME = 'worker';
const JOBS = Number(process.env.BENCH_WORKER_JOBS ?? 1000);
const CONCURRENCY = 5;
const clock: Clock = { now: () => Date.now() };

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
  const account = await seedVoicemailAccount(dataSource);
  const { accountId } = account;

  const sink = await SmtpSink.start();
  const keys = testApplicationKeys();
  const vonage = await FakeVonageApi.start({ publicKey: keys.publicKey });
  const recording = vonage.addRecording(
    'rec',
    Buffer.concat([Buffer.from('ID3\x04\x00\x00', 'latin1'), randomBytes(16_000)]),
  );
  const prefix = `bench-vm-${randomBytes(4).toString('hex')}`;
  const worker = startWorkerProcess(
    {
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
    { logFile: path.join(folder, 'worker.log') },
  );
  const jobs = new VoicemailJobs(dataSource, { account, prefix });
  try {
    await jobs.owe(JOBS, () => recording);
    await until(() => worker.ready(), 60_000, 'the worker');
    const started = process.hrtime.bigint();
    await jobs.enqueue({ count: JOBS });
    await until(() => sink.received.length >= JOBS, 300_000, 'the voicemail e-mails');
    const rate = JOBS / (Number(process.hrtime.bigint() - started) / 1e9);
    await new Promise((resolve) => setTimeout(resolve, 500)); // would a duplicate show up?
    return { rate, mails: sink.received.length };
  } finally {
    await worker.stop();
    await jobs.close();
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
