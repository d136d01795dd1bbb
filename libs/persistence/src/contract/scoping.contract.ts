import { EmailAddress, LocalDateTime, OFFICE_HOURS, callbackPolicy, parseInstant, person } from '@dutyline/domain';
import { ContractContext } from './context';
import { override, personRef, refusal, slot } from './world';

const week = { start: LocalDateTime.parse('2027-03-22T00:00'), end: LocalDateTime.parse('2027-03-29T00:00') };
const NOTHING = { ok: false, error: { code: 'NOT_FOUND' } };
const HB = { kind: 'hotline' as const, id: 'hb' };

/**
 * Account B holds one of everything; account A asks for B's ids through every repository and
 * finds nothing, changes nothing, and may reuse the same ids for its own rows.
 */
export function scopingContract({ world }: ContractContext): void {
  describe("another account's ids behave as absent", () => {
    async function twoAccounts() {
      const a = await world().newAccount();
      const b = await world().newAccount();
      await world().person(b, 'bea');
      await world().team(b, 'crew', { memberIds: ['bea'] });
      await world().hotline(b, 'hb', { supervisorIds: ['bea'] });
      await world().repos.schedule.applyChange(b, 'hb', {
        expectedVersion: 0,
        change: {
          added: [
            slot('sb', 'hb', { start: '2027-03-23T08:00', end: '2027-03-23T18:00', assignees: [personRef('bea')] }),
          ],
          updated: [],
          removedIds: [],
        },
      });
      await world().repos.schedule.saveOverride(
        b,
        override('ob', 'hb', {
          start: '2027-03-23T10:00:00Z',
          end: '2027-03-23T11:00:00Z',
          assignees: [personRef('bea')],
        }),
      );
      await world().repos.accounts.saveUser({
        id: 'ub',
        accountId: b,
        email: EmailAddress.parse('bea@example.org'),
        name: 'Bea',
        role: 'admin',
        passwordHash: 'x',
        createdAt: 0,
      });
      await world().repos.apiKeys.createApiKey({
        id: 'kb',
        accountId: b,
        name: 'B key',
        prefix: `dl_${b}`.slice(0, 32),
        hash: 'h',
        role: 'admin',
        createdAt: 0,
        revokedAt: null,
        lastUsedAt: null,
      });
      await world().repos.audit.append([
        {
          id: 'lb',
          accountId: b,
          actor: { kind: 'system', id: null },
          action: 'x',
          entityType: 'person',
          entityId: 'bea',
          before: null,
          after: null,
          at: 0,
        },
      ]);
      await world().repos.patterns.savePattern({ ...OFFICE_HOURS, id: 'pb', accountId: b });
      await world().repos.callbackSettings.saveCallbackSettings({
        accountId: b,
        service: HB,
        policy: callbackPolicy({}),
        updatedAt: 0,
      });
      return { a, b };
    }

    it('reads nothing of B from A', async () => {
      const { a } = await twoAccounts();
      const {
        people,
        teams,
        hotlines,
        schedule,
        scheduleVersions,
        accounts,
        audit,
        apiKeys,
        patterns,
        callbackSettings,
      } = world().repos;

      expect([
        await people.person(a, 'bea'),
        await people.peopleByIds(a, ['bea']),
        (await people.listPeople(a)).items,
        await teams.team(a, 'crew'),
        await teams.teamsByIds(a, ['crew']),
        (await teams.listTeams(a)).items,
        await hotlines.byId(a, 'hb'),
        (await hotlines.list(a)).items,
        await schedule.slots(a, 'hb', week),
        await schedule.slotsByIds(a, 'hb', ['sb']),
        await schedule.overrides(a, 'hb', {
          from: parseInstant('2027-03-20T00:00:00Z'),
          to: parseInstant('2027-03-30T00:00:00Z'),
        }),
        await accounts.user(a, 'ub'),
        await accounts.userByEmail(a, EmailAddress.parse('bea@example.org')),
        (await accounts.listUsers(a)).items,
        await apiKeys.apiKeys(a),
        (await audit.list(a)).items,
        await scheduleVersions.scheduleVersion(a, 'hb'),
        await patterns.pattern(a, 'pb'),
        (await patterns.listPatterns(a)).items,
        await callbackSettings.callbackSettings(a, HB),
      ]).toEqual([
        undefined,
        [],
        [],
        undefined,
        [],
        [],
        undefined,
        [],
        undefined,
        undefined,
        [],
        undefined,
        undefined,
        [],
        [],
        [],
        undefined,
        undefined,
        [],
        undefined,
      ]);
    });

    it('changes nothing of B from A', async () => {
      const { a, b } = await twoAccounts();
      const { people, teams, hotlines, schedule, apiKeys, patterns, callbackSettings } = world().repos;

      expect([
        await people.deletePerson(a, 'bea'),
        await teams.deleteTeam(a, 'crew'),
        await hotlines.delete(a, 'hb'),
        await schedule.endOverride(a, 'hb', { id: 'ob', at: 0 }),
        await schedule.deleteOverride(a, 'hb', 'ob'),
        await apiKeys.revokeApiKey(a, 'kb', 1),
        await patterns.deletePattern(a, 'pb'),
        await callbackSettings.deleteCallbackSettings(a, HB),
      ]).toEqual([NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING]);
      await apiKeys.touchApiKey(a, 'kb', 5);
      expect([
        await refusal(() =>
          schedule.applyChange(a, 'hb', { expectedVersion: 1, change: { added: [], updated: [], removedIds: ['sb'] } }),
        ),
        await refusal(() =>
          schedule.saveOverride(
            a,
            override('ob', 'hb', {
              start: '2027-03-23T10:00:00Z',
              end: '2027-03-23T12:00:00Z',
              assignees: [personRef('bea')],
            }),
          ),
        ),
        await refusal(() => world().team(a, 'mine', { memberIds: ['bea'] })),
        await refusal(() => world().hotline(a, 'ha', { supervisorIds: ['bea'] })),
        await refusal(() =>
          callbackSettings.saveCallbackSettings({
            accountId: a,
            service: HB,
            policy: callbackPolicy({}),
            updatedAt: 1,
          }),
        ),
      ]).toEqual([
        { code: 'UNKNOWN_HOTLINE', field: 'hotlineId' },
        { code: 'UNKNOWN_HOTLINE', field: 'hotlineId' },
        { code: 'UNKNOWN_PERSON', field: 'memberIds[0]' },
        { code: 'UNKNOWN_PERSON', field: 'supervisorIds[0]' },
        { code: 'UNKNOWN_SERVICE', field: 'service.id' },
      ]);

      const keyOfB = (await apiKeys.apiKeys(b))[0];
      expect([
        (await people.person(b, 'bea'))?.id,
        (await teams.team(b, 'crew'))?.id,
        (await schedule.slots(b, 'hb', week))?.slots.map((s) => s.id),
        (await schedule.overrides(b, 'hb', { from: 0, to: parseInstant('2030-01-01T00:00:00Z') })).map((o) => [
          o.id,
          o.end,
        ]),
        [keyOfB.revokedAt, keyOfB.lastUsedAt],
        (await patterns.pattern(b, 'pb'))?.id,
        (await callbackSettings.callbackSettings(b, HB))?.updatedAt,
      ]).toEqual(['bea', 'crew', ['sb'], [['ob', parseInstant('2027-03-23T11:00:00Z')]], [null, null], 'pb', 0]);
    });

    it("refuses B's people on A's slots and overrides", async () => {
      const { a } = await twoAccounts();
      await world().hotline(a, 'ha');

      expect([
        await refusal(() =>
          world().repos.schedule.applyChange(a, 'ha', {
            expectedVersion: 0,
            change: {
              added: [
                slot('s1', 'ha', { start: '2027-03-23T08:00', end: '2027-03-23T18:00', assignees: [personRef('bea')] }),
              ],
              updated: [],
              removedIds: [],
            },
          }),
        ),
        await refusal(() =>
          world().repos.schedule.saveOverride(
            a,
            override('o1', 'ha', {
              start: '2027-03-23T10:00:00Z',
              end: '2027-03-23T11:00:00Z',
              assignees: [personRef('bea')],
            }),
          ),
        ),
      ]).toEqual([
        { code: 'UNKNOWN_ASSIGNEE', field: 'added[0].assignees[0].id' },
        { code: 'UNKNOWN_ASSIGNEE', field: 'assignees[0].id' },
      ]);
    });

    it('keeps rows of the same id in two accounts apart', async () => {
      const { a, b } = await twoAccounts();
      await world().repos.people.savePerson(
        person({ id: 'bea', accountId: a, name: 'Another Bea', colour: '#ff7f0e' }),
      );
      await world().repos.people.savePerson(
        person({ id: 'bea', accountId: a, name: 'Another Bea, renamed', colour: '#ff7f0e' }),
      );

      expect([
        (await world().repos.people.person(a, 'bea'))?.name,
        (await world().repos.people.person(b, 'bea'))?.name,
      ]).toEqual(['Another Bea, renamed', 'Person bea']);
    });
  });
}
