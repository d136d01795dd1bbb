import { randomInt } from 'node:crypto';
import { CallLeg, CallRecord, Id, hotline, person } from '@dutyline/domain';
import { SmtpSink } from '@dutyline/mail/testing';
import { SqlHotlineDocuments, createDataSource, runMigrations, sqlRepositories } from '@dutyline/persistence';
import { mariadbUrl, redisUrl, uniqueName } from '@dutyline/test-support';
import { FakeVonageApi, testApplicationKeys } from '@dutyline/vonage/testing';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import {
  NOTIFICATION_JOB_NAMES,
  NotificationJobs,
  NotificationProducer,
  notificationSettings,
  notificationSettingsInput,
} from '@dutyline/application';
import { Clock } from '@dutyline/domain';
import { SqlDeliveryLedger } from '@dutyline/persistence';
import { BullMqJobQueue } from '@dutyline/queue';
import { WorkerConfig } from '../config/worker-config';

/** An MP3-looking recording holding every byte value, so any re-encoding slip shows in the attachment. */
export const RECORDING = Buffer.concat([
  Buffer.from('ID3\x04\x00\x00', 'latin1'),
  Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7) % 256)),
]);

export const MAIL_FROM = 'alerts@dutyline.test';

/** What one worker test uses: its own Redis prefix, account, SMTP sink and fake Vonage. */
export interface TestWorld {
  readonly prefix: string;
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly hotlineNumber: string;
  readonly dataSource: DataSource;
  readonly sink: SmtpSink;
  readonly vonage: FakeVonageApi;
  config(overrides?: Partial<WorkerConfig>): WorkerConfig;
  /** A voicemail call on the test's hotline whose recording the fake Vonage serves. */
  voicemailCall(callId: Id): CallRecord;
  cleanUp(): Promise<void>;
}

