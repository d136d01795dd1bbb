import { CallEntryInput, callEntry, hotline, parseInstant } from '@dutyline/domain';
import { SqlCallEntryRepository } from '../repositories/call-entry.repository';
import { ContractContext } from './context';
import { uniqueE164 } from './world';

/** Call entries (F25): the document round-trips, extra numbers are unique everywhere, the hotline owns them. */
export function callEntriesContract({ world }: ContractContext): void {
  describe('call entries', () => {
    const repository = () => new SqlCallEntryRepository(world().dataSource);
    const AT = parseInstant('2027-03-28T01:30:00.250Z');

    const full = (hotlineId: string, extraNumbers: string[]): CallEntryInput => ({
      hotlineId,
      extraNumbers,
      rules: [
        { dialled: extraNumbers[0], target: { kind: 'front' } },
        {
          hours: { windows: [{ days: ['MON', 'FRI'], start: '18:00', end: '08:00' }] },
          target: { kind: 'hotline', hotlineId: 'other' },
        },
      ],
      front: {
        kind: 'keyed',
        prompt: { text: 'Tapez votre code postal', language: 'fr-FR' },
        maxDigits: 5,
        matches: [
          { prefix: '75', target: { kind: 'line' } },
          { from: '01000', to: '01999', target: { kind: 'hotline', hotlineId: 'other' } },
        ],
        defaultTarget: { kind: 'line' },
        timeoutSeconds: 7,
      },
    });

    it('round-trips an entry with its rules, keyed number and extra numbers in order, and replaces it', async () => {
      const accountId = await world().newAccount();
      await world().hotline(accountId, 'main');
      await world().hotline(accountId, 'other');
      const numbers = [uniqueE164(), uniqueE164()];
      const stored = { accountId, entry: callEntry(full('main', numbers)), updatedAt: AT };
      expect(await repository().saveCallEntry(stored)).toEqual({ ok: true, value: undefined });
      expect(await repository().callEntry(accountId, 'main')).toEqual(stored);
      expect(await repository().extraNumber(numbers[1])).toEqual({ accountId, hotlineId: 'main' });

      const menu = callEntry({
        hotlineId: 'main',
        extraNumbers: [numbers[1]],
        front: {
          kind: 'menu',
          prompt: { audioUrl: 'https://example.com/menu.mp3' },
          choices: [{ key: '2', label: 'Lifts', target: { kind: 'hotline', hotlineId: 'other' } }],
          defaultTarget: { kind: 'line' },
        },
      });
      await repository().saveCallEntry({ accountId, entry: menu, updatedAt: AT + 1 });
      expect(await repository().callEntry(accountId, 'main')).toEqual({ accountId, entry: menu, updatedAt: AT + 1 });
      expect(await repository().extraNumber(numbers[0])).toBeUndefined();
    });

    it("refuses a number that is a hotline's own or another hotline's extra number, naming its index", async () => {
      const accountId = await world().newAccount();
      const main = await world().hotline(accountId, 'main');
      const other = await world().hotline(accountId, 'other');
      const elsewhere = await world().newAccount();
      await world().hotline(elsewhere, 'far');
      const shared = uniqueE164();
      await repository().saveCallEntry({
        accountId: elsewhere,
        entry: callEntry({ hotlineId: 'far', extraNumbers: [shared] }),
        updatedAt: AT,
      });
      const save = (extraNumbers: string[]) =>
        repository().saveCallEntry({ accountId, entry: callEntry({ hotlineId: 'main', extraNumbers }), updatedAt: AT });

      expect(await save([uniqueE164(), other.number.e164])).toEqual({
        ok: false,
        error: { code: 'NUMBER_TAKEN', index: 1 },
      });
      expect(await save([main.number.e164])).toEqual({ ok: false, error: { code: 'NUMBER_TAKEN', index: 0 } });
      expect(await save([shared])).toEqual({ ok: false, error: { code: 'NUMBER_TAKEN', index: 0 } });
      expect(await repository().callEntry(accountId, 'main')).toBeUndefined();
      expect(await repository().extraNumber(shared)).toEqual({ accountId: elsewhere, hotlineId: 'far' });
    });

    it("refuses a hotline whose number is already an entry's extra number", async () => {
      const accountId = await world().newAccount();
      await world().hotline(accountId, 'main');
      const extra = uniqueE164();
      await repository().saveCallEntry({
        accountId,
        entry: callEntry({ hotlineId: 'main', extraNumbers: [extra] }),
        updatedAt: AT,
      });
      const elsewhere = await world().newAccount();
      const taken = hotline({
        id: 'copy',
        accountId: elsewhere,
        name: 'Copy',
        number: extra,
        timeZone: 'Europe/Paris',
      });
      expect(await world().repos.hotlines.save(taken)).toEqual({ ok: false, error: { code: 'NUMBER_TAKEN' } });
      expect(await world().repos.hotlines.byNumber(extra)).toBeUndefined();
    });

    it('refuses a hotline of another account, and forgets the entry with its hotline', async () => {
      const accountId = await world().newAccount();
      const elsewhere = await world().newAccount();
      await world().hotline(elsewhere, 'far');
      await expect(
        repository().saveCallEntry({ accountId, entry: callEntry({ hotlineId: 'far' }), updatedAt: AT }),
      ).rejects.toMatchObject({ code: 'UNKNOWN_HOTLINE', field: 'hotlineId' });

      await world().hotline(accountId, 'h');
      const number = uniqueE164();
      await repository().saveCallEntry({
        accountId,
        entry: callEntry({ hotlineId: 'h', extraNumbers: [number] }),
        updatedAt: AT,
      });
      expect(await repository().callEntry(elsewhere, 'h')).toBeUndefined();
      expect(await world().repos.hotlines.delete(accountId, 'h')).toEqual({ ok: true, value: undefined });
      expect(await repository().callEntry(accountId, 'h')).toBeUndefined();
      expect(await repository().extraNumber(number)).toBeUndefined();
      expect(await repository().deleteCallEntry(accountId, 'h')).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
}
