/**
 * The notification jobs end to end, set up over GraphQL, calls driven through the simulator on the
 * very inbound call service the carriers drive:
 * - `npm start` alone (no REDIS_URL, no SMTP_URL): the jobs run in the gateway on the in-process
 *   queue and the mail goes to the outbox folder under DATA_DIR;
 * - production shape: the gateway on MariaDB with REDIS_URL only produces (BullMQ under REDIS_PREFIX,
 *   the ledger in the database); `apps/worker`, a separate process on the same Redis prefix and
 *   database, runs the jobs and mails an SMTP server started by the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InboundCalls } from '@dutyline/application';
import type { Clock } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { type ParsedMail, SmtpSink, parseMime } from '@dutyline/mail/testing';
import { CallSimulator } from '@dutyline/simulator';
import { describeWithMariaDb, describeWithRedis, mariadbUrl, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { INBOUND_CALLS } from '../calls/calls.tokens';
import { CLOCK } from '../platform/platform.tokens';
import { GQL, dataOf, freshHotlineNumber } from '../testing/feature-fixtures';
import { type GatewayHarness, type TestAccount, startGateway } from '../testing/gateway-harness';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../../../..');
const CALLER = '+33698765432';
const MAIL_FROM = 'alerts@dutyline.test';
const QUEUE_DEPTHS = '{ queueDepths { name waiting delayed active failed } }';
const systemClock: Clock = { now: () => Date.now() };

/** Alice (e-mail, mobile) supervising a Paris hotline with no schedule: nobody on duty, so a call rings Alice, then the voicemail. */
async function maintenanceHotline(gateway: GatewayHarness, account: TestAccount) {
  const token = account.tokens.admin;
  const alice = await dataOf(gateway.graphql(GQL.CREATE_PERSON, {
    input: { name: 'Alice Martin', email: 'alice@example.org', contactNumbers: [{ number: '+33612345678', label: 'mobile' }] },
  }, { token }));
  const number = freshHotlineNumber();
  const input = { name: 'Maintenance', number, timeZone: 'Europe/Paris', supervisorIds: [alice.createPerson.id] };
  await dataOf(gateway.graphql(GQL.CREATE_HOTLINE, { input }, { token }));
  return { number };
}

/** A caller leaves a voicemail after Alice does not answer. */
async function leaveVoicemail(gateway: GatewayHarness, clock: Clock, number: string) {
  const result = await new CallSimulator(gateway.app.get<InboundCalls>(INBOUND_CALLS), clock).run({ to: number, from: CALLER, outcomes: ['no-answer', 'record'] });
  expect(result.outcome).toMatch(/^voicemail recorded \(sim-rec-/);
}

function outbox(folder: string) {
  const files = () => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => file.endsWith('.eml') && !file.startsWith('.')).sort() : []);
  const mails = (): ParsedMail[] => files().map((file) => parseMime(fs.readFileSync(path.join(folder, file))));
  return { files, mails };
}

