import { AuditEntry, parseInstant } from '@dutyline/domain';
import { ContractContext } from './context';

/** An entry at `at` (text); `overrides` replace the other fields. */
function anEntry(
  accountId: string,
  id: string,
  { at, ...overrides }: { at: string } & Partial<Omit<AuditEntry, 'at'>>,
): AuditEntry {
  return {
    id,
    accountId,
    actor: { kind: 'user', id: 'u1' },
    action: 'person.updated',
    entityType: 'person',
    entityId: 'alice',
    before: { name: 'Alice', numbers: ['+33612345678'], enabled: true, ringTimeout: 25 },
    after: { name: 'Alice B.', numbers: [], enabled: false, ringTimeout: null },
    at: parseInstant(at),
    ...overrides,
  };
}

/** The audit log: append, filter, page. */
export function auditContract({ world }: ContractContext): void {
  describe('audit log', () => {
    it('round-trips entries with their JSON before and after, newest first', async () => {
      const accountId = await world().newAccount();
      const older = anEntry(accountId, 'a1', { at: '2027-03-27T10:00:00.001Z' });
      const newer = anEntry(accountId, 'a2', {
        at: '2027-03-27T10:00:00.002Z',
        actor: { kind: 'system', id: null },
        before: null,
        after: 'text',
      });
      await world().repos.audit.append([older, newer]);

      expect(await world().repos.audit.list(accountId)).toEqual({ items: [newer, older], nextCursor: null });
    });

    it.each([
      [{ entityType: 'slot' }, ['a3']],
      [{ entityId: 'bob' }, ['a4']],
      [{ actorId: 'key-1' }, ['a4']],
      [{ action: 'slot.moved' }, ['a3']],
      [{ from: parseInstant('2027-03-27T11:00:00Z') }, ['a4', 'a3']],
      [{ to: parseInstant('2027-03-27T11:00:00Z') }, ['a2', 'a1']],
      [{ entityType: 'person', from: parseInstant('2027-03-27T10:30:00Z') }, ['a4', 'a2']],
    ])('filters by %j', async (filter, expected) => {
      const accountId = await world().newAccount();
      await world().repos.audit.append([
        anEntry(accountId, 'a1', { at: '2027-03-27T10:00:00Z' }),
        anEntry(accountId, 'a2', { at: '2027-03-27T10:30:00Z' }),
        anEntry(accountId, 'a3', {
          at: '2027-03-27T11:00:00Z',
          entityType: 'slot',
          entityId: 's1',
          action: 'slot.moved',
        }),
        anEntry(accountId, 'a4', {
          at: '2027-03-27T12:00:00Z',
          entityId: 'bob',
          actor: { kind: 'api-key', id: 'key-1' },
        }),
      ]);

      expect((await world().repos.audit.list(accountId, filter)).items.map((e) => e.id)).toEqual(expected);
    });

    it('pages newest first, entries of the same instant ordered by id', async () => {
      const accountId = await world().newAccount();
      await world().repos.audit.append(
        ['a1', 'a2', 'a3', 'a4', 'a5'].map((id, i) =>
          anEntry(accountId, id, { at: i < 3 ? '2027-03-27T10:00:00Z' : '2027-03-27T09:00:00Z' }),
        ),
      );
      const pages: string[][] = [];
      let after: string | null = null;
      do {
        const page = await world().repos.audit.list(accountId, {}, { first: 2, after });
        pages.push(page.items.map((e) => e.id));
        after = page.nextCursor;
      } while (after !== null && pages.length < 10);

      expect(pages).toEqual([['a3', 'a2'], ['a1', 'a5'], ['a4']]);
    });
  });
}
