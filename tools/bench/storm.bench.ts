// The voicemail storm (issue #14): JOBS voicemails at once through the real worker process (BullMQ on
// Redis, the delivery ledger in MariaDB, each recording downloaded from a local fake Vonage, e-mail
// over pooled SMTP to a local sink), against a bare loop of nodemailer (a process of its own) sending
// the same message with the same attachment to the same sink with the same concurrency. Each
// voicemail must arrive exactly once (counted by Message-ID at the sink) with its recording attached.
// The storm runs with the Vonage account's request limit raised (VONAGE_REQUESTS_PER_SECOND): at
// Vonage's default 15 requests/s every recording download waits for the shared window, which a
// shorter first run shows. A last run shares a storm between two workers and SIGKILLs one: nothing
// lost, at most its deliveries in flight e-mailed twice (ADR 0006). Needs Redis (REDIS_URL) and MariaDB (BENCH_DATABASE_URL, default a database of its own on 127.0.0.1:3306).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { messageIdFor } from '@dutyline/mail';
import { ReceivedMail, SmtpSink } from '@dutyline/mail/testing';
import { createDataSource, deleteAccount, runMigrations } from '@dutyline/persistence';
import { FakeVonageApi, testApplicationKeys } from '@dutyline/vonage/testing';
import type { DataSource } from 'typeorm';
import { goal, report, reportLoadAverage } from './support/measure';
import type { BaselineMessage } from './support/nodemailer-loop';
import {
  TS_RUN,
  benchDatabase,
  seedVoicemailAccount,
  startWorkerProcess,
  stopped,
  until,
  VoicemailJobs,
} from './support/voicemail-bench-world';

const NAME = 'storm';
const JOBS = Number(process.env.BENCH_STORM_JOBS ?? 1000);
/** Voicemails of the first run, at Vonage's default limit (15 requests/s: about 10 s). */
const CAPPED_JOBS = Number(process.env.BENCH_STORM_CAPPED_JOBS ?? 150);
const CONCURRENCY = Number(process.env.BENCH_STORM_CONCURRENCY ?? 10);
/** The worker and the nodemailer loop take turns, JOBS / ROUNDS voicemails each. */
const ROUNDS = Number(process.env.BENCH_STORM_ROUNDS ?? 4);
const RAISED_REQUESTS_PER_SECOND = 10_000;
/** Voicemails of the last run, two workers and one killed mid-way (0: no such run). */
const KILL_JOBS = Number(process.env.BENCH_STORM_KILL_JOBS ?? 300);
const FROM = 'alerts@dutyline.test';
const RECORDING = Buffer.concat([Buffer.from('ID3\x04\x00\x00', 'latin1'), randomBytes(16_000)]);

interface Services {
  readonly dataSource: DataSource;
  readonly sink: SmtpSink;
  readonly vonage: FakeVonageApi;
  readonly privateKey: string;
  readonly databaseUrl: string;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const loadAverage = () => reportLoadAverage(NAME);

/** Each expected Message-ID exactly once, nothing else, each with the recording attached. */
function exactlyOnce(mails: readonly ReceivedMail[], expectedIds: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const mail of mails) seen.set(mail.parsed.messageId, (seen.get(mail.parsed.messageId) ?? 0) + 1);
  const missing = expectedIds.filter((id) => !seen.has(id));
  const repeated = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  const expected = new Set(expectedIds);
  const unexpected = [...seen.keys()].filter((id) => !expected.has(id));
  const withoutRecording = mails.filter((mail) => !mail.parsed.attachments[0]?.content.equals(RECORDING)).length;
  return [
    ...(missing.length > 0 ? [`${missing.length} missing (${missing[0]}…)`] : []),
    ...(repeated.length > 0 ? [`${repeated.length} sent more than once (${repeated[0]}…)`] : []),
    ...(unexpected.length > 0 ? [`${unexpected.length} unexpected (${unexpected[0]}…)`] : []),
    ...(withoutRecording > 0 ? [`${withoutRecording} without the recording attached`] : []),
  ];
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux `/proc`; NaN elsewhere). */
function cpuMillis(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at 100 ticks a second
  } catch {
    return NaN;
  }
}

/** How busy this process's event loop was during the rounds of one side. */
class Busy {
  private active = 0;
  private idle = 0;