async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** `npm start -w @dutyline/worker` as operators run it; resolves once it takes jobs. */
async function startWorkerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; lines: string[]; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/ts-run.cjs'), path.join(ROOT, 'apps/worker/src/main.ts')], {
    cwd: ROOT, env: { PATH: process.env.PATH ?? '', WORKER_METRICS_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the worker did not start:\n${lines.join('\n')}`)), 60_000);
    const read = (chunk: Buffer) => {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      if (lines.some((line) => line.includes('"taking jobs"'))) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`the worker exited:\n${lines.join('\n')}`)));
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  }).finally(() => clearTimeout(timer));
  return {
    child, lines,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('notifications in the embedded default', () => {
  const gateways: GatewayHarness[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const gateway of gateways.splice(0)) await gateway.close();
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });
  const start = async (env: Record<string, string>, clock?: ManualClock) => {
    const gateway = await startGateway({ database: 'sqlite', env, override: (builder) => (clock ? builder.overrideProvider(CLOCK).useValue(clock) : builder) });
    gateways.push(gateway);
    return gateway;
  };

  it('e-mails a voicemail to the outbox with the recording attached, alerts the supervisor, and announces the gap a new hotline opens', async () => {
    // Just before a 10 s window ends: the gap check the new hotline asks for is due at once.
    const clock = new ManualClock('2027-03-28T01:14:59.999Z');
    const gateway = await start({ EMBEDDED_JOBS: 'true' }, clock);
    expect(gateway.logs).toContainEqual(expect.objectContaining({ msg: 'notifications ready', mode: 'embedded', jobsRunHere: true }));
    const account = await gateway.newAccount();
    const { number } = await maintenanceHotline(gateway, account);

    await leaveVoicemail(gateway, clock, number);

    const mailbox = outbox(gateway.config.mail.outboxDir);
    expect(gateway.config.mail.outboxDir).toBe(path.join(gateway.config.dataDir, 'outbox'));
    await eventually(() => expect(mailbox.files()).toHaveLength(3));
    const mails = mailbox.mails();
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'Nobody on duty on Maintenance from 2027-03-28 03:14 (UTC+02:00)',
      `Unanswered call on Maintenance from ${CALLER}, 28 Mar 2027 03:14`,
      `Voicemail on Maintenance from ${CALLER}, 28 Mar 2027 03:14`,
    ]);
    const voicemail = mails.find((mail) => mail.subject.startsWith('Voicemail'))!;
    expect(voicemail.to).toContain('alice@example.org');
    expect(voicemail.text).toContain(`${CALLER} left a voicemail on Maintenance (${number}).`);
    expect(voicemail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['voicemail-2027-03-28-0314.wav', 'audio/wav']]);
    const audio = voicemail.attachments[0].content;
    expect([audio.toString('latin1', 0, 4), audio.toString('latin1', 8, 12), audio.length > 44]).toEqual(['RIFF', 'WAVE', true]);

    const depths = await dataOf(gateway.graphql(QUEUE_DEPTHS, {}, { token: account.tokens.admin }));
    expect(depths.queueDepths).toEqual([
      { name: 'voicemail.deliver', waiting: 0, delayed: 0, active: 0, failed: 0 },
      { name: 'call.unanswered-alert', waiting: 0, delayed: 0, active: 0, failed: 0 },
      // The hotline's next periodic check.
      { name: 'gaps.check', waiting: 0, delayed: 1, active: 0, failed: 0 },
    ]);
  });

  it('keeps in the database what a gateway without jobs owes, and delivers it at the next start (the in-process queue is not durable)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-notifications-'));
    folders.push(dataDir);
    const first = await start({ DATA_DIR: dataDir, EMBEDDED_JOBS: 'false' });
    const account = await first.newAccount();
    const { number } = await maintenanceHotline(first, account);
    await leaveVoicemail(first, systemClock, number);
    const owed = await dataOf(first.graphql(QUEUE_DEPTHS, {}, { token: account.tokens.admin }));
    expect(owed.queueDepths.slice(0, 2).map((d: { waiting: number }) => d.waiting)).toEqual([1, 1]);
    await first.close();
    gateways.splice(0);
    expect(outbox(path.join(dataDir, 'outbox')).files()).toEqual([]);

    const second = await start({ DATA_DIR: dataDir, EMBEDDED_JOBS: 'true' });
    expect(second.logs).toContainEqual(expect.objectContaining({ msg: 'notifications ready', reconciled: { deliveries: 2, gapOutboxes: 0, gapChecks: 1 } }));
    const mailbox = outbox(path.join(dataDir, 'outbox'));
    await eventually(() => expect(mailbox.mails().map((mail) => mail.subject.split(' ')[0]).sort()).toEqual(['Nobody', 'Unanswered', 'Voicemail']));
  });
});

describeWithRedis('notifications with REDIS_URL: the gateway produces, the worker process delivers', () => {
  describeWithMariaDb('on MariaDB', () => {
    const serverUrl = mariadbUrl().replace(/\/[^/]*$/, '');
    // A database of this file's own: the worker's reconcile pass checks every hotline of its database.
    const database = uniqueName('dutyline_gw_notif');
    const prefix = uniqueName('gwn');
    let sink: SmtpSink;
    let gateway: GatewayHarness;
    let worker: Awaited<ReturnType<typeof startWorkerProcess>>;

    beforeAll(async () => {
      const admin = await createConnection(serverUrl);
      await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
      await admin.end();
      sink = await SmtpSink.start();
      const shared = { REDIS_URL: redisUrl(), REDIS_PREFIX: prefix, DATABASE_URL: `${serverUrl}/${database}` };
      gateway = await startGateway({ database: 'mariadb', env: shared });
      worker = await startWorkerProcess({ ...shared, SMTP_URL: sink.url(MAIL_FROM), PUBLIC_URL: 'https://hotline.example.org', LOG_LEVEL: 'info', JOB_BACKOFF_MS: '500' });
    });
    afterAll(async () => {
      await worker?.stop();
      await gateway?.close();
      await sink?.close();
      const redis = new Redis(redisUrl());
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      const admin = await createConnection(serverUrl);
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.end();
    });

    it('delivers a voicemail left on the gateway to the SMTP server with its recording, and the gap a new hotline opens', async () => {
      expect(gateway.logs).toContainEqual(expect.objectContaining({ msg: 'notifications ready', mode: 'redis', jobsRunHere: false }));
      const account = await gateway.newAccount();
      const { number } = await maintenanceHotline(gateway, account);
      await leaveVoicemail(gateway, systemClock, number);

      // The gap check the new hotline asked for runs within the 10 s debounce window.
      await eventually(() => expect(sink.received.map((mail) => mail.parsed.subject.split(' ')[0]).sort()).toEqual(['Nobody', 'Unanswered', 'Voicemail']), 20_000);
      const voicemail = sink.received.find((mail) => mail.parsed.subject.startsWith('Voicemail'))!;
      expect(voicemail.envelopeFrom).toBe(MAIL_FROM);
      expect(voicemail.envelopeTo).toEqual(['alice@example.org']);
      expect(voicemail.parsed.subject).toMatch(new RegExp(`^Voicemail on Maintenance from \\${CALLER}, `));
      expect(voicemail.parsed.attachments.map((a) => a.contentType)).toEqual(['audio/wav']);
      const audio = voicemail.parsed.attachments[0].content;
      expect([audio.toString('latin1', 0, 4), audio.toString('latin1', 8, 12), audio.readUInt32LE(40) + 44]).toEqual(['RIFF', 'WAVE', audio.length]);
      expect(worker.lines.some((line) => line.includes('"voicemail.deliver done"'))).toBe(true);

      const depths = await dataOf(gateway.graphql('{ queueDepths { name waiting active failed } }', {}, { token: account.tokens.admin }));
      expect(depths.queueDepths).toEqual([
        { name: 'voicemail.deliver', waiting: 0, active: 0, failed: 0 },
        { name: 'call.unanswered-alert', waiting: 0, active: 0, failed: 0 },
        { name: 'gaps.check', waiting: 0, active: 0, failed: 0 },
      ]);
    });
  });
});
