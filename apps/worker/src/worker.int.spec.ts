/**
 * The worker end to end on the real Redis (a fresh queue prefix per test) and MariaDB, an SMTP server
 * started by the test, and the fake Vonage API for the recording download and the SMS.
 */
import { DocumentNotificationSettings, notificationSettings } from '@dutyline/application';
import { messageIdFor } from '@dutyline/mail';
import { SmtpSink } from '@dutyline/mail/testing';
import { LocalDate, Slot } from '@dutyline/domain';
import { ManualClock, aSlot } from '@dutyline/domain/testing';
import { SqlDeliveryLedger, SqlHotlineDocuments, sqlRepositories } from '@dutyline/persistence';
import { describeWithMariaDb, describeWithRedis } from '@dutyline/test-support';
import { nativeVonageSdk } from '@dutyline/vonage/testing';
import { silentLogger } from './adapters/json-logger';
import { NotificationRuntime } from './notification-runtime';
import {
  MAIL_FROM,
  RECORDING,
  TestProducer,
  TestWorld,
  bullMqProducer,
  dropRedisKeys,
  eventually,
  testDatabase,
  testWorld,
} from './testing/worker-test-world';

jest.setTimeout(60_000);
import { startWorker } from './worker';

const describeWithServices = (name: string, body: () => void) =>
  describeWithRedis(name, () => describeWithMariaDb('and MariaDB', body));