  async during<T>(work: () => Promise<T>): Promise<T> {
    const start = performance.eventLoopUtilization();
    try {
      return await work();
    } finally {
      const used = performance.eventLoopUtilization(start);
      this.active += used.active;
      this.idle += used.idle;
    }
  }

  utilization(): number {
    return this.active / Math.max(1, this.active + this.idle);
  }
}

/** The environment of a worker process of the benchmark. */
function workerEnv(
  services: Services,
  { prefix, folder, requestsPerSecond }: { prefix: string; folder: string; requestsPerSecond: number },
): Record<string, string> {
  return {
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    VONAGE_REQUESTS_PER_SECOND: String(requestsPerSecond),
    LOG_LEVEL: 'info',
    DATABASE_URL: services.databaseUrl,
    DATA_DIR: folder,
    SMTP_URL: `${services.sink.url(FROM)}&maxConnections=${CONCURRENCY}`,
    VONAGE_APPLICATION_ID: 'bench-app',
    VONAGE_PRIVATE_KEY: services.privateKey,
    VONAGE_API_HOST: services.vonage.url,
  };
}

/**
 * The e-mails the sink took so far with one of these Message-IDs. Polled every few milliseconds: it
 * looks only at what arrived since the last call (this process also serves the sink and the fake
 * Vonage, and a scan of every e-mail at each poll would slow their answers to the worker).
 */
const receivedOf = (sink: SmtpSink, messageIds: readonly string[]) => {
  const ours = new Set(messageIds);
  const found: ReceivedMail[] = [];
  let scanned = 0;
  return (): readonly ReceivedMail[] => {
    for (; scanned < sink.received.length; scanned++)
      if (ours.has(sink.received[scanned].parsed.messageId)) found.push(sink.received[scanned]);
    return found;
  };
};

/**
 * Two workers share a storm of `jobs` voicemails; one is killed (SIGKILL) once a third are out. Its
 * jobs go to the other when their BullMQ locks expire (30 s). Nothing may be lost; an e-mail may go
 * twice only for a delivery the killed worker had in flight (ADR 0006: between the server's 250 and the
 * step's record), so at most CONCURRENCY.
 */
