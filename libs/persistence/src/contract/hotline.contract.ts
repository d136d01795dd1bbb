import { hotline } from '@dutyline/domain';
import { ContractContext } from './context';
import { personRef, refusal, slot, uniqueE164 } from './world';

/** Hotlines: every setting round-trips, numbers are unique across accounts. */
export function hotlineContract({ world }: ContractContext): void {
  describe('hotlines', () => {
    it('round-trips every setting: zone, language, ordered supervisors, weekly hours, scenario, greeting, confirmation, caller id, level strategies', async () => {
      const accountId = await world().newAccount();
      for (const id of ['sup2', 'sup1']) await world().person(accountId, id);
      const full = hotline({
        id: 'lord-howe',
        accountId,
        name: 'Île Lord Howe — astreinte',
        number: uniqueE164(),
        timeZone: 'Australia/Lord_Howe',
        language: 'fr-FR',
        supervisorIds: ['sup2', 'sup1'],
        serviceHours: {
          windows: [
            { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '18:00', end: '08:00' },
            { days: ['SAT', 'SUN'], start: '00:00', end: '00:00' },
          ],
        },
        scenario: [
          { kind: 'supervisors' },
          { kind: 'message', message: { text: 'Rappelez plus tard, merci.', language: 'fr-CA' } },
        ],
        greeting: { audioUrl: 'https://example.com/greeting.mp3' },
        requireAnswerConfirmation: false,
        callerIdMode: 'caller',
        levelStrategies: ['all-at-once', 'in-order', 'balanced'],
      });
      expect(await world().repos.hotlines.save(full)).toEqual({ ok: true, value: undefined });

      expect(await world().repos.hotlines.byId(accountId, 'lord-howe')).toEqual(full);
      expect(await world().repos.hotlines.byNumber(full.number.e164)).toEqual(full);
    });

    it('round-trips the defaults: always in service, supervisors then voicemail, spoken greeting', async () => {
      const accountId = await world().newAccount();
      const plain = await world().hotline(accountId, 'plain', {
        timeZone: 'Asia/Tokyo',
        greeting: { text: 'Bonjour' },
      });

      expect(await world().repos.hotlines.byId(accountId, 'plain')).toEqual(plain);
    });

    it('refuses a number another hotline answers, in any account, and frees a number once changed', async () => {
      const a = await world().newAccount();
      const b = await world().newAccount();
      const first = await world().hotline(a, 'first');
      const copy = hotline({
        id: 'copy',
        accountId: b,
        name: 'Copy',
        number: first.number.e164,
        timeZone: 'Europe/Paris',
      });

      expect(await world().repos.hotlines.save(copy)).toEqual({ ok: false, error: { code: 'NUMBER_TAKEN' } });
      expect(await world().repos.hotlines.save({ ...first, name: 'First, renamed' })).toEqual({
        ok: true,
        value: undefined,
      });
      const moved = hotline({
        id: 'first',
        accountId: a,
        name: 'First',
        number: uniqueE164(),
        timeZone: 'Europe/Paris',
      });
      await world().repos.hotlines.save(moved);
      expect(await world().repos.hotlines.save(copy)).toEqual({ ok: true, value: undefined });
      expect((await world().repos.hotlines.byNumber(first.number.e164))?.accountId).toBe(b);
    });

    it('answers no hotline for a number nobody uses', async () => {
      expect(await world().repos.hotlines.byNumber(uniqueE164())).toBeUndefined();
    });

    it('refuses a supervisor who is not a person of the account', async () => {
      const accountId = await world().newAccount();
      expect(await refusal(() => world().hotline(accountId, 'h', { supervisorIds: ['ghost'] }))).toEqual({
        code: 'UNKNOWN_PERSON',
        field: 'supervisorIds[0]',
      });
    });

    it('pages through hotlines by name', async () => {
      const accountId = await world().newAccount();
      for (const [id, name] of [
        ['h3', 'Zürich'],
        ['h1', 'ateliers'],
        ['h2', 'Bureaux'],
      ])
        await world().hotline(accountId, id, { name });

      const first = await world().repos.hotlines.list(accountId, { first: 2 });
      const second = await world().repos.hotlines.list(accountId, { first: 2, after: first.nextCursor });
      expect([first.items.map((h) => h.name), second.items.map((h) => h.name), second.nextCursor]).toEqual([
        ['ateliers', 'Bureaux'],
        ['Zürich'],
        null,
      ]);
    });

    it('deletes a hotline with its schedule and overrides', async () => {
      const accountId = await world().newAccount();
      await world().person(accountId, 'a');
      const h = await world().hotline(accountId, 'h');
      await world().repos.schedule.applyChange(accountId, 'h', {
        expectedVersion: 0,
        change: {
          added: [slot('s1', 'h', { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [personRef('a')] })],
          updated: [],
          removedIds: [],
        },
      });

      expect(await world().repos.hotlines.delete(accountId, 'h')).toEqual({ ok: true, value: undefined });
      expect(await world().repos.hotlines.byNumber(h.number.e164)).toBeUndefined();
      expect(await world().repos.schedule.slotsByIds(accountId, 'h', ['s1'])).toBeUndefined();
      expect(await world().repos.hotlines.delete(accountId, 'h')).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await world().repos.people.deletePerson(accountId, 'a')).toEqual({ ok: true, value: undefined });
    });
  });
}