describeWithServices('notification worker on BullMQ', () => {
  let world: TestWorld;
  let database: Awaited<ReturnType<typeof testDatabase>>;
  const newWorld = (options: Omit<Parameters<typeof testWorld>[0], 'databaseUrl'> = {}) =>
    testWorld({ ...options, databaseUrl: database.url });
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => database?.drop());
  const running: NotificationRuntime[] = [];
  const producers: TestProducer[] = [];
  const start = async () => {
    const runtime = await startWorker(world.config(), silentLogger, { vonageSdk: nativeVonageSdk() });
    running.push(runtime);
    return runtime;
  };
  const producer = (clock?: ManualClock) => {
    const handle = bullMqProducer({ dataSource: world.dataSource, prefix: world.prefix, backoffMs: 200, clock });
    producers.push(handle);
    return handle;
  };
  const ledger = () => new SqlDeliveryLedger(world.dataSource);

  afterEach(async () => {
    for (const runtime of running.splice(0)) await runtime.stop();
    for (const handle of producers.splice(0)) await handle.close();
    await world?.cleanUp();
  });

  it('e-mails a voicemail with the recording attached and texts a link, through BullMQ', async () => {
    world = await newWorld();
    const settings = new DocumentNotificationSettings(new SqlHotlineDocuments(world.dataSource), {
      now: () => Date.now(),
    });
    await settings.saveNotificationSettings(
      world.accountId,
      world.hotlineId,
      notificationSettings({ voicemail: { sms: { onDuty: true } }, gapAlerts: { enabled: false } }),
    );
    await start();
    const record = world.voicemailCall('call-1');
    await producer().events.voicemailRecorded({ eventId: 'call-1:voicemail', callId: 'call-1', record });

    await eventually(() => expect(world.sink.received).toHaveLength(1));
    const [mail] = world.sink.received;
    expect(mail.envelopeFrom).toBe(MAIL_FROM);
    expect(mail.envelopeTo).toEqual(['alice@example.org', 'boss@example.org']);
    expect(mail.parsed.subject).toBe('Voicemail on Maintenance été from +33698765432, 28 Mar 2027 03:15');
    expect(mail.parsed.text).toContain('Received: Sun 28 Mar 2027, 03:15 (Europe/Paris, UTC+02:00)');
    expect(mail.parsed.text).toContain('- Bob Durand (mobile +33687654321, on duty level 2): busy after 20 s');
    expect(mail.parsed.messageId).toBe(messageIdFor('call-1:voicemail', 'dutyline.test'));
    expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['voicemail-2027-03-28-0315.mp3', 'audio/mpeg'],
    ]);
    expect(mail.parsed.attachments[0].content.equals(RECORDING)).toBe(true);

    const recordingRequests = world.vonage.requestsTo('recording');
    expect(recordingRequests.map((r) => r.path)).toEqual(['/v1/files/rec-call-1']);
    expect(String(recordingRequests[0].headers.authorization)).toMatch(/^Bearer /);
    await eventually(() => expect(world.vonage.requestsTo('send-sms')).toHaveLength(2));
    const texts = world.vonage.requestsTo('send-sms').map((r) => r.json);
    expect(texts.map((t) => t?.['to'])).toEqual(['33612345678', '33687654321']);
    expect(String(texts[0]?.['text'])).toMatch(
      /^Voicemail on Maintenance été from \+33698765432, 28 Mar 2027 03:15: https:\/\/hotline\.example\.org\/voicemail\/[A-Za-z0-9_-]{43}$/,
    );
    await eventually(async () => expect((await ledger().delivery('call-1:voicemail'))?.status).toBe('delivered'));
  });

  it('serves its metrics after a job ran: the job duration, the e-mail, the queue, only for the bearer token', async () => {
    world = await newWorld();
    const token = 'worker-metrics-token-0123456789';
    const runtime = await startWorker(world.config({ metrics: { port: 0, token } }), silentLogger, {
      vonageSdk: nativeVonageSdk(),
    });
    running.push(runtime);
    await producer().events.voicemailRecorded({
      eventId: 'call-m:voicemail',
      callId: 'call-m',
      record: world.voicemailCall('call-m'),
    });
    await eventually(async () => expect((await ledger().delivery('call-m:voicemail'))?.status).toBe('delivered'));

    const url = `http://127.0.0.1:${runtime.metricsPort}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer another-token-0123456789' } })).status).toBe(401);
    const scraped = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    await eventually(async () =>
      expect(await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).text()).toMatch(
        /^dutyline_job_duration_seconds_count\{job="voicemail.deliver",result="completed"\} 1$/m,
      ),
    );
    expect(text).toMatch(/^dutyline_messages_total\{channel="email",result="sent"\} 1$/m);
    expect(text).toMatch(/^dutyline_queue_jobs\{queue="voicemail.deliver",state="waiting"\} 0$/m);
    expect(text).toMatch(/^dutyline_queue_failed_jobs\{queue="callback.attempt"\} 0$/m);
    expect(text).toMatch(/^dutyline_redis_up 1$/m);
    expect(text).toMatch(/^dutyline_db_pool_size 10$/m);
    expect(Number(/^dutyline_db_statements_total\{kind="SELECT"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('alerts the supervisors of an unanswered call with the legs tried', async () => {
    world = await newWorld();
    await start();
    const record = { ...world.voicemailCall('call-2'), outcome: 'abandoned' as const, voicemailRecording: null };
    await producer().events.callUnanswered({ eventId: 'call-2:unanswered', callId: 'call-2', record });
    await eventually(() => expect(world.sink.received).toHaveLength(1));
    const [mail] = world.sink.received;
    expect(mail.envelopeTo).toEqual(['boss@example.org']);
    expect(mail.parsed.subject).toBe('Unanswered call on Maintenance été from +33698765432, 28 Mar 2027 03:15');
    expect(mail.parsed.text).toContain('The caller hung up while a number was ringing.');
    expect(mail.parsed.text).toContain('- Claire Boss (mobile +33611112222, supervisor): no answer after 20 s');
  });

  it('fails a delivery at once, without retrying, when the SMTP server refuses every recipient', async () => {
    const sink = await SmtpSink.start({ onRecipient: () => ({ code: 550, message: '5.1.1 No such user' }) });
    try {
      world = await newWorld({ sink });
      const runtime = await start();
      const handle = producer();
      await handle.events.voicemailRecorded({
        eventId: 'call-3:voicemail',
        callId: 'call-3',
        record: world.voicemailCall('call-3'),
      });
      await eventually(async () => expect(await handle.inspector.failedJobs()).toHaveLength(1));
      const [failed] = await handle.inspector.failedJobs();
      expect(failed).toMatchObject({
        name: 'voicemail.deliver',
        jobId: 'call-3:voicemail',
        attemptsMade: 1,
        maxAttempts: 5,
      });
      expect(failed.reason).toContain('PermanentDeliveryError');
      expect(await ledger().delivery('call-3:voicemail')).toMatchObject({ status: 'failed' });
      expect((await handle.inspector.depths()).find((d) => d.name === 'voicemail.deliver')).toEqual({
        name: 'voicemail.deliver',
        waiting: 0,
        delayed: 0,
        active: 0,
        failed: 1,
      });
      expect(runtime.reconciled.deliveries).toBe(0);
    } finally {
      await sink.close();
    }
  });

  it('loses nothing when Redis loses the queue: the reconcile pass on start enqueues what is owed again', async () => {
    world = await newWorld();
    const handle = producer();
    await handle.events.voicemailRecorded({
      eventId: 'call-4:voicemail',
      callId: 'call-4',
      record: world.voicemailCall('call-4'),
    });
    await handle.events.callUnanswered({
      eventId: 'call-4:unanswered',
      callId: 'call-4',
      record: world.voicemailCall('call-4'),
    });
    expect(await dropRedisKeys(world.prefix)).toBeGreaterThan(0); // "flush" this test's keys: the jobs are gone

    const runtime = await start();
    expect(runtime.reconciled.deliveries).toBe(2);
    await eventually(() =>
      expect(world.sink.received.map((m) => m.parsed.subject.split(' ')[0]).sort()).toEqual([
        'Unanswered',
        'Voicemail',
      ]),
    );
    // The gap check chain was restarted too: the next period's check waits in Redis.
    await eventually(async () =>
      expect((await handle.inspector.depths()).find((d) => d.name === 'gaps.check')?.delayed).toBe(1),
    );
  });

  it('announces a gap ahead once, with a controllable clock, and checks at once after a schedule change that closes it', async () => {
    world = await newWorld({ gapAlerts: true });
    const alice = [{ kind: 'person' as const, id: 'alice' }];
    const days = Array.from({ length: 30 }, (_, i) => LocalDate.parse('2027-03-15').plusDays(i));
    const slots: Slot[] = days.flatMap((day) => [
      aSlot('hl', { start: `${day}T06:00`, end: `${day}T22:00`, assignees: alice, id: `day-${day}` }),
      aSlot('hl', { start: `${day}T22:00`, end: `${day.plusDays(1)}T06:00`, assignees: alice, id: `night-${day}` }),
    ]);
    const schedule = sqlRepositories(world.dataSource).schedule;
    const night = slots.find((slot) => slot.id === 'night-2027-03-27')!;
    const { version } = await schedule.applyChange(world.accountId, 'hl', {
      expectedVersion: 0,
      change: {
        added: slots.filter((slot) => slot !== night),
        updated: [],
        removedIds: [],
      },
    });

    // Just before a debounce window ends, so the immediate check is due at once.
    const clock = new ManualClock('2027-03-20T12:00:09.999Z');
    const runtime = await startWorker(world.config(), silentLogger, { clock, vonageSdk: nativeVonageSdk() });
    running.push(runtime);
    expect(runtime.reconciled.gapChecks).toBe(1);
    await eventually(() => expect(world.sink.received).toHaveLength(1));
    expect(world.sink.received[0].envelopeTo).toEqual(['boss@example.org']);
    expect(world.sink.received[0].parsed.subject).toBe(
      'Nobody on duty on Maintenance été from 2027-03-27 22:00 (UTC+01:00)',
    );
    expect(world.sink.received[0].parsed.text).toContain('until Sun 28 Mar 2027, 06:00 (Europe/Paris, UTC+02:00)');

    const handle = producer(clock);
    const settled = () =>
      eventually(async () => {
        const gaps = (await handle.inspector.depths()).find((d) => d.name === 'gaps.check');
        // Only the next period's check waits (delayed by an hour).
        expect([gaps?.waiting, gaps?.active, gaps?.failed, gaps?.delayed]).toEqual([0, 0, 0, 1]);
      });
    clock.advance(10_000);
    await handle.events.scheduleChanged({ accountId: world.accountId, hotlineId: 'hl' }); // nothing changed: no e-mail
    await settled();
    expect(world.sink.received).toHaveLength(1);

    await schedule.applyChange(world.accountId, 'hl', {
      expectedVersion: version,
      change: { added: [night], updated: [], removedIds: [] },
    });
    clock.advance(10_000);
    await handle.events.scheduleChanged({ accountId: world.accountId, hotlineId: 'hl' });
    await eventually(() => expect(world.sink.received).toHaveLength(2));
    expect(world.sink.received[1].parsed.subject).toBe(
      'Resolved: duty covered again on Maintenance été from 2027-03-27 22:00 (UTC+01:00)',
    );
  });
});
