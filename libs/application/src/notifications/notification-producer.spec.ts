import { ValidationError, parseInstant } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { GapCheckRunner } from './gap-check-runner';
import { gapCheckPeriodStart, immediateGapCheckId, periodicGapCheckId } from './notification-jobs';
import { NotificationProducer } from './notification-producer';
import { NotificationReconciler } from './notification-reconciler';
import { NewDelivery, OwedNotificationsJournal } from './ports';
import { InMemoryDeliveryLedger, InMemoryGapAlertStateStore, RecordingJobQueue, aVoicemailCall } from './testing';
import { notificationSettings } from '../shared';

const HOUR = 3_600_000;
const HL = { accountId: 'acct-test', hotlineId: 'hl' };

function world() {
  const clock = new ManualClock('2027-03-28T01:17:00Z');
  const ledger = new InMemoryDeliveryLedger();
  const queue = new RecordingJobQueue();
  const gapState = new InMemoryGapAlertStateStore();
  const producer = new NotificationProducer({ ledger, queue, clock });
  const reconciler = new NotificationReconciler({ ledger, gapState, hotlines: gapState, queue, clock, batchSize: 2 });
  return { clock, ledger, queue, gapState, producer, reconciler };
}

const notice = (eventId: string, record = aVoicemailCall()) => ({ eventId, callId: record.id, record });

describe('NotificationProducer', () => {
  it('writes each notice to the ledger, then enqueues it under its event id', async () => {
    const w = world();
    await w.producer.voicemailRecorded(notice('call-1:voicemail'));
    await w.producer.callUnanswered(notice('call-1:unanswered'));
    await w.producer.callUnanswered(notice('call-1:unanswered'));
    expect(w.queue.jobs.map((j) => [j.name, j.payload, j.options.jobId])).toEqual([
      ['voicemail.deliver', { deliveryId: 'call-1:voicemail', accountId: 'acct-test' }, 'call-1:voicemail'],
      ['call.unanswered-alert', { deliveryId: 'call-1:unanswered', accountId: 'acct-test' }, 'call-1:unanswered'],
    ]);
    expect([...w.ledger.rows.values()].map((d) => [d.id, d.kind, d.status])).toEqual([
      ['call-1:voicemail', 'voicemail', 'pending'],
      ['call-1:unanswered', 'unanswered-alert', 'pending'],
    ]);
  });

  it('keeps the delivery owed when the queue is down, and rejects so the caller logs it', async () => {
    const w = world();
    w.queue.failNext();
    await expect(w.producer.voicemailRecorded(notice('call-1:voicemail'))).rejects.toThrow('queue unreachable');
    expect((await w.ledger.delivery('call-1:voicemail'))?.status).toBe('pending');
  });

  describe('within its budget, with a local journal', () => {
    class MemoryJournal implements OwedNotificationsJournal {
      entries: NewDelivery[] = [];
      async append(delivery: NewDelivery) {
        this.entries.push(delivery);
      }
      async owed() {
        return [...this.entries];
      }
      async settle(ids: readonly string[]) {
        this.entries = this.entries.filter((e) => !ids.includes(e.id));
      }
    }
    const never = () => new Promise<never>(() => undefined);

    function budgeted() {
      const w = world();
      const journal = new MemoryJournal();
      let ledgerDown = true;
      const ledger = Object.assign(Object.create(w.ledger) as typeof w.ledger, {
        addDelivery: (d: NewDelivery) => (ledgerDown ? never() : w.ledger.addDelivery(d)),
      });
      const producer = new NotificationProducer({ ledger, queue: w.queue, clock: w.clock, journal, budgetMs: 30 });
      return { ...w, journal, producer, ledgerBack: () => (ledgerDown = false) };
    }

    it('a stalled ledger: the notice is journaled within the budget, then written and enqueued once the ledger answers', async () => {
      const w = budgeted();
      const started = Date.now();
      await w.producer.callUnanswered(notice('call-1:unanswered'));
      await w.producer.voicemailRecorded(notice('call-1:voicemail'));
      expect(Date.now() - started).toBeLessThan(200);
      expect(w.journal.entries.map((e) => e.id)).toEqual(['call-1:unanswered', 'call-1:voicemail']);
      expect(await w.producer.flushOwed()).toEqual({ written: 0, left: 2 });
      w.ledgerBack();
      expect(await w.producer.flushOwed()).toEqual({ written: 2, left: 0 });
      expect(w.journal.entries).toEqual([]);
      expect([...w.ledger.rows.values()].map((d) => [d.id, d.status])).toEqual([
        ['call-1:unanswered', 'pending'],
        ['call-1:voicemail', 'pending'],
      ]);
      expect(w.queue.jobs.map((j) => j.options.jobId)).toEqual(['call-1:unanswered', 'call-1:voicemail']);
    });

    it('a stalled queue: rejects within the budget, the delivery owed in the ledger for the reconcile pass', async () => {
      const w = budgeted();
      w.ledgerBack();
      w.queue.enqueue = never;
      const started = Date.now();
      await expect(w.producer.callUnanswered(notice('call-1:unanswered'))).rejects.toThrow(
        'the queue took longer than 30 ms',
      );
      expect(Date.now() - started).toBeLessThan(200);
      expect((await w.ledger.delivery('call-1:unanswered'))?.status).toBe('pending');
    });
  });

  it('ignores a call tied to no hotline', async () => {
    const w = world();
    await w.producer.callUnanswered(
      notice('call-2:unanswered', aVoicemailCall({ id: 'call-2', accountId: null, hotlineId: null })),
    );
    expect([w.queue.jobs, [...w.ledger.rows.keys()]]).toEqual([[], []]);
  });

  it('checks a changed schedule once per debounce window and keeps the periodic check going', async () => {
    const w = world();
    await w.producer.scheduleChanged(HL);
    w.clock.advance(3_000);
    await w.producer.scheduleChanged(HL);
    const period = gapCheckPeriodStart(HL, w.clock.now(), HOUR) + HOUR;
    expect(w.queue.jobs.map((j) => [j.options.jobId, j.options.runAt, j.payload])).toEqual([
      [
        immediateGapCheckId(HL, parseInstant('2027-03-28T01:17:00Z')),
        parseInstant('2027-03-28T01:17:10Z'),
        { ...HL, periodStart: null },
      ],
      [periodicGapCheckId(HL, period), period, { ...HL, periodStart: period }],
    ]);
  });
});

