/**
 * The bulk load (benchmark fleets) on SQLite and MariaDB: what it writes the repositories read back
 * as given, calls included, and accounts are found by a literal id prefix.
 */
import {
  CallPlan,
  LocalDateTime,
  hotline,
  override,
  parseInstant,
  person,
  startCallTimeline,
  startEscalation,
  team,
} from '@dutyline/domain';
import { uniqueName } from '@dutyline/test-support';
import { BACKENDS_UNDER_TEST } from './contract/backends';
import { World } from './contract/world';
import { deleteAccount } from './database/account-deletion';
import { SqlBulkLoad } from './database/bulk-load';
import { CallDocument } from './mappers/call.mapper';
import { SqlCallStore } from './repositories/call.repository';

const T0 = parseInstant('2026-10-24T21:00:00Z');

function bulkAccount(accountId: string) {
  const alice = person({
    id: 'alice',
    accountId,
    name: 'Alice',
    colour: '#1f77b4',
    contactNumbers: [{ number: '+33612345678' }, { number: '+447400123456', enabled: false }],
  });
  const bob = person({
    id: 'bob',
    accountId,
    name: 'Bob',
    colour: '#ff7f0e',
    contactNumbers: [{ number: '+33698765432' }],
  });
  const line = hotline({
    id: 'hl-1',
    accountId,
    name: 'Chaufferie',
    number: `+3397${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`,
    timeZone: 'Europe/Paris',
    supervisorIds: ['bob'],
  });
  const night = {
    id: 'slot-1',
    hotlineId: 'hl-1',
    // The night the clocks go back in Paris.
    start: LocalDateTime.parse('2026-10-24T23:00'),
    end: LocalDateTime.parse('2026-10-25T08:00'),
    assignees: [
      { kind: 'person' as const, id: 'alice' },
      { kind: 'team' as const, id: 'duo' },
      { kind: 'person' as const, id: 'bob' },
    ],
  };
  const swap = override({
    id: 'ov-1',
    hotlineId: 'hl-1',
    start: T0,
    end: T0 + 3_600_000,
    assignees: [{ kind: 'person', id: 'bob' }],
    level: 0,
    createdAt: T0 - 60_000,
  });
  const duo = team({ id: 'duo', accountId, name: 'Duo', colour: '#2ca02c', memberIds: ['bob', 'alice'] });
  return {
    account: { id: accountId, name: 'Bulk', createdAt: T0 },
    people: [alice, bob],
    teams: [duo],
    hotlines: [line],
    slots: [night],
    overrides: [swap],
  };
}

function aCall(id: string, accountId: string, number: string): CallDocument {
  const plan: CallPlan = {
    hotline: { id: 'hl-1', accountId, name: 'Chaufferie', number, language: 'fr-FR' },
    at: T0,
    slotId: 'slot-1',
    overrideIds: [],
    greeting: null,
    requireAnswerConfirmation: true,
    callerIdMode: 'hotline',
    steps: [{ kind: 'voicemail', greeting: null }],
  };
  const { state } = startEscalation(plan, id);
  return {
    id,
    version: 1,
    accountId,
    hotlineId: 'hl-1',
    hotlineNumber: number,
    carrier: 'vonage',
    carrierCallId: id,
    caller: null,
    planSource: 'schedule',
    state,
    timeline: startCallTimeline(state, T0),
    comments: [],
  };
}

for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend = makeBackend();
  describeOn(`bulk load on ${backend.name}`, () => {
    let world: World;
    const mine: string[] = [];
    beforeAll(async () => {
      world = new World(await backend.connect());
    });
    afterEach(async () => {
      for (const id of mine.splice(0)) await deleteAccount(world.dataSource, id);
    });
    afterAll(async () => {
      await world.dataSource.destroy();
      await backend.finish();
    });

    it('writes an account the repositories read back as given, and its calls', async () => {
      const accountId = uniqueName('bulk');
      mine.push(accountId);
      const bulk = bulkAccount(accountId);
      const load = new SqlBulkLoad(world.dataSource);
      expect(await load.account(bulk)).toMatchObject({ accounts: 1, people: 2, person_numbers: 3, slot_assignees: 3 });
      const calls = [aCall(uniqueName('call'), accountId, bulk.hotlines[0].number.e164)];
      expect(await load.calls(calls)).toBe(1);

      const repos = world.repos;
      expect(await repos.people.peopleByIds(accountId, ['alice', 'bob'])).toEqual(bulk.people);
      expect(await repos.hotlines.byNumber(bulk.hotlines[0].number.e164)).toEqual(bulk.hotlines[0]);
      expect(await repos.teams.teamsByIds(accountId, ['duo'])).toEqual(bulk.teams);
      const week = { start: LocalDateTime.parse('2026-10-19T00:00'), end: LocalDateTime.parse('2026-10-26T00:00') };
      expect(await repos.schedule.slots(accountId, 'hl-1', week)).toEqual({ slots: bulk.slots, version: 0 });
      expect(await repos.schedule.overrides(accountId, 'hl-1', { from: T0, to: T0 + 1000 })).toEqual(bulk.overrides);
      expect(await new SqlCallStore(world.dataSource).load(calls[0].id)).toEqual(calls[0]);
    });

    it('finds accounts by a literal id prefix (_ and % are no wildcards)', async () => {
      const prefix = uniqueName('bulk_%');
      const ids = [`${prefix}1`, `${prefix}2`];
      const lookalike = prefix.replace('_%', 'x%');
      for (const id of [...ids, lookalike]) {
        mine.push(id);
        await world.repos.accounts.createAccount({ id, name: id, createdAt: T0 });
      }
      expect(await new SqlBulkLoad(world.dataSource).accountIdsStartingWith(prefix)).toEqual(ids);
    });
  });
}
