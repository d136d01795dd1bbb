import { Slot, parseInstant, shiftAlertSettings } from '@dutyline/domain';
import { ManualClock, TEST_ACCOUNT, aHotline, aPerson, aSlot, anOverride, personRef } from '@dutyline/domain/testing';
import { InMemoryHotlineDocuments, RecordingMailer, RecordingSms } from '../notifications/testing';
import { InMemoryDutyline, aCaller } from '../testing';
import { createShiftAlertServices, startShiftAlertProcessing } from './shift-alert-services';
import { InMemoryShiftAlertLedger, InMemoryShiftAlertSettings, TimedJobQueue } from './testing';

const HOTLINE = { accountId: TEST_ACCOUNT, hotlineId: 'hl' };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const SPRING_NIGHT = { start: '2026-03-28T22:00', end: '2026-03-29T06:00' };
/** 22:00 Paris on 2026-03-28 (UTC+1), the alert 30 min before. */
const SPRING_START = '2026-03-28T21:00:00.000Z';

/** A Paris hotline supervised by the boss, alice and bob on call, alerts 30 min before by SMS and e-mail. */
async function world(
  options: { acknowledgeWithin?: number; language?: string; now?: string; keepStaleJobs?: boolean } = {},
) {
  const clock = new ManualClock(options.now ?? '2026-03-27T21:00:00Z');
  const db = new InMemoryDutyline(clock);
  await db.people.savePerson(
    aPerson({ id: 'alice', name: 'Alice', numbers: [{ number: '+33612345678', label: 'mobile' }] }),
  );
  await db.people.savePerson(
    aPerson({ id: 'bob', name: 'Bob', numbers: [{ number: '+33623456789', label: 'mobile' }] }),
  );
  await db.people.savePerson(aPerson({ id: 'boss', name: 'Boss', email: 'boss@example.com' }));
  await db.hotlines.save(
    aHotline({
      id: 'hl',
      name: 'Lifts',
      timeZone: 'Europe/Paris',
      supervisorIds: ['boss'],
      language: options.language,
    }),
  );
  const settings = new InMemoryShiftAlertSettings();
  await settings.saveShiftAlertSettings(
    TEST_ACCOUNT,
    shiftAlertSettings({
      hotlineId: 'hl',
      enabled: true,
      minutesBefore: 30,
      channels: ['sms', 'email'],
      acknowledge: options.acknowledgeWithin ? { withinMinutes: options.acknowledgeWithin } : null,
    }),
  );
  const ledger = new InMemoryShiftAlertLedger();
  const queue = new TimedJobQueue(clock);
  const sms = new RecordingSms();
  const mailer = new RecordingMailer();
  const plans = new InMemoryHotlineDocuments();
  plans.hotlines.push(HOTLINE);
  const services = createShiftAlertServices(
    {
      ...db,
      settings,
      ledger,
      queue,
      sms,
      mailer,
      clock,
      watchedHotlines: { watchedHotlines: async () => [HOTLINE] },
      publicUrl: 'https://hotline.test/',
      cancelling: options.keepStaleJobs ? undefined : { canceller: queue, plans },
    },
    { horizonMs: 48 * 3_600_000, intervalMs: 3_600_000 },
  );
  await startShiftAlertProcessing(queue, {
    services,
    hotlines: { watchedHotlines: async () => [HOTLINE] },
    logger: quiet,
  });
  let version = 0;
  const change = async (change: { added?: Slot[]; updated?: Slot[]; removedIds?: string[] }) => {
    version = (
      await db.schedules.applyChange(TEST_ACCOUNT, 'hl', {
        expectedVersion: version,
        change: { added: change.added ?? [], updated: change.updated ?? [], removedIds: change.removedIds ?? [] },
      })
    ).version;
    await services.planner.scheduleChanged(HOTLINE);
  };
  /** Moves the clock to `at` and runs what is due, as the worker would. */
  const at = async (instant: string) => {
    clock.set(instant);
    await queue.runDue();
  };
  return { clock, db, settings, ledger, queue, sms, mailer, services, change, at };
}

