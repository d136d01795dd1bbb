import type { Application } from '@dutyline/application';
import { describeWithMariaDb } from '@dutyline/test-support';
import { APPLICATION } from '../application/application.module';
import { callerOf, userActor } from '../auth/actor';
import {
  GQL,
  codesOf,
  countingQueries,
  dataOf,
  expectCleanError,
  featureGateway,
  freshHotlineNumber,
} from '../testing/feature-fixtures';

const MOVE =
  'mutation($input: MoveSlotInput!) { moveSlot(input: $input) { version updated { id start end durationMinutes } } }';
const RESIZE =
  'mutation($input: ResizeSlotInput!) { resizeSlot(input: $input) { version updated { id start end durationMinutes } } }';
const DELETE = 'mutation($input: DeleteSlotsInput!) { deleteSlots(input: $input) { version removedIds } }';
const REASSIGN =
  'mutation($input: ReassignSlotInput!) { reassignSlot(input: $input) { version updated { assignees { level kind id } } } }';
const APPLY = 'mutation($input: ApplyPatternInput!) { applyPattern(input: $input) { version added { start end } } }';
const COPY_DAY = 'mutation($input: CopyDayInput!) { copyDay(input: $input) { added { start end } } }';
const COPY_WEEK = 'mutation($input: CopyWeekInput!) { copyWeek(input: $input) { added { start end } } }';
const REPEAT = 'mutation($input: RepeatWeekInput!) { repeatWeek(input: $input) { added { start end } } }';
const COPY_TO =
  'mutation($input: CopyToHotlineInput!) { copyToHotline(input: $input) { hotline { id timeZone } added { start end durationMinutes } } }';
const END_OVERRIDE = 'mutation($input: EndOverrideInput!) { endOverride(input: $input) { override { id end } } }';
const OVERRIDES =
  'query($h: ID!, $from: Instant!, $to: Instant!) { overrides(hotlineId: $h, from: $from, to: $to) { id start end reason } }';
const CALL_PLAN =
  'query($h: ID!, $at: Instant) { callPlan(hotlineId: $h, at: $at) { slotId overrideIds steps { kind number via level personName person { name } } } }';
const WEEK_VIEW = `query($h: ID!, $from: String!, $to: String!) {
  schedule(hotlineId: $h, from: $from, to: $to) {
    version hotline { name supervisors { name } }
    slots { id start end startsAt endsAt assignees { level kind person { id name colour contactNumbers { number enabled } } team { id name members { id name } } } }
  }
}`;

const person = (id: string) => ({ kind: 'PERSON', id });
const team = (id: string) => ({ kind: 'TEAM', id });
const lines = (slots: { start: string; end: string }[]) => slots.map((s) => `${s.start}→${s.end}`);

function scheduleOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database, { sample: true });
  const as = f.as;
  const slotsOf = async (from = '2027-01-01T00:00', to = '2027-12-31T00:00', hotlineId = f.sample.hotlineId) =>
    (await dataOf(as(GQL.SCHEDULE, { h: hotlineId, from, to }))).schedule;
  /** A hotline of its own for a test, so tests do not see each other's slots. */
  const newHotline = async (timeZone = 'Europe/Paris') =>
    (
      await dataOf(
        as(GQL.CREATE_HOTLINE, {
          input: { name: `H ${timeZone}`, number: freshHotlineNumber(), timeZone, supervisorIds: [f.sample.alice] },
        }),
      )
    ).createHotline.id as string;

  describe('slots (F4)', () => {
    it('creates a batch on the DST night: wall-clock strings plus the real instants, 7 h in spring and 9 h in autumn', async () => {
      const h = await newHotline();
      const created = (
        await dataOf(
          as(GQL.CREATE_SLOTS, {
            input: {
              hotlineId: h,
              slots: [
                {
                  start: '2027-03-27T22:00',
                  end: '2027-03-28T06:00',
                  assignees: [person(f.sample.bob), team(f.sample.crew)],
                },
                { start: '2027-10-30T22:00', end: '2027-10-31T06:00', assignees: [person(f.sample.carol)] },
              ],
            },
          }),
        )
      ).createSlots;
      expect(created.version).toBe(1);
      expect(
        created.added.map((x: { start: string; startsAt: string; endsAt: string; durationMinutes: number }) => [
          x.start,
          x.startsAt,
          x.endsAt,
          x.durationMinutes,
        ]),
      ).toEqual([
        ['2027-03-27T22:00', '2027-03-27T21:00:00.000Z', '2027-03-28T04:00:00.000Z', 420],
        ['2027-10-30T22:00', '2027-10-30T20:00:00.000Z', '2027-10-31T05:00:00.000Z', 540],
      ]);
      expect(created.added[0].assignees).toEqual([
        { level: 0, kind: 'PERSON', id: f.sample.bob },
        { level: 1, kind: 'TEAM', id: f.sample.crew },
      ]);
    });

    it('moves, resizes, reassigns and deletes, each at the next version; refuses an overlap with the ids in the way', async () => {
      const h = await newHotline();
      const [night, day] = (
        await dataOf(
          as(GQL.CREATE_SLOTS, {
            input: {
              hotlineId: h,
              slots: [
                { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [person(f.sample.bob)] },
                { start: '2027-03-28T06:00', end: '2027-03-28T18:00', assignees: [person(f.sample.alice)] },
              ],
            },
          }),
        )
      ).createSlots.added;
      const overlap = await as(MOVE, { input: { hotlineId: h, id: night.id, start: '2027-03-28T02:00' } });
      expectCleanError(overlap);
      expect(overlap.body.errors?.[0].extensions).toEqual({
        code: 'SLOT_OVERLAP',
        field: 'input.start',
        details: { conflictingSlotIds: [day.id] },
      });
      expect(
        (await dataOf(as(MOVE, { input: { hotlineId: h, id: night.id, start: '2027-04-03T22:00' } }))).moveSlot,
      ).toEqual({
        version: 2,
        updated: [{ id: night.id, start: '2027-04-03T22:00', end: '2027-04-04T06:00', durationMinutes: 480 }],
      });
      expect(
        (
          await dataOf(
            as(RESIZE, { input: { hotlineId: h, id: day.id, start: '2027-03-28T01:00', end: '2027-03-28T18:00' } }),
          )
        ).resizeSlot.updated[0],
      ).toMatchObject({ start: '2027-03-28T01:00', durationMinutes: 16 * 60 });
      expect(
        (
          await dataOf(
            as(REASSIGN, {
              input: { hotlineId: h, id: day.id, assignees: [team(f.sample.crew), person(f.sample.alice)] },
            }),
          )
        ).reassignSlot,
      ).toEqual({
        version: 4,
        updated: [
          {
            assignees: [
              { level: 0, kind: 'TEAM', id: f.sample.crew },
              { level: 1, kind: 'PERSON', id: f.sample.alice },
            ],
          },
        ],
      });
      expect((await dataOf(as(DELETE, { input: { hotlineId: h, ids: [night.id, day.id] } }))).deleteSlots).toEqual({
        version: 5,
        removedIds: [night.id, day.id],
      });
      expect((await slotsOf(undefined, undefined, h)).slots).toEqual([]);
    });

    it('replaces what lies in the way when asked', async () => {
      const h = await newHotline();
      await dataOf(
        as(GQL.CREATE_SLOTS, {
          input: {
            hotlineId: h,
            slots: [{ start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [person(f.sample.alice)] }],
          },
        }),
      );
      const replaced = (
        await dataOf(
          as(GQL.CREATE_SLOTS, {
            input: {
              hotlineId: h,
              mode: 'REPLACE',
              slots: [{ start: '2027-05-03T12:00', end: '2027-05-03T14:00', assignees: [person(f.sample.bob)] }],
            },
          }),
        )
      ).createSlots;
      expect([lines(replaced.added), lines(replaced.updated)]).toEqual([
        ['2027-05-03T12:00→2027-05-03T14:00', '2027-05-03T14:00→2027-05-03T18:00'],
        ['2027-05-03T08:00→2027-05-03T12:00'],
      ]);
    });
  });

  describe('patterns and copies (F5, F6)', () => {
    it('applies the weeknights preset over the week clocks go forward', async () => {
      const h = await newHotline();
      const applied = (
        await dataOf(
          as(APPLY, {
            input: {
              hotlineId: h,
              patternId: 'preset-weeknights',
              from: '2027-03-22',
              to: '2027-03-28',
              assignees: [person(f.sample.bob)],
            },
          }),
        )
      ).applyPattern;
      expect(lines(applied.added)).toEqual([
        '2027-03-22T18:00→2027-03-23T08:00',
        '2027-03-23T18:00→2027-03-24T08:00',
        '2027-03-24T18:00→2027-03-25T08:00',
        '2027-03-25T18:00→2027-03-26T08:00',
      ]);
    });

    it('copies a day, a week, repeats a week, and copies to a New York hotline in its own wall-clock time', async () => {
      const h = await newHotline();
      await dataOf(
        as(APPLY, {
          input: {
            hotlineId: h,
            patternId: 'preset-weekend',
            from: '2027-03-22',
            to: '2027-03-28',
            assignees: [person(f.sample.bob)],
          },
        }),
      );
      await dataOf(
        as(APPLY, {
          input: {
            hotlineId: h,
            patternId: 'preset-office-hours',
            from: '2027-03-22',
            to: '2027-03-28',
            assignees: [person(f.sample.alice)],
          },
        }),
      );
      expect(
        lines(
          (await dataOf(as(COPY_DAY, { input: { hotlineId: h, day: '2027-03-22', targets: ['2027-03-20'] } }))).copyDay
            .added,
        ),
      ).toEqual(['2027-03-20T08:00→2027-03-20T18:00']);
      expect(
        (await dataOf(as(COPY_WEEK, { input: { hotlineId: h, week: '2027-03-22', targets: ['2027-10-25'] } }))).copyWeek
          .added,
      ).toHaveLength(6);
      expect(
        (await dataOf(as(REPEAT, { input: { hotlineId: h, week: '2027-03-22', times: 2 } }))).repeatWeek.added,
      ).toHaveLength(12);
      const ny = await newHotline('America/New_York');
      const copied = (
        await dataOf(
          as(COPY_TO, {
            input: {
              sourceHotlineId: h,
              targetHotlineId: ny,
              from: '2027-03-22',
              to: '2027-03-28',
              targetFrom: '2027-03-08',
            },
          }),
        )
      ).copyToHotline;
      expect(copied.hotline).toEqual({ id: ny, timeZone: 'America/New_York' });
      // Friday 12 March 18:00 → Monday 15 March 08:00 New York time spans the night clocks go forward there.
      expect(copied.added.find((x: { start: string }) => x.start === '2027-03-12T18:00')).toEqual({
        start: '2027-03-12T18:00',
        end: '2027-03-15T08:00',
        durationMinutes: 61 * 60,
      });
    });
  });

  describe('overrides and routing (F7, F9–F12, F18)', () => {
    it('follows a reassignment and an override on the very next question, and ends the override', async () => {
      const h = await newHotline();
      const [night] = (
        await dataOf(
          as(GQL.CREATE_SLOTS, {
            input: {
              hotlineId: h,
              slots: [{ start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [person(f.sample.bob)] }],
            },
          }),
        )
      ).createSlots.added;
      const at = '2027-03-28T02:00:00Z';
      const ask = async () => (await dataOf(as(GQL.ON_CALL, { h, at }))).onCallNow;
      expect(await ask()).toMatchObject({
        slotId: night.id,
        nextChangeAt: '2027-03-28T04:00:00.000Z',
        levels: [{ level: 0, kind: 'PERSON', person: { name: 'Bob' } }],
      });
      await dataOf(as(REASSIGN, { input: { hotlineId: h, id: night.id, assignees: [team(f.sample.crew)] } }));
      expect((await ask()).levels).toEqual([
        { level: 0, kind: 'TEAM', id: f.sample.crew, person: null, team: { name: 'Crew' } },
      ]);
      const plan = (await dataOf(as(CALL_PLAN, { h, at }))).callPlan;
      expect(
        plan.steps.map((x: { kind: string; personName: string | null; via: string | null }) =>
          `${x.kind} ${x.personName ?? ''} ${x.via ?? ''}`.trim(),
        ),
      ).toEqual(['DIAL Bob ON_CALL', 'DIAL Carol ON_CALL', 'DIAL Alice SUPERVISOR', 'VOICEMAIL']);
      const override = (
        await dataOf(
          as(GQL.CREATE_OVERRIDE, {
            input: {
              hotlineId: h,
              start: '2027-03-28T01:00:00Z',
              end: '2027-03-28T05:00:00+02:00',
              assignees: [person(f.sample.alice)],
              reason: 'Crew at a call-out',
            },
          }),
        )
      ).createOverride.override;
      expect(override).toMatchObject({
        start: '2027-03-28T01:00:00.000Z',
        end: '2027-03-28T03:00:00.000Z',
        reason: 'Crew at a call-out',
      });
      expect((await ask()).levels.map((l: { person: { name: string } | null }) => l.person?.name)).toEqual(['Alice']);
      const ended = (
        await dataOf(as(END_OVERRIDE, { input: { hotlineId: h, id: override.id, at: '2027-03-28T01:30:00Z' } }))
      ).endOverride.override;
      expect(ended).toEqual({ id: override.id, end: '2027-03-28T01:30:00.000Z' });
      expect(
        (await dataOf(as(OVERRIDES, { h, from: '2027-03-28T00:00:00Z', to: '2027-03-29T00:00:00Z' }))).overrides,
      ).toEqual([
        {
          id: override.id,
          start: '2027-03-28T01:00:00.000Z',
          end: '2027-03-28T01:30:00.000Z',
          reason: 'Crew at a call-out',
        },
      ]);
    });
  });

  describe('two editors at once', () => {
    it('loses no write: each concurrent batch is stored once, or answered CONFLICT and not stored', async () => {
      const h = await newHotline();
      const writers = Array.from({ length: 8 }, (_, i) =>
        as(GQL.CREATE_SLOTS, {
          input: {
            hotlineId: h,
            slots: [
              { start: `2027-06-0${i + 1}T08:00`, end: `2027-06-0${i + 1}T18:00`, assignees: [person(f.sample.alice)] },
            ],
          },
        }),
      );
      const answers = await Promise.all(writers);
      const succeeded = answers.filter((x) => !x.body.errors);
      answers.filter((x) => x.body.errors).forEach((x) => expect(codesOf(x)).toEqual(['CONFLICT']));
      const stored = await slotsOf('2027-06-01T00:00', '2027-06-10T00:00', h);
      expect(stored.slots).toHaveLength(succeeded.length);
      expect(stored.version).toBe(succeeded.length);
      expect(succeeded.length).toBeGreaterThan(0);
      expect(new Set(succeeded.map((x) => x.body.data.createSlots.version)).size).toBe(succeeded.length);
    });
  });

  describe('versions and previews (expectedVersion, dryRun)', () => {
    const PREVIEW =
      'mutation($input: CopyWeekInput!) { copyWeek(input: $input) { version added { start end } updated { id start end } removedIds removed { id start end assignees { kind id } } } }';
    const asAdmin = (query: string, variables: Record<string, unknown>) =>
      f.gateway.graphql(query, variables, { token: f.account.tokens.admin });

    /** Office hours Monday to Wednesday of the week of 6 September 2027 (Alice); Bob on the next Monday morning and Tuesday 10:00. */
    async function withWeek() {
      const h = await newHotline();
      const office = ['06', '07', '08'].map((d) => ({
        start: `2027-09-${d}T08:00`,
        end: `2027-09-${d}T18:00`,
        assignees: [person(f.sample.alice)],
      }));
      const next = [
        { start: '2027-09-13T06:00', end: '2027-09-13T12:00', assignees: [person(f.sample.bob)] },
        { start: '2027-09-14T10:00', end: '2027-09-14T11:00', assignees: [person(f.sample.bob)] },
      ];
      const added = (await dataOf(as(GQL.CREATE_SLOTS, { input: { hotlineId: h, slots: [...office, ...next] } })))
        .createSlots.added as { id: string; start: string }[];
      const loaded = await slotsOf('2027-09-06T00:00', '2027-09-20T00:00', h);
      return { h, loaded, bobMonday: added[3].id, bobTuesday: added[4].id };
    }

    it('refuses the second of two editors who loaded the same version: SCHEDULE_VERSION_CONFLICT, and nothing changes', async () => {
      const { h, loaded, bobTuesday } = await withWeek();
      expect(loaded.version).toBe(1);
      const first = (
        await dataOf(
          as(MOVE, {
            input: { hotlineId: h, id: bobTuesday, start: '2027-09-14T19:00', expectedVersion: loaded.version },
          }),
        )
      ).moveSlot;
      expect(first.version).toBe(2);
      const after = await slotsOf('2027-09-06T00:00', '2027-09-20T00:00', h);

      const second = await asAdmin(DELETE, {
        input: { hotlineId: h, ids: [bobTuesday], expectedVersion: loaded.version },
      });
      expectCleanError(second);
      expect(second.body.data).toBeNull();
      expect(second.body.errors?.[0]).toMatchObject({
        message: 'The schedule was changed by someone else (version 2, you had 1).',
        extensions: {
          code: 'SCHEDULE_VERSION_CONFLICT',
          field: 'input.expectedVersion',
          details: { currentVersion: 2 },
        },
      });
      expect(second.body.errors?.[0].extensions).toEqual({
        code: 'SCHEDULE_VERSION_CONFLICT',
        field: 'input.expectedVersion',
        details: { currentVersion: 2 },
      });
      const stalePreview = await asAdmin(PREVIEW, {
        input: {
          hotlineId: h,
          week: '2027-09-06',
          targets: ['2027-09-13'],
          mode: 'REPLACE',
          dryRun: true,
          expectedVersion: 1,
        },
      });
      expect(codesOf(stalePreview)).toEqual(['SCHEDULE_VERSION_CONFLICT']);
      expect(await slotsOf('2027-09-06T00:00', '2027-09-20T00:00', h)).toEqual(after);

      // Reloaded at the current version, the same delete goes through.
      expect(
        (await dataOf(asAdmin(DELETE, { input: { hotlineId: h, ids: [bobTuesday], expectedVersion: 2 } }))).deleteSlots,
      ).toEqual({ version: 3, removedIds: [bobTuesday] });
    });

    it('previews a replacing week copy: what it adds, trims and removes, with nothing stored', async () => {
      const { h, loaded, bobMonday, bobTuesday } = await withWeek();
      const preview = (
        await dataOf(
          as(PREVIEW, {
            input: {
              hotlineId: h,
              week: '2027-09-06',
              targets: ['2027-09-13'],
              mode: 'REPLACE',
              dryRun: true,
              expectedVersion: loaded.version,
            },
          }),
        )
      ).copyWeek;
      expect(preview).toEqual({
        version: 1,
        added: [
          { start: '2027-09-13T08:00', end: '2027-09-13T18:00' },
          { start: '2027-09-14T08:00', end: '2027-09-14T18:00' },
          { start: '2027-09-15T08:00', end: '2027-09-15T18:00' },
        ],
        updated: [{ id: bobMonday, start: '2027-09-13T06:00', end: '2027-09-13T08:00' }],
        removedIds: [bobTuesday],
        removed: [
          {
            id: bobTuesday,
            start: '2027-09-14T10:00',
            end: '2027-09-14T11:00',
            assignees: [{ kind: 'PERSON', id: f.sample.bob }],
          },
        ],
      });
      expect(await slotsOf('2027-09-06T00:00', '2027-09-20T00:00', h)).toEqual(loaded);
      // Without REPLACE the preview is refused as the write would be.
      const rejected = await as(PREVIEW, {
        input: { hotlineId: h, week: '2027-09-06', targets: ['2027-09-13'], dryRun: true },
      });
      expect(rejected.body.errors?.[0].extensions).toEqual({
        code: 'SLOT_OVERLAP',
        field: 'input.targets[0]',
        details: { conflictingSlotIds: [bobMonday, bobTuesday] },
      });
      // The write itself answers the same change at the next version.
      const written = (
        await dataOf(
          as(PREVIEW, {
            input: { hotlineId: h, week: '2027-09-06', targets: ['2027-09-13'], mode: 'REPLACE', expectedVersion: 1 },
          }),
        )
      ).copyWeek;
      expect(written).toEqual({ ...preview, version: 2 });
    });
  });

  describe('a week view', () => {
    /** A week of 6-hour slots whose two levels name `count` distinct people, plus the crew at level 2. */
    async function weekNaming(count: number): Promise<string> {
      const app = f.gateway.app.get<Application>(APPLICATION);
      const caller = callerOf(userActor(f.account.accountId, f.account.users.supervisor.id, 'supervisor'));
      const people: string[] = [];
      for (let i = 0; i < count; i++)
        people.push(
          (
            await app.directory.createPerson(caller, {
              name: `Agent ${count}-${i}`,
              contactNumbers: [{ number: `+336${String(10_000_000 + i)}` }],
            })
          ).id,
        );
      const h = await newHotline();
      const slots = Array.from({ length: 28 }, (_, k) => {
        const start = new Date(Date.UTC(2027, 4, 3, 6 * k));
        const end = new Date(Date.UTC(2027, 4, 3, 6 * (k + 1)));
        const local = (d: Date) => d.toISOString().slice(0, 16);
        return {
          start: local(start),
          end: local(end),
          assignees: [person(people[(2 * k) % count]), person(people[(2 * k + 1) % count]), team(f.sample.crew)],
        };
      });
      await dataOf(as(GQL.CREATE_SLOTS, { input: { hotlineId: h, slots } }));
      return h;
    }

    it('costs the same bounded number of SQL statements for 5 people as for 50', async () => {
      const few = await weekNaming(5);
      const many = await weekNaming(50);
      const view = (h: string) =>
        countingQueries(f.gateway, () =>
          dataOf(as(WEEK_VIEW, { h, from: '2027-05-03T00:00', to: '2027-05-10T00:00' })),
        );
      const small = await view(few);
      const large = await view(many);
      const named = new Set(
        large.result.schedule.slots.flatMap((x: { assignees: { person: { id: string } | null }[] }) =>
          x.assignees.map((l) => l.person?.id).filter(Boolean),
        ),
      );
      expect(large.result.schedule.slots).toHaveLength(28);
      expect(named.size).toBe(50);
      expect(large.queries.length).toBe(small.queries.length);
      // Two of them check the login token (the user's sessions, the revoked tokens): the same for any request.
      expect(large.queries.length).toBeLessThanOrEqual(14);
    });
  });
}

describe('the schedule over HTTP on SQLite', () => scheduleOver('sqlite'));
describeWithMariaDb('the schedule over HTTP on MariaDB', () => scheduleOver('mariadb'));