async function killedStorm(services: Services, { jobs }: { jobs: number }) {
  const { dataSource, sink, vonage } = services;
  const account = await seedVoicemailAccount(dataSource);
  const prefix = `bench-storm-${randomBytes(4).toString('hex')}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-bench-storm-'));
  const env = workerEnv(services, { prefix, folder, requestsPerSecond: RAISED_REQUESTS_PER_SECOND });
  const workers = [0, 1].map((n) => startWorkerProcess(env, { logFile: path.join(folder, `worker-${n}.log`) }));
  const voicemails = new VoicemailJobs(dataSource, { account, prefix });
  const expected = Array.from({ length: jobs }, (_, i) => messageIdFor(voicemails.deliveryId(i), 'dutyline.test'));
  const mails = receivedOf(sink, expected);
  const distinct = () => new Set(mails().map((mail) => mail.parsed.messageId)).size;
  try {
    await voicemails.owe(jobs, (i) => vonage.addRecording(`${account.accountId}-${i}`, RECORDING));
    await until(() => workers.every((worker) => worker.ready()), 60_000, 'the workers');
    await voicemails.enqueue({ count: jobs });
    await until(() => mails().length >= jobs / 3, 300_000, 'a third of the e-mails');
    workers[0].child.kill('SIGKILL');
    const killedAt = process.hrtime.bigint();
    const sentBeforeKill = mails().length;
    await until(() => distinct() >= jobs, 300_000, 'every e-mail after the kill').catch(() => undefined);
    const recoverySeconds = seconds(killedAt);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // would a duplicate show up?
    const [{ delivered }] = (await dataSource.query(
      "SELECT COUNT(*) AS delivered FROM notification_deliveries WHERE account_id = ? AND status = 'delivered'",
      [account.accountId],
    )) as { delivered: string | number }[];
    return {
      sentBeforeKill,
      recoverySeconds,
      lost: jobs - distinct(),
      repeated: mails().length - distinct(),
      unrecorded: jobs - Number(delivered),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await voicemails.close();
    await deleteAccount(dataSource, account.accountId);
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** A fresh worker process on a fresh account, its voicemails owed in the ledger; `round` enqueues some and waits for their e-mails. */
async function workerSide(
  services: Services,
  { jobs, requestsPerSecond }: { jobs: number; requestsPerSecond: number },
) {
  const { dataSource, sink, vonage } = services;
  const account = await seedVoicemailAccount(dataSource);
  const prefix = `bench-storm-${randomBytes(4).toString('hex')}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-bench-storm-'));
  const worker = startWorkerProcess(workerEnv(services, { prefix, folder, requestsPerSecond }), {
    logFile: path.join(folder, 'worker.log'),
  });
  const voicemails = new VoicemailJobs(dataSource, { account, prefix });
  const expected = Array.from({ length: jobs }, (_, i) => messageIdFor(voicemails.deliveryId(i), 'dutyline.test'));
  const mails = receivedOf(sink, expected);
  await voicemails.owe(jobs, (i) => vonage.addRecording(`${account.accountId}-${i}`, RECORDING));
  await until(() => worker.ready(), 60_000, 'the worker');
  return {
    mails,
    pid: worker.child.pid,
    /** Seconds from the first enqueue of voicemails from…from+count-1 to their last e-mail. */
    round: async ({ from, count }: { from: number; count: number }) => {
      const before = mails().length;
      const started = process.hrtime.bigint();
      await voicemails.enqueue({ from, count });
      await until(() => mails().length - before >= count, 600_000, 'the voicemail e-mails');
      return seconds(started);
    },
    /** What is wrong: e-mails missing, repeated or without the recording, deliveries not closed. */
    problems: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000)); // would a duplicate show up?
      const [{ delivered }] = (await dataSource.query(
        "SELECT COUNT(*) AS delivered FROM notification_deliveries WHERE account_id = ? AND status = 'delivered'",
        [account.accountId],
      )) as { delivered: string | number }[];
      const unrecorded = jobs - Number(delivered);
      return [
        ...exactlyOnce(mails(), expected),
        ...(unrecorded > 0 ? [`${unrecorded} not recorded as delivered`] : []),
      ];
    },
    stop: async () => {
      await worker.stop();
      await voicemails.close();
      await deleteAccount(dataSource, account.accountId);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The bare nodemailer loop (a process of its own) sending `sample`, one of the worker's e-mails, again and again. */
async function baselineSide(sink: SmtpSink, { sample, jobs }: { sample: ReceivedMail; jobs: number }) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-bench-storm-'));
  const attachment = sample.parsed.attachments[0];
  const message: BaselineMessage = {
    from: FROM,
    to: sample.envelopeTo.join(', '),
    subject: sample.parsed.subject,
    text: sample.parsed.text,
    attachment: {
      filename: attachment.filename,
      contentType: attachment.contentType,
      base64: attachment.content.toString('base64'),
    },
  };
  fs.writeFileSync(path.join(folder, 'message.json'), JSON.stringify(message));
  const child = fork(path.join(__dirname, 'support', 'nodemailer-loop.ts'), [], {
    execArgv: ['-r', TS_RUN],
    env: {
      ...process.env,
      BENCH_MESSAGE: path.join(folder, 'message.json'),
      BENCH_CONCURRENCY: String(CONCURRENCY),
      BENCH_SMTP_PORT: String(sink.port),
    },
  });
  let ready = false;
  child.on('message', (reply: { ready?: boolean }) => (ready ||= reply.ready === true));
  const expected = Array.from({ length: jobs }, (_, i) => `<baseline-${i}@dutyline.test>`);
  const mails = receivedOf(sink, expected);
  await until(() => ready, 60_000, 'the nodemailer loop');
  return {
    pid: child.pid,
    round: async ({ from, count }: { from: number; count: number }) => {
      const before = mails().length;
      const started = process.hrtime.bigint();
      child.send({ from, count });
      await until(() => mails().length - before >= count, 600_000, 'the baseline e-mails');
      return seconds(started);
    },
    problems: () => exactlyOnce(mails(), expected),
    stop: async () => {
      child.disconnect();
      await stopped(child);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const database = await benchDatabase();
  const dataSource = createDataSource({ url: database.url });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const sink = await SmtpSink.start();
  const keys = testApplicationKeys();
  const vonage = await FakeVonageApi.start({ publicKey: keys.publicKey });
  const services: Services = { dataSource, sink, vonage, privateKey: keys.privateKey, databaseUrl: database.url };
  try {
    report(NAME, { metric: 'concurrency', value: CONCURRENCY, unit: 'count' });
    const capped = await workerSide(services, { jobs: CAPPED_JOBS, requestsPerSecond: 15 });
    loadAverage();
    const cappedSeconds = await capped.round({ from: 0, count: CAPPED_JOBS });
    const cappedProblems = await capped.problems();
    const sample = capped.mails()[0];
    await capped.stop();
    report(NAME, { metric: 'jobs-at-vonage-default-limit', value: CAPPED_JOBS, unit: 'count' });
    report(NAME, {
      metric: 'worker-throughput-at-vonage-default-limit',
      value: CAPPED_JOBS / cappedSeconds,
      unit: 'mails/s',
    });

    // The two sides take turns, so that the machine's load weighs on both alike.
    const worker = await workerSide(services, { jobs: JOBS, requestsPerSecond: RAISED_REQUESTS_PER_SECOND });
    const bare = await baselineSide(sink, { sample, jobs: JOBS });
    const took = { worker: 0, bare: 0 };
    const busy = { worker: new Busy(), bare: new Busy() };
    const cpu = { worker: -cpuMillis(worker.pid), bare: -cpuMillis(bare.pid) };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const from = Math.floor((round * JOBS) / ROUNDS);
        const count = Math.floor(((round + 1) * JOBS) / ROUNDS) - from;
        loadAverage();
        took.worker += await busy.worker.during(() => worker.round({ from, count }));
        took.bare += await busy.bare.during(() => bare.round({ from, count }));
      }
      cpu.worker += cpuMillis(worker.pid);
      cpu.bare += cpuMillis(bare.pid);
      loadAverage();
      const problems = { capped: cappedProblems, raised: await worker.problems(), bare: bare.problems() };
      report(NAME, { metric: 'jobs', value: JOBS, unit: 'count' });
      report(NAME, { metric: 'rounds', value: ROUNDS, unit: 'count' });
      report(NAME, { metric: 'worker-throughput', value: JOBS / took.worker, unit: 'mails/s' });
      report(NAME, { metric: 'nodemailer-throughput', value: JOBS / took.bare, unit: 'mails/s' });
      report(NAME, { metric: 'ratio', value: took.bare / took.worker, unit: 'ratio' });
      // CPU of the worker process alone (not MariaDB's or Redis's) against the loop's, per e-mail.
      report(NAME, { metric: 'worker-cpu-per-mail', value: cpu.worker / JOBS, unit: 'ms' });
      report(NAME, { metric: 'nodemailer-cpu-per-mail', value: cpu.bare / JOBS, unit: 'ms' });
      // This process serves the sink (and the fake Vonage): near 1, it is what both sides wait for.
      report(NAME, { metric: 'bench-process-busy-worker-rounds', value: busy.worker.utilization(), unit: 'ratio' });
      report(NAME, { metric: 'bench-process-busy-nodemailer-rounds', value: busy.bare.utilization(), unit: 'ratio' });
      for (const [run, found] of Object.entries(problems))
        if (found.length > 0) console.log(`# ${NAME}: ${run}: ${found.join('; ')}`);
      goal(
        NAME,
        'every voicemail e-mailed exactly once, recording attached',
        problems.capped.length === 0 && problems.raised.length === 0,
      );
      goal(NAME, 'worker throughput ≥ 0.5× the bare nodemailer loop', took.bare / took.worker >= 0.5);
    } finally {
      await worker.stop();
      await bare.stop();
    }
    if (KILL_JOBS > 0) {
      loadAverage();
      const killed = await killedStorm(services, { jobs: KILL_JOBS });
      report(NAME, { metric: 'kill-jobs', value: KILL_JOBS, unit: 'count' });
      report(NAME, { metric: 'kill-sent-before', value: killed.sentBeforeKill, unit: 'count' });
      report(NAME, { metric: 'kill-recovery', value: killed.recoverySeconds, unit: 's' });
      report(NAME, { metric: 'kill-lost', value: killed.lost, unit: 'count' });
      report(NAME, { metric: 'kill-repeated', value: killed.repeated, unit: 'count' });
      report(NAME, { metric: 'kill-not-recorded-delivered', value: killed.unrecorded, unit: 'count' });
      goal(
        NAME,
        `a worker killed mid-storm: nothing lost, at most ${CONCURRENCY} (its deliveries in flight) e-mailed twice`,
        killed.lost === 0 && killed.unrecorded === 0 && killed.repeated <= CONCURRENCY,
      );
    }
  } finally {
    await vonage.close();
    await sink.close();
    await dataSource.destroy();
    await database.drop();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