/** French mobile numbers nobody else uses in this run (hotline numbers are unique across accounts). */
const uniqueE164 = (): string => `+3361${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

/**
 * An account with alice (on duty), bob (on duty, no e-mail) and the boss (supervisor) on a hotline in
 * Europe/Paris, in the shared MariaDB `test` database.
 */
export async function testWorld(options: {
  readonly databaseUrl: string;
  readonly sink?: SmtpSink;
  readonly gapAlerts?: boolean;
}): Promise<TestWorld> {
  const dataSource = createDataSource({ url: options.databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const repos = sqlRepositories(dataSource);
  const accountId = uniqueName('wacct');
  const hotlineId = 'hl';
  const hotlineNumber = uniqueE164();
  await repos.accounts.createAccount({ id: accountId, name: 'Worker test', createdAt: 0 });
  await repos.people.savePerson(
    person({
      id: 'alice',
      accountId,
      name: 'Alice Martin',
      colour: '#1f77b4',
      email: 'alice@example.org',
      contactNumbers: [{ number: '+33612345678', label: 'mobile' }],
    }),
  );
  await repos.people.savePerson(
    person({
      id: 'bob',
      accountId,
      name: 'Bob Durand',
      colour: '#ff7f0e',
      email: null,
      contactNumbers: [{ number: '+33687654321', label: 'mobile' }],
    }),
  );
  await repos.people.savePerson(
    person({
      id: 'boss',
      accountId,
      name: 'Claire Boss',
      colour: '#2ca02c',
      email: 'boss@example.org',
      contactNumbers: [{ number: '+33611112222', label: 'mobile' }],
    }),
  );
  const saved = await repos.hotlines.save(
    hotline({
      id: hotlineId,
      accountId,
      name: 'Maintenance été',
      number: hotlineNumber,
      timeZone: 'Europe/Paris',
      supervisorIds: ['boss'],
    }),
  );
  if (!saved.ok) throw new Error(`hotline not saved: ${saved.error.code}`);
  if (!options.gapAlerts) {
    // A hotline with no schedule is one long gap: most tests keep its alerts out of their mailbox.
    const settings = notificationSettingsInput(notificationSettings({ gapAlerts: { enabled: false } }));
    await new SqlHotlineDocuments(dataSource).saveDocument({ accountId, hotlineId }, 'notification-settings', {
      expectedVersion: 0,
      body: settings,
      at: 0,
    });
  }
  const sink = options.sink ?? (await SmtpSink.start());
  const keys = testApplicationKeys();
  const vonage = await FakeVonageApi.start({ publicKey: keys.publicKey, apiKey: 'key-1', apiSecret: 'secret-1' });
  const prefix = uniqueName('wk');

  return {
    prefix,
    accountId,
    hotlineId,
    hotlineNumber,
    dataSource,
    sink,
    vonage,
    config: (overrides = {}) => ({
      redisUrl: redisUrl(),
      queuePrefix: prefix,
      dataDir: '/tmp',
      database: { kind: 'mysql', url: options.databaseUrl },
      mail: { smtpUrl: sink.url(MAIL_FROM), outboxDir: '/tmp/outbox-unused', from: MAIL_FROM },
      vonage: {
        applicationId: 'app-1',
        privateKey: keys.privateKey,
        apiKey: 'key-1',
        apiSecret: 'secret-1',
        apiHost: vonage.url,
        restHost: vonage.url,
      },
      vonageLimits: { call: 3, request: 15 },
      publicUrl: 'https://hotline.example.org',
      concurrency: 5,
      backoffMs: 200,
      gapCheckIntervalMinutes: 60,
      jobLockSeconds: 30,
      shutdownTimeoutSeconds: 10,
      reconcileIntervalSeconds: 30,
      logLevel: 'error',
      metrics: { port: 0, token: null },
      ...overrides,
    }),
    voicemailCall: (callId) =>
      voicemailCall({
        callId,
        accountId,
        hotlineId,
        hotlineNumber,
        recording: vonage.addRecording(`rec-${callId}`, RECORDING),
      }),
    cleanUp: async () => {
      await dropRedisKeys(prefix);
      for (const table of ['notification_deliveries', 'voicemail_links', 'hotline_documents']) {
        await dataSource.query(`DELETE FROM ${table} WHERE account_id = ?`, [accountId]);
      }
      for (const table of [
        'hotline_supervisors',
        'schedule_versions',
        'slot_assignees',
        'slots',
        'hotlines',
        'person_numbers',
        'people',
      ]) {
        await dataSource.query(`DELETE FROM ${table} WHERE account_id = ?`, [accountId]);
      }
      await dataSource.query('DELETE FROM accounts WHERE id = ?', [accountId]);
      await dataSource.destroy();
      await vonage.close();
      if (!options.sink) await sink.close();
    },
  };
}

/**
 * A MariaDB database of the test file's own (the reconcile pass watches every hotline of its
 * database, so tests sharing one would check each other's hotlines). `drop` removes it.
 */
export async function testDatabase(): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const serverUrl = mariadbUrl().replace(/\/[^/]*$/, '');
  const name = uniqueName('dutyline_worker');
  const admin = await createConnection(serverUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  return {
    url: `${serverUrl}/${name}`,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** Deletes every Redis key under `prefix` (what a flushed Redis would have lost for this test). */
export async function dropRedisKeys(prefix: string): Promise<number> {
  const client = new Redis(redisUrl());
  try {
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length > 0) await client.del(...keys);
    return keys.length;
  } finally {
    await client.quit();
  }
}

/** A 20-second leg of step `step`, rung `at` + 20 s per step before it. */
const leg = ({
  step,
  personId,
  personName,
  number,
  via,
  outcome,
  at,
}: Pick<CallLeg, 'step' | 'personId' | 'personName' | 'number' | 'via' | 'outcome'> & { at: number }): CallLeg => ({
  step,
  personId,
  personName,
  number,
  label: 'mobile',
  via,
  level: via === 'on-call' ? step : null,
  teamId: null,
  startedAt: at + step * 20_000,
  answeredAt: null,
  endedAt: at + (step + 1) * 20_000,
  ringSeconds: 20,
  outcome,
  detail: null,
  sipCode: null,
});

/** A call at 03:15 in Paris on the night clocks go forward: alice no answer, bob busy, the boss no answer, then a voicemail. */
export function voicemailCall(input: {
  callId: Id;
  accountId: Id;
  hotlineId: Id;
  hotlineNumber: string;
  recording: string;
}): CallRecord {
  const at = Date.parse('2027-03-28T01:15:00Z');
  return {
    id: input.callId,
    accountId: input.accountId,
    hotlineId: input.hotlineId,
    hotlineName: 'Maintenance été',
    hotlineNumber: input.hotlineNumber,
    carrier: 'vonage',
    carrierCallId: `CON-${input.callId}`,
    caller: '+33698765432',
    planSource: 'schedule',
    startedAt: at,
    answeredAt: null,
    endedAt: at + 120_000,
    outcome: 'voicemail',
    answeredBy: null,
    timeToAnswerSeconds: null,
    durationSeconds: 120,
    voicemailRecording: input.recording,
    legs: [
      leg({
        step: 0,
        personId: 'alice',
        personName: 'Alice Martin',
        number: '+33612345678',
        via: 'on-call',
        outcome: 'no-answer',
        at,
      }),
      leg({
        step: 1,
        personId: 'bob',
        personName: 'Bob Durand',
        number: '+33687654321',
        via: 'on-call',
        outcome: 'busy',
        at,
      }),
      leg({
        step: 2,
        personId: 'boss',
        personName: 'Claire Boss',
        number: '+33611112222',
        via: 'supervisor',
        outcome: 'no-answer',
        at,
      }),
    ],
    comments: [],
  };
}

/** Polls `check` until it passes or `timeoutMs` runs out (then its last failure is thrown). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}

/** The gateway's side in production, as a test builds it: the producer on BullMQ, and the queue's inspector. */
export interface TestProducer {
  readonly events: NotificationProducer;
  readonly inspector: BullMqJobQueue<NotificationJobs>;
  close(): Promise<void>;
}

export function bullMqProducer(options: {
  readonly dataSource: DataSource;
  readonly prefix: string;
  readonly backoffMs?: number;
  readonly clock?: Clock;
}): TestProducer {
  const clock = options.clock ?? { now: () => Date.now() };
  const queue = new BullMqJobQueue<NotificationJobs>({
    connection: redisUrl(),
    prefix: options.prefix,
    clock,
    jobNames: [...NOTIFICATION_JOB_NAMES],
    backoffBaseMs: options.backoffMs,
  });
  const events = new NotificationProducer({ ledger: new SqlDeliveryLedger(options.dataSource), queue, clock });
  return { events, inspector: queue, close: () => queue.close() };
}
