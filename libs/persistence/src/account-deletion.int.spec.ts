/**
 * Deleting an account (tests, benchmarks, and an operator closing a tenant) on SQLite and MariaDB:
 * every row of it goes, children first, and nothing of another account.
 */
import { BACKENDS_UNDER_TEST } from './contract/backends';
import { World, personRef, slot } from './contract/world';
import { accountTablesChildrenFirst, deleteAccount } from './database/account-deletion';

for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend = makeBackend();
  describeOn(`account deletion on ${backend.name}`, () => {
    let world: World;

    beforeAll(async () => {
      world = new World(await backend.connect());
    });
    afterEach(async () => world.cleanUp());
    afterAll(async () => {
      await world.dataSource.destroy();
      await backend.finish();
    });

    /** An account with a person, a team, a hotline with a supervisor and a slot, and a call. */
    async function populated(): Promise<string> {
      const accountId = await world.newAccount();
      const alice = await world.person(accountId, `${accountId}-alice`);
      await world.team(accountId, `${accountId}-crew`, { memberIds: [alice.id] });
      const hotline = await world.hotline(accountId, `${accountId}-hl`, { supervisorIds: [alice.id] });
      await world.repos.schedule.applyChange(accountId, hotline.id, {
        expectedVersion: 0,
        change: {
          added: [
            slot(`${accountId}-slot`, hotline.id, {
              start: '2027-03-27T22:00',
              end: '2027-03-28T06:00',
              assignees: [personRef(alice.id)],
            }),
          ],
          updated: [],
          removedIds: [],
        },
      });
      await world.dataSource.query(
        'INSERT INTO calls (id, account_id, hotline_id, hotline_number, carrier, carrier_call_id, caller, outcome, answered_by, started_at, version, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          `${accountId}-call`,
          accountId,
          hotline.id,
          hotline.number.e164,
          'vonage',
          `${accountId}-leg`,
          null,
          'in-progress',
          null,
          0,
          1,
          '{}',
        ],
      );
      return accountId;
    }

    const rowsOf = async (accountId: string) => {
      const counts: Record<string, number> = {};
      for (const table of accountTablesChildrenFirst(world.dataSource)) {
        const [row] = await world.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`, [
          accountId,
        ]);
        if (Number(row.n) > 0) counts[table] = Number(row.n);
      }
      const [account] = await world.dataSource.query('SELECT COUNT(*) AS n FROM accounts WHERE id = ?', [accountId]);
      return { ...counts, accounts: Number(account.n) };
    };

    it('deletes every row of the account and leaves the other account whole', async () => {
      const [doomed, kept] = [await populated(), await populated()];
      const before = await rowsOf(kept);
      expect(before).toMatchObject({ people: 1, teams: 1, hotlines: 1, slots: 1, calls: 1, accounts: 1 });
      await deleteAccount(world.dataSource, doomed);
      expect(await rowsOf(doomed)).toEqual({ accounts: 0 });
      expect(await rowsOf(kept)).toEqual(before);
    });
  });
}
