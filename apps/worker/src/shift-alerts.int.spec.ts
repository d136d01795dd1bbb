/**
 * Shift-start alerts in the worker, on the real Redis (a fresh queue prefix per test) and MariaDB (a
 * database of this file's own), the SMTP sink and the fake Vonage: the deterministic job ids collapse
 * what two workers plan, and the alert goes once, at its instant.
 */
import { LocalDateTime, shiftAlertId, shiftAlertSettings } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { SqlShiftAlertLedger, SqlShiftAlertSettings, sqlRepositories } from '@dutyline/persistence';
import { SHIFT_ALERT_JOB_NAMES, type ShiftAlertJobs } from '@dutyline/application';
import { BullMqJobQueue } from '@dutyline/queue';
import { describeWithMariaDb, describeWithRedis, redisUrl } from '@dutyline/test-support';
import { nativeVonageSdk } from '@dutyline/vonage/testing';
import { silentLogger } from './adapters/json-logger';
import { NotificationRuntime } from './notification-runtime';
import { TestWorld, eventually, testDatabase, testWorld } from './testing/worker-test-world';
import { startWorker } from './worker';

jest.setTimeout(60_000);

const describeWithServices = (name: string, body: () => void) =>
  describeWithRedis(name, () => describeWithMariaDb('and MariaDB', body));

describeWithServices('shift-start alerts on BullMQ', () => {
  let world: TestWorld;
  let database: Awaited<ReturnType<typeof testDatabase>>;
  const running: NotificationRuntime[] = [];
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    world = await testWorld({ databaseUrl: database.url });
  });
  afterEach(async () => {
    for (const runtime of running.splice(0)) await runtime.stop();
    await world?.cleanUp();
  });

  it('two workers plan the same duty start: one job, one e-mail and one SMS at start − 30 min (autumn night)', async () => {
    const repos = sqlRepositories(world.dataSource);
    await repos.schedule.applyChange(world.accountId, world.hotlineId, {
      expectedVersion: 0,
      change: {
        added: [
          {
            id: 'night',
            hotlineId: world.hotlineId,
            start: LocalDateTime.parse('2026-10-24T22:00'),
            end: LocalDateTime.parse('2026-10-25T06:00'),
            assignees: [{ kind: 'person', id: 'alice' }],
          },
        ],
        updated: [],
        removedIds: [],
      },
    });
    await new SqlShiftAlertSettings(world.dataSource).saveShiftAlertSettings(
      world.accountId,
      shiftAlertSettings({ hotlineId: world.hotlineId, enabled: true, minutesBefore: 30, channels: ['email', 'sms'] }),
    );
    const dutyStart = Date.parse('2026-10-24T20:00:00Z');
    // The alert is due 2 s (real time) after the plan runs; the clock stands still.
    const clock = new ManualClock(dutyStart - 30 * 60_000 - 2_000);
    for (let i = 0; i < 2; i++) {
      running.push(await startWorker(world.config(), silentLogger, { clock, vonageSdk: nativeVonageSdk() }));
    }
    const queue = new BullMqJobQueue<ShiftAlertJobs>({
      connection: redisUrl(),
      prefix: world.prefix,
      clock,
      jobNames: [...SHIFT_ALERT_JOB_NAMES],
    });
    const id = shiftAlertId(world.hotlineId, 'alice', dutyStart);
    const sendJobs = async () => (await queue.depths()).find((d) => d.name === 'shift-alert.send');
    try {
      // Both workers asked for a plan at start (one job: same id); it queued the alert, due 2 s later.
      await eventually(async () => expect(await sendJobs()).toMatchObject({ delayed: 1 }));
      const job = { accountId: world.accountId, hotlineId: world.hotlineId, personId: 'alice', dutyStart };
      await queue.enqueue('shift-alert.send', job, { jobId: id, runAt: dutyStart - 30 * 60_000 });
      expect(await sendJobs()).toMatchObject({ delayed: 1, waiting: 0 });
    } finally {
      await queue.close();
    }

    const ledger = new SqlShiftAlertLedger(world.dataSource);
    await eventually(async () => expect(typeof (await ledger.shiftAlert(id))?.sentAt).toBe('number'), 15_000);
    expect(Object.keys((await ledger.shiftAlert(id))!.steps).sort()).toEqual(['email', 'sms']);
    await eventually(() => expect(world.sink.received).toHaveLength(1));
    expect(world.sink.received.map((m) => [m.envelopeTo, m.parsed.subject])).toEqual([
      [['alice@example.org'], 'Your duty on Maintenance été starts 24/10/2026 22:00'],
    ]);
    const texts = world.vonage.requestsTo('send-sms').map((r) => r.json as Record<string, string>);
    expect(texts.map((t) => [t.to, t.text])).toEqual([
      [
        '33612345678',
        'Shift start on Maintenance été: you are on duty (level 1) from 24/10/2026 22:00 to 25/10/2026 06:00 (Europe/Paris).',
      ],
    ]);
  });
});
