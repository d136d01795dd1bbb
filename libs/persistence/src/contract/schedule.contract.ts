import { LocalDateTime, ScheduleChange, VersionConflictError, parseInstant } from '@dutyline/domain';
import { ContractContext } from './context';
import { World, override, personRef, refusal, slot, slotLine, teamRef } from './world';

const NO_CHANGE: ScheduleChange = { added: [], updated: [], removedIds: [] };
const range = (start: string, end: string) => ({ start: LocalDateTime.parse(start), end: LocalDateTime.parse(end) });

/** An account with people alice, bob, carol, team `night` and the Paris hotline `h` (version 0). */
async function parisSchedule(world: World): Promise<string> {
  const accountId = await world.newAccount();
  for (const id of ['alice', 'bob', 'carol']) await world.person(accountId, id);
  await world.team(accountId, 'night', { memberIds: ['bob', 'carol'] });
  await world.hotline(accountId, 'h', { timeZone: 'Europe/Paris' });
  return accountId;
}

/** Slots, their versioned changes and overrides. */
export function scheduleContract({ world, backend }: ContractContext): void {
  describe('slots', () => {
    it('starts a new hotline at version 0 with no slots', async () => {
      const accountId = await parisSchedule(world());
      expect(await world().repos.schedule.slots(accountId, 'h', range('2027-01-01T00:00', '2028-01-01T00:00'))).toEqual(
        { slots: [], version: 0 },
      );
    });

    it.each([
      ['spring forward, Paris', '2027-03-28T01:30', '2027-03-28T02:30', '2027-03-28T03:30'],
      ['fall back, Paris', '2027-10-31T01:00', '2027-10-31T02:30', '2027-10-31T03:00'],
    ])(
      'round-trips slots on the night clocks change (%s) exactly as their wall-clock times',
      async (_night, start, middle, end) => {
        const accountId = await parisSchedule(world());
        const added = [
          slot('before', 'h', { start, end: middle, assignees: [personRef('alice'), teamRef('night')] }),
          slot('after', 'h', {
            start: middle,
            end,
            assignees: [teamRef('night'), personRef('alice'), personRef('bob')],
          }),
        ];
        expect(
          await world().repos.schedule.applyChange(accountId, 'h', {
            expectedVersion: 0,
            change: { ...NO_CHANGE, added },
          }),
        ).toEqual({
          version: 1,
        });

        expect(await world().repos.schedule.slots(accountId, 'h', range(start, end))).toEqual({
          slots: added,
          version: 1,
        });
      },
    );

    describe('range queries are half-open at both edges', () => {
      const night = slot('night', 'h', {
        start: '2027-03-27T22:00',
        end: '2027-03-28T06:00',
        assignees: [personRef('alice')],
      });
      const day = slot('day', 'h', {
        start: '2027-03-28T06:00',
        end: '2027-03-28T22:00',
        assignees: [personRef('bob')],
      });

      it.each([
        ['ends where the night starts', '2027-03-27T12:00', '2027-03-27T22:00', []],
        ['starts where the night ends', '2027-03-28T06:00', '2027-03-28T07:00', ['day']],
        ["takes the night's last minute", '2027-03-28T05:59', '2027-03-28T06:00', ['night']],
        ["takes the night's first minute", '2027-03-27T22:00', '2027-03-27T22:01', ['night']],
        ['lies inside the night', '2027-03-28T02:00', '2027-03-28T03:00', ['night']],
        ['spans both', '2027-03-27T00:00', '2027-03-29T00:00', ['night', 'day']],
        ['starts when the day ends', '2027-03-28T22:00', '2027-03-29T22:00', []],
      ])('a range that %s', async (_case, start, end, expected) => {
        const accountId = await parisSchedule(world());
        await world().repos.schedule.applyChange(accountId, 'h', {
          expectedVersion: 0,
          change: { ...NO_CHANGE, added: [day, night] },
        });

        const view = await world().repos.schedule.slots(accountId, 'h', range(start, end));
        expect(view?.slots.map((s) => s.id)).toEqual(expected);
      });
    });

    it('applies updates and removals, replacing assignees in their new order, and moves the version on', async () => {
      const accountId = await parisSchedule(world());
      await world().repos.schedule.applyChange(accountId, 'h', {
        expectedVersion: 0,
        change: {
          ...NO_CHANGE,
          added: [
            slot('s1', 'h', { start: '2027-03-27T08:00', end: '2027-03-27T18:00', assignees: [personRef('alice')] }),
            slot('s2', 'h', {
              start: '2027-03-27T18:00',
              end: '2027-03-28T08:00',
              assignees: [personRef('bob'), personRef('carol')],
            }),
            slot('s3', 'h', { start: '2027-03-28T08:00', end: '2027-03-28T18:00', assignees: [teamRef('night')] }),
          ],
        },
      });
      const { version } = await world().repos.schedule.applyChange(accountId, 'h', {
        expectedVersion: 1,
        change: {
          added: [
            slot('s4', 'h', { start: '2027-03-28T18:00', end: '2027-03-29T08:00', assignees: [personRef('alice')] }),
          ],
          updated: [
            slot('s2', 'h', {
              start: '2027-03-27T20:00',
              end: '2027-03-28T08:00',
              assignees: [personRef('carol'), teamRef('night')],
            }),
          ],
          removedIds: ['s3'],
        },
      });

      const view = await world().repos.schedule.slots(accountId, 'h', range('2027-03-27T00:00', '2027-03-30T00:00'));
      expect([version, view?.version, ...(view?.slots ?? []).map(slotLine)]).toEqual([
        2,
        2,
        's1 2027-03-27T08:00→2027-03-27T18:00 person:alice',
        's2 2027-03-27T20:00→2027-03-28T08:00 person:carol,team:night',
        's4 2027-03-28T18:00→2027-03-29T08:00 person:alice',
      ]);
      expect(
        (await world().repos.schedule.slotsByIds(accountId, 'h', ['s4', 's3', 's1']))?.slots.map((s) => s.id),
      ).toEqual(['s4', 's1']);
    });

    it('refuses a change made on a stale version, writing nothing', async () => {
      const accountId = await parisSchedule(world());
      await world().repos.schedule.applyChange(accountId, 'h', {
        expectedVersion: 0,
        change: {
          ...NO_CHANGE,
          added: [
            slot('s1', 'h', { start: '2027-03-27T08:00', end: '2027-03-27T18:00', assignees: [personRef('alice')] }),
          ],
        },
      });

      await expect(
        world().repos.schedule.applyChange(accountId, 'h', {
          expectedVersion: 0,
          change: { ...NO_CHANGE, removedIds: ['s1'] },
        }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      const view = await world().repos.schedule.slots(accountId, 'h', range('2027-03-27T00:00', '2027-03-28T00:00'));
      expect([view?.version, view?.slots.map((s) => s.id)]).toEqual([1, ['s1']]);
    });

    it.each<[string, (existing: ReturnType<typeof slot>) => ScheduleChange, { code: string; field: string }]>([
      [
        'a slot of another hotline',
        () => ({
          ...NO_CHANGE,
          added: [
            slot('x', 'other', { start: '2027-03-28T08:00', end: '2027-03-28T09:00', assignees: [personRef('alice')] }),
          ],
        }),
        { code: 'HOTLINE_MISMATCH', field: 'added[0].hotlineId' },
      ],
      [
        'an added id that exists',
        (s) => ({ ...NO_CHANGE, added: [{ ...s }] }),
        { code: 'DUPLICATE_ID', field: 'added[0].id' },
      ],
      [
        'an updated slot that does not exist',
        () => ({
          ...NO_CHANGE,
          updated: [
            slot('ghost', 'h', { start: '2027-03-28T08:00', end: '2027-03-28T09:00', assignees: [personRef('alice')] }),
          ],
        }),
        { code: 'UNKNOWN_SLOT', field: 'updated[0].id' },
      ],
      [
        'a removed slot that does not exist',
        (s) => ({ ...NO_CHANGE, removedIds: [s.id, 'ghost'] }),
        { code: 'UNKNOWN_SLOT', field: 'removedIds[1]' },
      ],
      [
        'an unknown person',
        () => ({
          ...NO_CHANGE,
          added: [
            slot('x', 'h', {
              start: '2027-03-28T08:00',
              end: '2027-03-28T09:00',
              assignees: [personRef('alice'), personRef('ghost')],
            }),
          ],
        }),
        { code: 'UNKNOWN_ASSIGNEE', field: 'added[0].assignees[1].id' },
      ],
      [
        'an unknown team',
        (s) => ({ ...NO_CHANGE, updated: [{ ...s, assignees: [teamRef('alice')] }] }),
        { code: 'UNKNOWN_ASSIGNEE', field: 'updated[0].assignees[0].id' },
      ],
    ])('refuses %s, writing nothing', async (_case, changeOf, expected) => {
      const accountId = await parisSchedule(world());
      const existing = slot('s1', 'h', {
        start: '2027-03-27T08:00',
        end: '2027-03-27T18:00',
        assignees: [personRef('alice')],
      });
      await world().repos.schedule.applyChange(accountId, 'h', {
        expectedVersion: 0,
        change: { ...NO_CHANGE, added: [existing] },
      });

      expect(
        await refusal(() =>
          world().repos.schedule.applyChange(accountId, 'h', { expectedVersion: 1, change: changeOf(existing) }),
        ),
      ).toEqual(expected);
      expect(await world().repos.schedule.slots(accountId, 'h', range('2027-03-27T00:00', '2027-03-29T00:00'))).toEqual(
        { slots: [existing], version: 1 },
      );
    });

    it('refuses a change to an unknown hotline', async () => {
      const accountId = await parisSchedule(world());
      expect(
        await refusal(() =>
          world().repos.schedule.applyChange(accountId, 'nope', { expectedVersion: 0, change: NO_CHANGE }),
        ),
      ).toEqual({
        code: 'UNKNOWN_HOTLINE',
        field: 'hotlineId',
      });
      expect(
        await world().repos.schedule.slots(accountId, 'nope', range('2027-03-27T00:00', '2027-03-29T00:00')),
      ).toBeUndefined();
    });

    it('appends the audit entries of a change in its transaction, and none when it is refused', async () => {
      const accountId = await parisSchedule(world());
      const entry = (id: string) => ({
        id,
        accountId,
        actor: { kind: 'user' as const, id: 'u1' },
        action: 'slot.created',
        entityType: 'slot',
        entityId: 's1',
        before: null,
        after: { start: '2027-03-27T08:00' },
        at: parseInstant('2027-03-20T10:00:00Z'),
      });
      const added = [
        slot('s1', 'h', { start: '2027-03-27T08:00', end: '2027-03-27T18:00', assignees: [personRef('alice')] }),
      ];
      await world().repos.schedule.applyChange(accountId, 'h', {
        expectedVersion: 0,
        change: { ...NO_CHANGE, added },
        audit: [entry('a1')],
      });
      await expect(
        world().repos.schedule.applyChange(accountId, 'h', {
          expectedVersion: 0,
          change: { ...NO_CHANGE, added },
          audit: [entry('a2')],
        }),
      ).rejects.toBeInstanceOf(VersionConflictError);

      expect((await world().repos.audit.list(accountId)).items).toEqual([entry('a1')]);
    });

    it('lets exactly one of two concurrent writers on the same version win; the other conflicts, retries, and nothing is lost', async () => {
      const accountId = await parisSchedule(world());
      const second = new World(await backend.connect());
      try {
        const week = range('2027-03-22T00:00', '2027-03-29T00:00');
        const [readA, readB] = await Promise.all([
          world().repos.schedule.slots(accountId, 'h', week),
          second.repos.schedule.slots(accountId, 'h', week),
        ]);
        const monday = slot('monday', 'h', {
          start: '2027-03-22T08:00',
          end: '2027-03-22T18:00',
          assignees: [personRef('alice')],
        });
        const tuesday = slot('tuesday', 'h', {
          start: '2027-03-23T08:00',
          end: '2027-03-23T18:00',
          assignees: [personRef('bob')],
        });

        const outcomes = await Promise.allSettled([
          world().repos.schedule.applyChange(accountId, 'h', {
            expectedVersion: readA!.version,
            change: { ...NO_CHANGE, added: [monday] },
          }),
          second.repos.schedule.applyChange(accountId, 'h', {
            expectedVersion: readB!.version,
            change: { ...NO_CHANGE, added: [tuesday] },
          }),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
        expect([won.length, lost.length, lost[0] instanceof VersionConflictError]).toEqual([1, 1, true]);

        const loser =
          outcomes[0].status === 'rejected'
            ? { repos: world().repos, slot: monday }
            : { repos: second.repos, slot: tuesday };
        const reread = await loser.repos.schedule.slots(accountId, 'h', week);
        await loser.repos.schedule.applyChange(accountId, 'h', {
          expectedVersion: reread!.version,
          change: { ...NO_CHANGE, added: [loser.slot] },
        });

        const final = await world().repos.schedule.slots(accountId, 'h', week);
        expect([final?.version, final?.slots.map((s) => s.id)]).toEqual([2, ['monday', 'tuesday']]);
      } finally {
        await second.dataSource.destroy();
      }
    });

    it('reads a week of 50 slots in two queries (the version, the slots joined with their assignees)', async () => {
      const accountId = await parisSchedule(world());
      const added = Array.from({ length: 50 }, (_, i) => {
        const start = LocalDateTime.parse('2027-03-22T00:00').plusMinutes(i * 200);
        return {
          id: `s${i}`,
          hotlineId: 'h',
          start,
          end: start.plusMinutes(200),
          assignees: [personRef('alice'), teamRef('night')],
        };
      });
      await world().repos.schedule.applyChange(accountId, 'h', { expectedVersion: 0, change: { ...NO_CHANGE, added } });
      const queries: string[] = [];
      const counted = new World(await backend.connect({ onQuery: (sql) => queries.push(sql) }));
      queries.length = 0;
      try {
        const view = await counted.repos.schedule.slots(accountId, 'h', range('2027-03-22T00:00', '2027-03-29T00:00'));
        expect([view?.slots.length, queries.length]).toEqual([50, 2]);
      } finally {
        await counted.dataSource.destroy();
      }
    });
  });

  describe('overrides', () => {
    it('round-trips an override with a level, a reason, a team and its creation instant', async () => {
      const accountId = await parisSchedule(world());
      const o = override('o1', 'h', {
        start: '2027-03-28T00:30:00Z',
        end: '2027-03-28T02:00:00Z',
        assignees: [teamRef('night'), personRef('alice')],
        level: 1,
        reason: 'Alice covers the DST night',
        createdAt: '2027-03-27T18:00:00.123Z',
      });
      await world().repos.schedule.saveOverride(accountId, o);

      expect(await world().repos.schedule.overrides(accountId, 'h', { from: o.start, to: o.end })).toEqual([o]);
    });

    it.each([
      ['ends when it starts', '2027-03-27T08:00:00Z', '2027-03-27T10:00:00Z', []],
      ['starts when it ends', '2027-03-27T12:00:00Z', '2027-03-27T13:00:00Z', []],
      ['takes its last millisecond', '2027-03-27T11:59:59.999Z', '2027-03-27T13:00:00Z', ['o1']],
      ['takes its first millisecond', '2027-03-27T09:00:00Z', '2027-03-27T10:00:00.001Z', ['o1']],
    ])('finds overrides in a half-open real-time range: a range that %s', async (_case, from, to, expected) => {
      const accountId = await parisSchedule(world());
      await world().repos.schedule.saveOverride(
        accountId,
        override('o1', 'h', {
          start: '2027-03-27T10:00:00Z',
          end: '2027-03-27T12:00:00Z',
          assignees: [personRef('bob')],
        }),
      );

      const found = await world().repos.schedule.overrides(accountId, 'h', {
        from: parseInstant(from),
        to: parseInstant(to),
      });
      expect(found.map((o) => o.id)).toEqual(expected);
    });

    it('lists overlapping overrides in precedence order (the last created wins)', async () => {
      const accountId = await parisSchedule(world());
      const at = (createdAt: string) => ({ createdAt });
      await world().repos.schedule.saveOverride(
        accountId,
        override('o-10', 'h', {
          start: '2027-03-27T10:00:00Z',
          end: '2027-03-27T12:00:00Z',
          assignees: [personRef('bob')],
          ...at('2027-03-26T09:00:00Z'),
        }),
      );
      await world().repos.schedule.saveOverride(
        accountId,
        override('o-9', 'h', {
          start: '2027-03-27T11:00:00Z',
          end: '2027-03-27T13:00:00Z',
          assignees: [personRef('carol')],
          ...at('2027-03-26T09:00:00Z'),
        }),
      );
      await world().repos.schedule.saveOverride(
        accountId,
        override('o-1', 'h', {
          start: '2027-03-27T09:00:00Z',
          end: '2027-03-27T14:00:00Z',
          assignees: [personRef('alice')],
          ...at('2027-03-26T10:00:00Z'),
        }),
      );

      const found = await world().repos.schedule.overrides(accountId, 'h', {
        from: parseInstant('2027-03-27T00:00:00Z'),
        to: parseInstant('2027-03-28T00:00:00Z'),
      });
      expect(found.map((o) => o.id)).toEqual(['o-9', 'o-10', 'o-1']);
    });

    it('ends an override early, removes one that had not begun, and reports an unknown one', async () => {
      const accountId = await parisSchedule(world());
      const day = [parseInstant('2027-03-27T00:00:00Z'), parseInstant('2027-03-28T00:00:00Z')] as const;
      await world().repos.schedule.saveOverride(
        accountId,
        override('running', 'h', {
          start: '2027-03-27T10:00:00Z',
          end: '2027-03-27T14:00:00Z',
          assignees: [personRef('bob')],
        }),
      );
      await world().repos.schedule.saveOverride(
        accountId,
        override('later', 'h', {
          start: '2027-03-27T16:00:00Z',
          end: '2027-03-27T18:00:00Z',
          assignees: [personRef('bob')],
        }),
      );
      const now = parseInstant('2027-03-27T11:15:00Z');

      expect(await world().repos.schedule.endOverride(accountId, 'h', { id: 'running', at: now })).toEqual({
        ok: true,
        value: undefined,
      });
      expect(await world().repos.schedule.endOverride(accountId, 'h', { id: 'later', at: now })).toEqual({
        ok: true,
        value: undefined,
      });
      expect(await world().repos.schedule.endOverride(accountId, 'h', { id: 'ghost', at: now })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      const left = await world().repos.schedule.overrides(accountId, 'h', { from: day[0], to: day[1] });
      expect(left.map((o) => [o.id, o.end])).toEqual([['running', now]]);
    });

    it('deletes an override', async () => {
      const accountId = await parisSchedule(world());
      await world().repos.schedule.saveOverride(
        accountId,
        override('o1', 'h', {
          start: '2027-03-27T10:00:00Z',
          end: '2027-03-27T14:00:00Z',
          assignees: [personRef('bob')],
        }),
      );

      expect(await world().repos.schedule.deleteOverride(accountId, 'h', 'o1')).toEqual({ ok: true, value: undefined });
      expect(await world().repos.schedule.deleteOverride(accountId, 'h', 'o1')).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await world().repos.people.deletePerson(accountId, 'bob')).toEqual({
        ok: false,
        error: { code: 'IN_USE', usedBy: [{ kind: 'team', id: 'night' }] },
      });
    });

    it.each([
      [
        'an unknown hotline',
        override('o1', 'nope', {
          start: '2027-03-27T10:00:00Z',
          end: '2027-03-27T14:00:00Z',
          assignees: [personRef('bob')],
        }),
        { code: 'UNKNOWN_HOTLINE', field: 'hotlineId' },
      ],
      [
        'an unknown assignee',
        override('o1', 'h', {
          start: '2027-03-27T10:00:00Z',
          end: '2027-03-27T14:00:00Z',
          assignees: [personRef('bob'), teamRef('ghost')],
        }),
        { code: 'UNKNOWN_ASSIGNEE', field: 'assignees[1].id' },
      ],
    ])('refuses an override naming %s', async (_case, o, expected) => {
      const accountId = await parisSchedule(world());
      expect(await refusal(() => world().repos.schedule.saveOverride(accountId, o))).toEqual(expected);
    });
  });
}
