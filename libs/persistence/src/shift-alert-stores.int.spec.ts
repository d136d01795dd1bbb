/**
 * The shift-alert stores (settings, ledger), run against the embedded SQLite and the real MariaDB like
 * the repository contract. Each test works in accounts of its own, deleted with their rows.
 */
import { NewShiftAlert, parseInstant, shiftAlertId, shiftAlertSettings } from '@dutyline/domain';
import { BACKENDS_UNDER_TEST } from './contract/backends';
import { World, refusal } from './contract/world';
import { SqlShiftAlertLedger, SqlShiftAlertSettings } from './repositories/shift-alert.repository';

const START = parseInstant('2026-03-28T21:00:00Z');
const END = parseInstant('2026-03-29T04:00:00Z');
const MINUTE = 60_000;

for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend = makeBackend();
  describeOn(`shift-alert stores on ${backend.name}`, () => {
    let world: World;
    let settings: SqlShiftAlertSettings;
    let ledger: SqlShiftAlertLedger;

    beforeAll(async () => {
      world = new World(await backend.connect());
      settings = new SqlShiftAlertSettings(world.dataSource);
      ledger = new SqlShiftAlertLedger(world.dataSource);
    });
    afterEach(() => world.cleanUp());
    afterAll(async () => {
      await world.dataSource.destroy();
      await backend.finish();
    });

    const aHotline = async () => {
      const accountId = await world.newAccount();
      await world.hotline(accountId, 'night');
      return accountId;
    };
    const alert = (accountId: string, options: Partial<NewShiftAlert> = {}): NewShiftAlert => ({
      id: shiftAlertId('night', 'alice', options.dutyStart ?? START),
      accountId,
      hotlineId: 'night',
      personId: 'alice',
      level: 0,
      dutyStart: START,
      dutyEnd: END,
      ackExpiresAt: null,
      createdAt: START - 30 * MINUTE,
      ...options,
    });

    describe('settings', () => {
      it('round-trips, replaces, and keeps each hotline on its own', async () => {
        const accountId = await aHotline();
        await world.hotline(accountId, 'day');
        expect(await settings.shiftAlertSettings(accountId, 'night')).toBeUndefined();
        const withAck = shiftAlertSettings({
          hotlineId: 'night',
          enabled: true,
          minutesBefore: 45,
          channels: ['email', 'sms'],
          acknowledge: { withinMinutes: 20 },
        });
        await settings.saveShiftAlertSettings(accountId, withAck);
        expect(await settings.shiftAlertSettings(accountId, 'night')).toEqual(withAck);
        const plain = shiftAlertSettings({ hotlineId: 'night', enabled: false, channels: ['sms'] });
        await settings.saveShiftAlertSettings(accountId, plain);
        expect(await settings.shiftAlertSettings(accountId, 'night')).toEqual(plain);
        expect(await settings.shiftAlertSettings(accountId, 'day')).toBeUndefined();
      });

      it('refuses a hotline of another account, and goes with its hotline', async () => {
        const accountId = await aHotline();
        const other = await world.newAccount();
        expect(
          await refusal(() => settings.saveShiftAlertSettings(other, shiftAlertSettings({ hotlineId: 'night' }))),
        ).toEqual({ code: 'UNKNOWN_HOTLINE', field: 'hotlineId' });
        await settings.saveShiftAlertSettings(accountId, shiftAlertSettings({ hotlineId: 'night', enabled: true }));
        await ledger.openShiftAlert(alert(accountId));
        await world.repos.hotlines.delete(accountId, 'night');
        expect(await settings.shiftAlertSettings(accountId, 'night')).toBeUndefined();
        expect(await ledger.shiftAlert(alert(accountId).id)).toBeUndefined();
      });
    });

    describe('ledger', () => {
      it('opens an alert once, keeps its steps, marks it sent once', async () => {
        const accountId = await aHotline();
        const first = await ledger.openShiftAlert(alert(accountId));
        expect(first.ackToken).toBeNull();
        expect(first.record).toMatchObject({
          personId: 'alice',
          dutyStart: START,
          dutyEnd: END,
          sentAt: null,
          steps: {},
        });
        const again = await ledger.openShiftAlert(alert(accountId, { level: 3 }));
        expect(again.record.level).toBe(0);

        await ledger.recordShiftAlertStep(first.record.id, { step: 'sms', result: 'msg-1' });
        await ledger.recordShiftAlertStep(first.record.id, { step: 'email', result: '<m@x>' });
        await ledger.markShiftAlertSent(first.record.id, START - 29 * MINUTE);
        await ledger.markShiftAlertSent(first.record.id, START - 10 * MINUTE);
        expect(await ledger.shiftAlert(first.record.id)).toMatchObject({
          steps: { sms: 'msg-1', email: '<m@x>' },
          sentAt: START - 29 * MINUTE,
        });
      });

      it('opens an alert once when two workers open it at the same time: one of them gets the token', async () => {
        const accountId = await aHotline();
        const opened = await Promise.all(
          [1, 2].map(() => ledger.openShiftAlert(alert(accountId, { ackExpiresAt: START + 15 * MINUTE }))),
        );
        expect(opened.map((o) => o.record.id)).toEqual([alert(accountId).id, alert(accountId).id]);
        expect(opened.filter((o) => o.ackToken !== null)).toHaveLength(1);
      });

      it('acknowledges by token once, refuses unknown, renewed-away and expired tokens', async () => {
        const accountId = await aHotline();
        const expires = START + 15 * MINUTE;
        const { record, ackToken } = await ledger.openShiftAlert(alert(accountId, { ackExpiresAt: expires }));
        expect(ackToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(await ledger.acknowledgeShiftAlert('x'.repeat(43), START)).toEqual({ status: 'invalid' });
        expect(await ledger.acknowledgeShiftAlert('not a token', START)).toEqual({ status: 'invalid' });
        const renewed = await ledger.renewAckToken(record.id);
        expect(await ledger.acknowledgeShiftAlert(ackToken!, START)).toEqual({ status: 'invalid' });
        expect(await ledger.acknowledgeShiftAlert(renewed, expires)).toEqual({ status: 'invalid' });

        const done = await ledger.acknowledgeShiftAlert(renewed, expires - 1);
        expect(done).toMatchObject({ status: 'acknowledged', alert: { id: record.id, acknowledgedAt: expires - 1 } });
        expect(await ledger.acknowledgeShiftAlert(renewed, expires - 1)).toMatchObject({
          status: 'already-acknowledged',
          alert: { acknowledgedAt: expires - 1 },
        });
      });

      it('notes the supervisors told once, and lists a hotline’s alerts by duty start', async () => {
        const accountId = await aHotline();
        const later = START + 24 * 60 * MINUTE;
        await ledger.openShiftAlert(alert(accountId, { dutyStart: later, dutyEnd: later + 60 * MINUTE }));
        const { record } = await ledger.openShiftAlert(alert(accountId));
        await ledger.markSupervisorsTold(record.id, START);
        await ledger.markSupervisorsTold(record.id, START + MINUTE);

        const all = await ledger.shiftAlerts(accountId, 'night', { from: START, to: later + 1 });
        expect(all.map((a) => [a.dutyStart, a.supervisorsToldAt])).toEqual([
          [START, START],
          [later, null],
        ]);
        expect(await ledger.shiftAlerts(accountId, 'night', { from: START + 1, to: later })).toEqual([]);
        expect(await ledger.shiftAlerts(await world.newAccount(), 'night', { from: 0, to: later + 1 })).toEqual([]);
      });
    });
  });
}
