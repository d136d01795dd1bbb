import { OFFICE_HOURS, WEEKEND, callbackPolicy, onCallPattern, parseInstant } from '@dutyline/domain';
import { ContractContext } from './context';
import { refusal } from './world';

/** Predefined on-call periods, per-service callback settings, the schedule version alone. */
export function settingsContract({ world }: ContractContext): void {
  describe('predefined on-call periods', () => {
    it('round-trips patterns, overnight and multi-day windows included, and pages through them by name', async () => {
      const accountId = await world().newAccount();
      const winter = {
        ...onCallPattern({
          name: 'Winter weeknights',
          windows: [
            { days: ['MON', 'WED'], start: '19:30', end: '07:15' },
            { days: ['FRI'], start: '18:00', end: '08:00', endDayOffset: 3 },
          ],
        }),
        id: 'winter',
        accountId,
      };
      const office = { ...OFFICE_HOURS, id: 'office', accountId };
      const weekend = { ...WEEKEND, id: 'weekend', accountId };
      for (const p of [winter, office, weekend]) await world().repos.patterns.savePattern(p);

      expect(await world().repos.patterns.pattern(accountId, 'winter')).toEqual(winter);
      const first = await world().repos.patterns.listPatterns(accountId, { first: 2 });
      const second = await world().repos.patterns.listPatterns(accountId, { first: 2, after: first.nextCursor });
      expect([...first.items, ...second.items]).toEqual([office, weekend, winter]);
      expect(second.nextCursor).toBeNull();
    });

    it('replaces a pattern and deletes it', async () => {
      const accountId = await world().newAccount();
      await world().repos.patterns.savePattern({ ...OFFICE_HOURS, id: 'p1', accountId });
      await world().repos.patterns.savePattern({ ...WEEKEND, id: 'p1', accountId, name: 'Our weekend' });

      expect((await world().repos.patterns.pattern(accountId, 'p1'))?.name).toBe('Our weekend');
      expect(await world().repos.patterns.deletePattern(accountId, 'p1')).toEqual({ ok: true, value: undefined });
      expect(await world().repos.patterns.deletePattern(accountId, 'p1')).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('callback settings', () => {
    it('round-trips the settings of a hotline and of a team, each on its own', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'a');
      await world().team(accountId, 'desk', { memberIds: ['a'] });
      await world().hotline(accountId, 'desk');
      const hotline = {
        accountId,
        service: { kind: 'hotline' as const, id: 'desk' },
        policy: callbackPolicy({ maxAttempts: 5, minHoursBetweenAttempts: 1.25, mode: 'automatic' }),
        updatedAt: parseInstant('2027-03-27T10:00:00.5Z'),
      };
      const team = {
        accountId,
        service: { kind: 'team' as const, id: 'desk' },
        policy: callbackPolicy({}),
        updatedAt: parseInstant('2027-03-27T11:00:00Z'),
      };
      await world().repos.callbackSettings.saveCallbackSettings(hotline);
      await world().repos.callbackSettings.saveCallbackSettings(team);

      expect(await world().repos.callbackSettings.callbackSettings(accountId, hotline.service)).toEqual(hotline);
      expect(await world().repos.callbackSettings.callbackSettings(accountId, team.service)).toEqual(team);
    });

    it('refuses a service absent from the account, and forgets the settings with their service', async () => {
      const accountId = await world().newAccount();
      await world().hotline(accountId, 'h');
      const settings = {
        accountId,
        service: { kind: 'hotline' as const, id: 'h' },
        policy: callbackPolicy({}),
        updatedAt: 0,
      };
      await world().repos.callbackSettings.saveCallbackSettings(settings);

      expect(
        await refusal(() =>
          world().repos.callbackSettings.saveCallbackSettings({ ...settings, service: { kind: 'team', id: 'h' } }),
        ),
      ).toEqual({ code: 'UNKNOWN_SERVICE', field: 'service.id' });
      await world().repos.hotlines.delete(accountId, 'h');
      expect(await world().repos.callbackSettings.callbackSettings(accountId, settings.service)).toBeUndefined();
      expect(await world().repos.callbackSettings.deleteCallbackSettings(accountId, settings.service)).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('schedule version', () => {
    it('reads the version alone: 0 when new, one more per change, undefined for an unknown hotline', async () => {
      const accountId = await world().newAccount();
      await world().hotline(accountId, 'h');
      const before = await world().repos.scheduleVersions.scheduleVersion(accountId, 'h');
      await world().repos.schedule.applyChange(accountId, 'h', {
        expectedVersion: 0,
        change: { added: [], updated: [], removedIds: [] },
      });

      expect([
        before,
        await world().repos.scheduleVersions.scheduleVersion(accountId, 'h'),
        await world().repos.scheduleVersions.scheduleVersion(accountId, 'nope'),
      ]).toEqual([0, 1, undefined]);
    });
  });
}
