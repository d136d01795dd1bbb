import { NonRetryableJobError } from '@dutyline/domain';
import { ManualClock, TEST_ACCOUNT, aHotline, aPerson } from '@dutyline/domain/testing';
import { InMemoryDutyline } from '../testing';
import { DocumentGapAlertStates, DocumentNotificationSettings } from './document-notification-stores';
import { NotificationLogger } from './notification-handlers';
import { startNotificationProcessing } from './notification-processing';
import { createNotificationServices } from './notification-services';
import {
  FakeRecordings,
  InMemoryDeliveryLedger,
  InMemoryHotlineDocuments,
  InMemoryVoicemailLinks,
  ManualJobHost,
  RecordingJobQueue,
  RecordingMailer,
  aVoicemailCall,
} from './testing';
import { notificationSettings } from '../shared';

const FIRST = { attempt: 1, maxAttempts: 5 };

async function world() {
  const clock = new ManualClock('2027-03-28T01:18:00Z');
  const db = new InMemoryDutyline(clock);
  await db.people.savePerson(aPerson({ id: 'alice', name: 'Alice Martin' }));
  await db.people.savePerson(aPerson({ id: 'bob', name: 'Bob Durand', email: null }));
  await db.people.savePerson(aPerson({ id: 'boss', name: 'Claire Boss' }));
  await db.hotlines.save(aHotline({ id: 'hl', supervisorIds: ['boss'] }));
  const documents = new InMemoryHotlineDocuments();
  documents.hotlines.push({ accountId: TEST_ACCOUNT, hotlineId: 'hl' });
  const gapStates = new DocumentGapAlertStates(documents);
  const settings = new DocumentNotificationSettings(documents, clock);
  const ledger = new InMemoryDeliveryLedger();
  const mailer = new RecordingMailer();
  const recordings = new FakeRecordings();
  recordings.audio.set('https://api.nexmo.com/v1/files/rec-1', {
    audio: Buffer.from('ID3-audio'),
    contentType: 'audio/mpeg',
  });
  const queue = new RecordingJobQueue();
  const services = createNotificationServices(
    {
      ledger,
      hotlines: db.hotlines,
      people: db.people,
      accounts: db.accounts,
      teams: db.teams,
      schedules: db.schedules,
      gapStates,
      watchedHotlines: gapStates,
      settings,
      links: new InMemoryVoicemailLinks(),
      recordings,
      mailer,
      sms: null,
      queue,
      clock,
    },
    { gapCheckIntervalMs: 3_600_000 },
  );
  const host = new ManualJobHost();
  const lines: string[] = [];
  const logger: NotificationLogger = {
    info: (message) => void host.events.push(message),
    warn: (message, context) => void lines.push(`${message} ${JSON.stringify(context)}`),
    error: (message) => void lines.push(message),
  };
  return { clock, ledger, mailer, queue, services, host, logger, lines, settings };
}