const night = (assignee: string, times = SPRING_NIGHT, id = 'night') =>
  aSlot('hl', { ...times, id, assignees: [personRef({ id: assignee })] });

describe('shift-start alerts', () => {
  it('queues the alert under the duty id and sends it once, 30 min before, with the duty in Paris time', async () => {
    const w = await world();
    await w.change({ added: [night('alice')] });
    await w.at('2026-03-27T21:00:06Z');
    expect(w.queue.queued('shift-alert.send')).toEqual([
      `shift-alert:hl:alice:${SPRING_START} @ 2026-03-28T20:30:00.000Z`,
    ]);

    await w.at('2026-03-28T20:29:59Z');
    expect(w.sms.sent).toEqual([]);
    await w.at('2026-03-28T20:30:00Z');
    expect(w.sms.sent).toEqual([
      {
        to: '+33612345678',
        from: '+33140000000',
        text: 'Shift start on Lifts: you are on duty (level 1) from 28/03/2026 22:00 to 29/03/2026 06:00 (Europe/Paris).',
      },
    ]);
    expect(w.mailer.sent.map((m) => [m.to.map((e) => e.value), m.subject])).toEqual([
      [['alice@example.com'], 'Your duty on Lifts starts 28/03/2026 22:00'],
    ]);
    const [record] = await w.ledger.shiftAlerts(TEST_ACCOUNT, 'hl', {
      from: parseInstant('2026-03-28T00:00Z'),
      to: parseInstant('2026-03-30T00:00Z'),
    });
    expect(record).toMatchObject({ personId: 'alice', level: 0, sentAt: parseInstant('2026-03-28T20:30:00Z') });
    expect(Object.keys(record.steps).sort()).toEqual(['email', 'sms']);

    // Planned again after it ran (a periodic plan, a change), or run again: never a second message.
    await w.services.planner.scheduleChanged(HOTLINE);
    await w.at('2026-03-28T20:31:00Z');
    expect(
      await w.services.sender.send({ ...HOTLINE, personId: 'alice', dutyStart: parseInstant(SPRING_START) }),
    ).toEqual({ status: 'already-sent' });
    expect(w.sms.sent).toHaveLength(1);
  });

  it.each([
    ['taken back from the queue', false, []],
    ['left queued, a no-op when it runs', true, [`shift-alert:hl:alice:${SPRING_START} @ 2026-03-28T20:30:00.000Z`]],
  ])(
    'a slot moved after its alert was queued: the old job is %s; the new one sends once',
    async (_, keepStaleJobs, stale) => {
      const w = await world({ keepStaleJobs });
      await w.change({ added: [night('alice')] });
      await w.at('2026-03-28T12:00:00Z');
      await w.change({ updated: [night('alice', { start: '2026-03-28T23:00', end: SPRING_NIGHT.end })] });
      await w.at('2026-03-28T12:00:10Z');
      expect(w.queue.queued('shift-alert.send')).toEqual([
        ...stale,
        'shift-alert:hl:alice:2026-03-28T22:00:00.000Z @ 2026-03-28T21:30:00.000Z',
      ]);

      await w.at('2026-03-28T20:30:00Z');
      expect(w.sms.sent).toEqual([]);
      await w.at('2026-03-28T21:30:00Z');
      expect(w.sms.sent.map((s) => s.text)).toEqual([
        'Shift start on Lifts: you are on duty (level 1) from 28/03/2026 23:00 to 29/03/2026 06:00 (Europe/Paris).',
      ]);
      await w.at('2026-03-29T12:00:00Z');
      expect(w.sms.sent).toHaveLength(1);
    },
  );

  it('settings changed: a new lead time moves the queued alert, disabling takes it back', async () => {
    const w = await world();
    const caller = aCaller(TEST_ACCOUNT);
    await w.change({ added: [night('alice')] });
    await w.at('2026-03-28T12:00:00Z');
    await w.services.settings.updateSettings(caller, 'hl', { minutesBefore: 60 });
    await w.at('2026-03-28T12:00:10Z');
    expect(w.queue.queued('shift-alert.send')).toEqual([
      `shift-alert:hl:alice:${SPRING_START} @ 2026-03-28T20:00:00.000Z`,
    ]);
    await w.services.settings.updateSettings(caller, 'hl', { enabled: false });
    await w.at('2026-03-28T12:00:20Z');
    expect(w.queue.queued('shift-alert.send')).toEqual([]);
    await w.at('2026-03-29T12:00:00Z');
    expect(w.sms.sent).toEqual([]);
  });

  it('a slot deleted, or handed to someone else: nothing goes to the person it no longer concerns', async () => {
    const w = await world();
    await w.change({
      added: [night('alice'), night('bob', { start: '2026-03-29T22:00', end: '2026-03-30T06:00' }, 'n2')],
    });
    await w.at('2026-03-28T12:00:00Z');
    await w.change({
      removedIds: ['night'],
      updated: [night('alice', { start: '2026-03-29T22:00', end: '2026-03-30T06:00' }, 'n2')],
    });
    await w.at('2026-03-28T12:00:10Z');
    await w.at('2026-03-30T12:00:00Z');
    expect(w.sms.sent.map((s) => s.to)).toEqual(['+33612345678']);
    expect(w.sms.sent[0].text).toContain('from 29/03/2026 22:00 to 30/03/2026 06:00');
  });

  it('an override starting a duty gets its own alert; on the autumn night the duty lasts until 06:00 CET', async () => {
    const w = await world({ now: '2026-10-23T21:00:00Z', language: 'fr-FR' });
    await w.change({ added: [night('alice', { start: '2026-10-24T22:00', end: '2026-10-25T06:00' })] });
    await w.db.schedules.saveOverride(
      TEST_ACCOUNT,
      anOverride('hl', {
        start: '2026-10-25T01:00Z',
        end: '2026-10-25T03:00Z',
        assignees: [personRef({ id: 'bob' })],
        level: 1,
      }),
    );
    await w.services.planner.scheduleChanged(HOTLINE);
    await w.at('2026-10-24T19:30:00Z');
    await w.at('2026-10-25T00:30:00Z');
    await w.at('2026-10-26T00:00:00Z');
    const sends = w.queue.ran.filter((r) => r.name === 'shift-alert.send');
    expect(sends.map((r) => [r.jobId, new Date(r.at).toISOString()])).toEqual([
      ['shift-alert:hl:alice:2026-10-24T20:00:00.000Z', '2026-10-24T19:30:00.000Z'],
      ['shift-alert:hl:bob:2026-10-25T01:00:00.000Z', '2026-10-25T00:30:00.000Z'],
    ]);
    expect(w.sms.sent.map((s) => s.text)).toEqual([
      "Prise de poste Lifts : vous êtes d'astreinte (niveau 1) du 24/10/2026 22:00 au 25/10/2026 06:00 (Europe/Paris).",
      "Prise de poste Lifts : vous êtes d'astreinte (niveau 2) du 25/10/2026 02:00 au 25/10/2026 04:00 (Europe/Paris).",
    ]);
  });

  it('a duty added less than 30 min before it starts is told at once', async () => {
    const w = await world({ now: '2026-03-28T20:50:00Z' });
    await w.change({ added: [night('alice')] });
    await w.at('2026-03-28T20:50:05Z');
    expect(w.sms.sent).toHaveLength(1);
    expect(w.queue.ran.find((r) => r.name === 'shift-alert.send')?.at).toBe(parseInstant('2026-03-28T20:50:05Z'));
  });

  it('a job retried after the e-mail failed sends the e-mail only: the SMS is not sent twice', async () => {
    const w = await world();
    await w.change({ added: [night('alice')] });
    w.mailer.failNext(new Error('SMTP away'));
    await expect(w.at('2026-03-28T20:30:00Z')).rejects.toThrow('SMTP away');
    const job = { ...HOTLINE, personId: 'alice', dutyStart: parseInstant(SPRING_START) };
    expect(await w.services.sender.send(job)).toMatchObject({ status: 'sent' });
    expect([w.sms.sent.length, w.mailer.sent.length]).toEqual([1, 1]);
  });

  describe('acknowledgement', () => {
    const boss = (w: Awaited<ReturnType<typeof world>>) =>
      w.mailer.sent.filter((m) => m.to.some((e) => e.value === 'boss@example.com'));
    const tokenOf = (w: Awaited<ReturnType<typeof world>>) => {
      const url = /https:\/\/hotline\.test\/shift-alerts\/ack\/(\S+)/.exec(w.sms.sent[0].text);
      return url![1];
    };

    it('acknowledged in time: the supervisors are not told; the link works once', async () => {
      const w = await world({ acknowledgeWithin: 15 });
      await w.change({ added: [night('alice')] });
      await w.at('2026-03-28T20:30:00Z');
      expect(w.queue.queued('shift-alert.ack-check')).toEqual([
        `shift-ack-check:hl:alice:${SPRING_START} @ 2026-03-28T20:45:00.000Z`,
      ]);
      const token = tokenOf(w);
      await w.at('2026-03-28T20:44:59Z');
      expect(await w.services.settings.acknowledge(token)).toMatchObject({
        status: 'acknowledged',
        hotlineName: 'Lifts',
      });
      expect(await w.services.settings.acknowledge(token)).toMatchObject({ status: 'already-acknowledged' });
      await w.at('2026-03-28T21:00:00Z');
      expect(boss(w)).toEqual([]);
      expect(w.queue.ran.map((r) => r.name)).toContain('shift-alert.ack-check');
    });

    it('not acknowledged in time: the supervisors are told once; a late click is refused', async () => {
      const w = await world({ acknowledgeWithin: 15 });
      await w.change({ added: [night('alice')] });
      await w.at('2026-03-28T20:30:00Z');
      const token = tokenOf(w);
      await w.at('2026-03-28T20:45:00Z');
      expect(await w.services.settings.acknowledge(token)).toEqual({ status: 'invalid' });
      expect(boss(w).map((m) => [m.subject, m.text])).toEqual([
        [
          'Shift start not acknowledged: Alice, Lifts',
          'Alice has not acknowledged their duty on Lifts (level 1) starting 28/03/2026 22:00 (Europe/Paris).',
        ],
      ]);
      expect(
        await w.services.sender.checkAcknowledgement({
          accountId: TEST_ACCOUNT,
          alertId: `shift-alert:hl:alice:${SPRING_START}`,
        }),
      ).toEqual({ status: 'already-told' });
      expect(boss(w)).toHaveLength(1);
    });
  });

  describe('settings', () => {
    it('reads the defaults, saves a change (fields left out kept) and plans the hotline again', async () => {
      const w = await world();
      const caller = aCaller(TEST_ACCOUNT);
      await w.db.hotlines.save(aHotline({ id: 'other', number: '+33140000001' }));
      expect(await w.services.settings.settings(caller, 'other')).toEqual({
        ok: true,
        value: {
          isDefault: true,
          settings: { hotlineId: 'other', enabled: false, minutesBefore: 30, channels: ['sms'], acknowledge: null },
        },
      });
      const saved = await w.services.settings.updateSettings(caller, 'other', { enabled: true, channels: ['email'] });
      expect(saved).toMatchObject({
        ok: true,
        value: { settings: { enabled: true, minutesBefore: 30, channels: ['email'] } },
      });
      expect(w.queue.queued('shift-alerts.plan').filter((j) => j.includes(':other:soon:'))).toHaveLength(1);
      expect(await w.services.settings.settings(caller, 'missing')).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      await expect(w.services.settings.updateSettings(caller, 'other', { minutesBefore: 0 })).rejects.toMatchObject({
        code: 'INVALID_MINUTES',
        field: 'minutesBefore',
      });
    });
  });
});