describe('GapCheckRunner', () => {
  it('enqueues the next period after the check, also when it failed, so the chain goes on', async () => {
    const w = world();
    const runner = new GapCheckRunner({
      gapAlerts: { check: () => Promise.reject(new Error('db down')) },
      queue: w.queue,
      clock: w.clock,
    });
    const period = gapCheckPeriodStart(HL, w.clock.now(), HOUR);
    await expect(runner.run({ ...HL, periodStart: period })).rejects.toThrow('db down');
    expect(w.queue.jobs.map((j) => j.options.jobId)).toEqual([periodicGapCheckId(HL, period + HOUR)]);
    expect(period).toBeLessThanOrEqual(w.clock.now());
    expect(period + HOUR).toBeGreaterThan(w.clock.now());
  });

  it('ends the chain of a hotline that is gone', async () => {
    const w = world();
    const runner = new GapCheckRunner({
      gapAlerts: { check: async () => ({ status: 'hotline-gone' as const, sent: [], refused: [] }) },
      queue: w.queue,
      clock: w.clock,
    });
    await runner.run({ ...HL, periodStart: gapCheckPeriodStart(HL, w.clock.now(), HOUR) });
    expect(w.queue.jobs).toEqual([]);
  });

  it('does not reschedule an immediate check', async () => {
    const w = world();
    const outcome = { status: 'checked' as const, sent: [], refused: [] };
    const runner = new GapCheckRunner({ gapAlerts: { check: async () => outcome }, queue: w.queue, clock: w.clock });
    expect(await runner.run({ ...HL, periodStart: null })).toBe(outcome);
    expect(w.queue.jobs).toEqual([]);
  });
});