describe('notification processing, shared by the worker and the embedded gateway', () => {
  it('registers the handlers, reconciles what the database owes, then starts taking jobs', async () => {
    const w = await world();
    const record = aVoicemailCall();
    await w.ledger.addDelivery({
      id: 'call-1:voicemail',
      kind: 'voicemail',
      accountId: TEST_ACCOUNT,
      hotlineId: 'hl',
      callId: 'call-1',
      record,
      createdAt: 0,
    });

    const processing = await startNotificationProcessing(w.host, { services: w.services, logger: w.logger });

    expect(w.host.events).toEqual([
      'register voicemail.deliver',
      'register call.unanswered-alert',
      'register gaps.check',
      'reconciled',
      'start',
    ]);
    expect(processing.reconciled).toEqual({ deliveries: 1, gapOutboxes: 0, gapChecks: 1 });
    expect(w.queue.jobs.map((job) => [job.name, job.options.jobId])).toEqual([
      ['voicemail.deliver', 'call-1:voicemail'],
      ['gaps.check', expect.stringMatching(/^gaps:acct-test:hl:2027-03-28T0[01]:\d\d:\d\d(\.\d+)?Z$/)],
    ]);
  });

  it('reconciles again every reconcileEveryMs without a restart: a delivery whose enqueue was lost reaches the queue', async () => {
    const w = await world();
    const processing = await startNotificationProcessing(w.host, {
      services: w.services,
      logger: w.logger,
      reconcileEveryMs: 40,
    });
    w.queue.take();
    // Owed in the database while the queue was away.
    await w.ledger.addDelivery({
      id: 'call-9:unanswered',
      kind: 'unanswered-alert',
      accountId: TEST_ACCOUNT,
      hotlineId: 'hl',
      callId: 'call-9',
      record: aVoicemailCall({ id: 'call-9' }),
      createdAt: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(w.queue.jobs.map((job) => job.options.jobId)).toContain('call-9:unanswered');
    expect((await processing.reconcileNow())?.deliveries).toBe(1);
    await processing.stop(20);
    const after = w.queue.jobs.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(w.queue.jobs).toHaveLength(after);
  });

  it('runs each job through its service over the same ports as the producer, with one log line per job', async () => {
    const w = await world();
    await w.settings.saveNotificationSettings(
      TEST_ACCOUNT,
      'hl',
      notificationSettings({ gapAlerts: { enabled: false } }),
    );
    await startNotificationProcessing(w.host, { services: w.services, logger: w.logger });
    const record = aVoicemailCall();
    await w.services.producer.voicemailRecorded({ eventId: 'call-1:voicemail', callId: 'call-1', record });
    await w.services.producer.callUnanswered({ eventId: 'call-1:unanswered', callId: 'call-1', record });

    for (const job of w.queue.take())
      await w.host.run(job.name, job.payload as never, { jobId: job.options.jobId, ...FIRST });

    expect(w.mailer.sent.map((mail) => mail.subject)).toEqual([
      'Voicemail on Maintenance on-call from +33698765432, 28 Mar 2027 03:15',
      'Unanswered call on Maintenance on-call from +33698765432, 28 Mar 2027 03:15',
    ]);
    // The reconcile pass queued the current period's gap check first (alerts off: nothing mailed).
    expect(w.host.events.slice(-3)).toEqual([
      'gaps.check done',
      'voicemail.deliver done',
      'call.unanswered-alert done',
    ]);
    expect((await w.ledger.delivery('call-1:voicemail'))?.status).toBe('delivered');
  });

  it('logs a failed job and passes its error on for the queue to decide (here: no retry)', async () => {
    const w = await world();
    await startNotificationProcessing(w.host, { services: w.services, logger: w.logger });
    const record = aVoicemailCall({ voicemailRecording: null });
    await w.services.producer.voicemailRecorded({ eventId: 'call-1:voicemail', callId: 'call-1', record });

    await expect(
      w.host.run(
        'voicemail.deliver',
        { deliveryId: 'call-1:voicemail', accountId: TEST_ACCOUNT },
        { jobId: 'call-1:voicemail', ...FIRST },
      ),
    ).rejects.toBeInstanceOf(NonRetryableJobError);
    expect(w.lines).toEqual([
      expect.stringMatching(
        /^voicemail\.deliver failed .*"error":"NonRetryableJobError: call call-1 has no recording to deliver"/,
      ),
    ]);
  });

  it.each([
    ['the running jobs finish in time', false, true, []],
    [
      'a job is still running when the time is up',
      true,
      false,
      ['jobs still running at shutdown are left to the queue {"timeoutMs":20}'],
    ],
  ])('stops gracefully when %s', async (_, hangs, finished, warnings) => {
    const w = await world();
    if (hangs) w.host.closing = new Promise(() => undefined);
    const processing = await startNotificationProcessing(w.host, { services: w.services, logger: w.logger });
    const stop = processing.stop(20);
    expect(processing.stop(20)).toBe(stop);
    expect(await stop).toBe(finished);
    expect(w.host.events.filter((e) => e === 'close')).toHaveLength(1);
    expect(w.lines).toEqual(warnings);
  });
});