describe('NotificationReconciler', () => {
  it('enqueues again every pending delivery, unsent gap notices and the current gap check of every hotline', async () => {
    const w = world();
    for (const id of ['a:voicemail', 'b:unanswered', 'c:voicemail', 'd:unanswered', 'e:voicemail']) {
      await w.ledger.addDelivery({
        id,
        kind: id.endsWith('voicemail') ? 'voicemail' : 'unanswered-alert',
        accountId: 'acct-test',
        hotlineId: 'hl',
        callId: id[0],
        record: aVoicemailCall(),
        createdAt: w.clock.now(),
      });
    }
    await w.ledger.finishDelivery('c:voicemail', { status: 'delivered', at: w.clock.now() });
    w.gapState.hotlines.push(HL, { accountId: 'acct-test', hotlineId: 'hl-2' });
    const gap = {
      key: 'hl@x',
      start: 0,
      end: 1,
      open: false,
      seenUntil: 1,
      reason: 'nobody-scheduled' as const,
      announcedAt: 0,
    };
    await w.gapState.saveGapAlertState(HL, {
      version: 0,
      announced: [gap],
      outbox: [{ id: 'n1', kind: 'new', gap, previous: null, at: 0 }],
      checkedAt: 0,
    });

    const report = await w.reconciler.reconcile();
    expect(report).toEqual({ deliveries: 4, gapOutboxes: 1, gapChecks: 2 });
    expect(w.queue.jobs.map((j) => `${j.name} ${j.options.jobId}`)).toEqual([
      'voicemail.deliver a:voicemail',
      'call.unanswered-alert b:unanswered',
      'call.unanswered-alert d:unanswered',
      'voicemail.deliver e:voicemail',
      `gaps.check ${immediateGapCheckId(HL, parseInstant('2027-03-28T01:17:00Z'))}`,
      `gaps.check ${periodicGapCheckId(HL, gapCheckPeriodStart(HL, w.clock.now(), HOUR))}`,
      `gaps.check ${periodicGapCheckId({ ...HL, hotlineId: 'hl-2' }, gapCheckPeriodStart({ ...HL, hotlineId: 'hl-2' }, w.clock.now(), HOUR))}`,
    ]);
    // A second pass finds the same work: the queue collapses it.
    await w.reconciler.reconcile();
    expect(w.queue.jobs).toHaveLength(7);
  });

  it('never runs a check done this period again: later passes restart the chains with the next period, once an interval', async () => {
    const w = world();
    const hotlines = ['hl', 'hl-2', 'hl-3'].map((hotlineId) => ({ accountId: 'acct-test', hotlineId }));
    w.gapState.hotlines.push(...hotlines);
    const current = (h: (typeof hotlines)[number]) => gapCheckPeriodStart(h, w.clock.now(), HOUR);
    expect((await w.reconciler.reconcile()).gapChecks).toBe(3);
    const ran: string[] = [];
    // The workers run what is due (done jobs leave the queue); each chain queues its next period.
    const runDue = async () => {
      ran.push(...w.queue.take().map((job) => job.options.jobId));
      for (const h of hotlines) {
        const next = current(h) + HOUR;
        await w.queue.enqueue('gaps.check', { ...h, periodStart: next }, { jobId: periodicGapCheckId(h, next) });
      }
    };
    expect(w.queue.jobs.map((job) => job.options.jobId)).toEqual(
      hotlines.map((h) => periodicGapCheckId(h, current(h))),
    );
    await runDue();

    w.clock.advance(30_000);
    expect((await w.reconciler.reconcile()).gapChecks).toBe(0);
    w.clock.advance(HOUR);
    await runDue();
    expect((await w.reconciler.reconcile()).gapChecks).toBe(3);
    expect(w.queue.jobs.filter((job) => ran.includes(job.options.jobId))).toEqual([]);
    // One job per hotline: the pass collapsed with each live chain.
    expect(w.queue.jobs).toHaveLength(3);
  });
});

describe('notificationSettings', () => {
  it('fills in the defaults', () => {
    expect(notificationSettings({ gapAlerts: { lookAheadDays: 30 } }).gapAlerts).toEqual({
      enabled: true,
      lookAheadDays: 30,
      emails: [],
    });
  });

  it.each([
    [{ gapAlerts: { lookAheadDays: 0 } }, 'OUT_OF_RANGE', 'gapAlerts.lookAheadDays'],
    [{ voicemail: { linkHours: 1.5 } }, 'OUT_OF_RANGE', 'voicemail.linkHours'],
    [{ unansweredAlert: { emails: ['ok@example.com', 'nope'] } }, 'INVALID_EMAIL', 'unansweredAlert.emails[1]'],
    [{ voicemail: { sms: { onDuty: 'yes' as unknown as boolean } } }, 'INVALID_FLAG', 'voicemail.sms.onDuty'],
  ])('refuses %j with %s at %s', (input, code, field) => {
    const error = (() => {
      try {
        notificationSettings(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code, field });
  });
});
