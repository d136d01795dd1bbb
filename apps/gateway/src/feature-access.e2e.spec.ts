import { describeWithMariaDb } from '@dutyline/test-support';
import { type GatewayHarness, type TestAccount, startGateway } from './testing/gateway-harness';
import {
  GQL,
  type SampleAccount,
  codesOf,
  dataOf,
  expectCleanError,
  freshHotlineNumber,
  seedSample,
} from './testing/feature-fixtures';

/** Everything an account holds, read by its own admin: must not move when another account tries its ids. */
const SNAPSHOT = `query($h: ID!, $hotline: CallbackServiceInput!, $team: CallbackServiceInput!) {
  people(first: 100) { edges { node { id name colour email contactNumbers { number label ringTimeoutSeconds enabled } } } }
  teams(first: 100) { edges { node { id name colour memberIds } } }
  hotlines(first: 100) { edges { node { id name number timeZone supervisorIds callerIdMode requireAnswerConfirmation greeting { text } serviceHours { always } scenario { kind } } } }
  patterns(first: 100) { edges { node { id name windows { days start end endDayOffset } } } }
  schedule(hotlineId: $h, from: "2027-01-01T00:00", to: "2027-12-31T00:00") { version slots { id start end assignees { kind id } } }
  overrides(hotlineId: $h, from: "2027-01-01T00:00:00Z", to: "2027-12-31T00:00:00Z") { id start end assignees { id } }
  hotlineSettings: callbackSettings(service: $hotline) { maxAttempts mode isDefault }
  teamSettings: callbackSettings(service: $team) { maxAttempts mode isDefault }
  auditLog(first: 100) { edges { node { id } } }
}`;

interface Ids {
  readonly hotline: string;
  readonly person: string;
  readonly number: string;
  readonly team: string;
  readonly slot: string;
  readonly override: string;
  readonly pattern: string;
  /** The caller's own hotline and person, for operations mixing both accounts. */
  readonly ownHotline: string;
  readonly ownPerson: string;
}

type Expectation =
  { readonly error: string; readonly field?: string } | { readonly nullAt: string } | { readonly excludes: string };

interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: (ids: Ids) => Record<string, unknown>;
  readonly expected: Expectation;
}

const p = (id: string) => ({ kind: 'PERSON', id });
const notFound = (field?: string): Expectation => ({ error: 'NOT_FOUND', ...(field ? { field } : {}) });

/** Every query and mutation of the features, aimed at another account's ids. */
const OPERATIONS: readonly Operation[] = [
  {
    name: 'person',
    query: 'query($id: ID!) { person(id: $id) { id } }',
    variables: (i) => ({ id: i.person }),
    expected: { nullAt: 'person' },
  },
  {
    name: 'team',
    query: 'query($id: ID!) { team(id: $id) { id } }',
    variables: (i) => ({ id: i.team }),
    expected: { nullAt: 'team' },
  },
  {
    name: 'hotline',
    query: 'query($id: ID!) { hotline(id: $id) { id } }',
    variables: (i) => ({ id: i.hotline }),
    expected: { nullAt: 'hotline' },
  },
  {
    name: 'pattern',
    query: 'query($id: ID!) { pattern(id: $id) { id } }',
    variables: (i) => ({ id: i.pattern }),
    expected: { nullAt: 'pattern' },
  },
  {
    name: 'people',
    query: '{ people(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    expected: { excludes: 'person' },
  },
  {
    name: 'teams',
    query: '{ teams(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    expected: { excludes: 'team' },
  },
  {
    name: 'hotlines',
    query: '{ hotlines(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    expected: { excludes: 'hotline' },
  },
  {
    name: 'patterns',
    query: '{ patterns(first: 100) { edges { node { id } } } }',
    variables: () => ({}),
    expected: { excludes: 'pattern' },
  },
  {
    name: 'schedule',
    query: GQL.SCHEDULE,
    variables: (i) => ({ h: i.hotline, from: '2027-05-01T00:00', to: '2027-05-08T00:00' }),
    expected: notFound('hotlineId'),
  },
  {
    name: 'overrides',
    query:
      'query($h: ID!) { overrides(hotlineId: $h, from: "2027-05-01T00:00:00Z", to: "2027-05-08T00:00:00Z") { id } }',
    variables: (i) => ({ h: i.hotline }),
    expected: notFound('hotlineId'),
  },
  {
    name: 'onCallNow',
    query: GQL.ON_CALL,
    variables: (i) => ({ h: i.hotline, at: '2027-05-03T10:00:00Z' }),
    expected: notFound('hotlineId'),
  },
  {
    name: 'callPlan',
    query: 'query($h: ID!) { callPlan(hotlineId: $h, at: "2027-05-03T10:00:00Z") { steps { kind } } }',
    variables: (i) => ({ h: i.hotline }),
    expected: notFound('hotlineId'),
  },
  {
    name: 'coverage',
    query:
      'query($h: ID!) { coverage(hotlineId: $h, from: "2027-05-01T00:00:00Z", to: "2027-05-08T00:00:00Z") { fullyCovered } }',
    variables: (i) => ({ h: i.hotline }),
    expected: notFound('hotlineId'),
  },
  {
    name: 'callbackSettings of a hotline',
    query: 'query($s: CallbackServiceInput!) { callbackSettings(service: $s) { maxAttempts } }',
    variables: (i) => ({ s: { kind: 'HOTLINE', id: i.hotline } }),
    expected: notFound('service.id'),
  },
  {
    name: 'callbackSettings of a team',
    query: 'query($s: CallbackServiceInput!) { callbackSettings(service: $s) { maxAttempts } }',
    variables: (i) => ({ s: { kind: 'TEAM', id: i.team } }),
    expected: notFound('service.id'),
  },

  {
    name: 'updatePerson',
    query: 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.person, name: 'Taken over' } }),
    expected: notFound('input.id'),
  },
  {
    name: 'deletePerson',
    query: 'mutation($id: ID!) { deletePerson(id: $id) { id } }',
    variables: (i) => ({ id: i.person }),
    expected: notFound('id'),
  },
  {
    name: 'addContactNumber',
    query: 'mutation($input: AddContactNumberInput!) { addContactNumber(input: $input) { id } }',
    variables: (i) => ({ input: { personId: i.person, number: '+33612340000' } }),
    expected: notFound('input.personId'),
  },
  {
    name: 'removeContactNumber',
    query: 'mutation($input: ContactNumberRefInput!) { removeContactNumber(input: $input) { id } }',
    variables: (i) => ({ input: { personId: i.person, number: i.number } }),
    expected: notFound('input.personId'),
  },
  {
    name: 'reorderContactNumbers',
    query: 'mutation($input: ReorderContactNumbersInput!) { reorderContactNumbers(input: $input) { id } }',
    variables: (i) => ({ input: { personId: i.person, order: [i.number] } }),
    expected: notFound('input.personId'),
  },
  {
    name: 'setContactNumberEnabled',
    query: 'mutation($input: SetContactNumberEnabledInput!) { setContactNumberEnabled(input: $input) { id } }',
    variables: (i) => ({ input: { personId: i.person, number: i.number, enabled: false } }),
    expected: notFound('input.personId'),
  },
  {
    name: 'createTeam with their person',
    query: GQL.CREATE_TEAM,
    variables: (i) => ({ input: { name: 'Mixed', memberIds: [i.ownPerson, i.person] } }),
    expected: { error: 'UNKNOWN_PERSON', field: 'input.memberIds[1]' },
  },
  {
    name: 'updateTeam',
    query: 'mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.team, name: 'Taken over' } }),
    expected: notFound('input.id'),
  },
  {
    name: 'setTeamMembers',
    query: 'mutation($input: SetTeamMembersInput!) { setTeamMembers(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.team, memberIds: [i.ownPerson] } }),
    expected: notFound('input.id'),
  },
  {
    name: 'deleteTeam',
    query: 'mutation($id: ID!) { deleteTeam(id: $id) { id } }',
    variables: (i) => ({ id: i.team }),
    expected: notFound('id'),
  },
  {
    name: 'createHotline with their supervisor',
    query: GQL.CREATE_HOTLINE,
    variables: (i) => ({
      input: { name: 'X', number: freshHotlineNumber(), timeZone: 'Europe/Paris', supervisorIds: [i.person] },
    }),
    expected: { error: 'UNKNOWN_PERSON', field: 'input.supervisorIds[0]' },
  },
  {
    name: 'updateHotline',
    query: 'mutation($input: UpdateHotlineInput!) { updateHotline(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.hotline, name: 'Taken over' } }),
    expected: notFound('input.id'),
  },
  {
    name: 'deleteHotline',
    query: 'mutation($id: ID!) { deleteHotline(id: $id) { id } }',
    variables: (i) => ({ id: i.hotline }),
    expected: notFound('id'),
  },
  {
    name: 'createSlots on their hotline',
    query: GQL.CREATE_SLOTS,
    variables: (i) => ({
      input: {
        hotlineId: i.hotline,
        slots: [{ start: '2027-06-01T08:00', end: '2027-06-01T09:00', assignees: [p(i.ownPerson)] }],
      },
    }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'createSlots naming their person',
    query: GQL.CREATE_SLOTS,
    variables: (i) => ({
      input: {
        hotlineId: i.ownHotline,
        slots: [{ start: '2027-06-01T08:00', end: '2027-06-01T09:00', assignees: [p(i.person)] }],
      },
    }),
    expected: { error: 'UNKNOWN_ASSIGNEE', field: 'input.slots[0].assignees[0].id' },
  },
  {
    name: 'moveSlot',
    query: 'mutation($input: MoveSlotInput!) { moveSlot(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.hotline, id: i.slot, start: '2027-05-10T08:00' } }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'moveSlot of theirs on my hotline',
    query: 'mutation($input: MoveSlotInput!) { moveSlot(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.ownHotline, id: i.slot, start: '2027-05-10T08:00' } }),
    expected: notFound('input.id'),
  },
  {
    name: 'resizeSlot',
    query: 'mutation($input: ResizeSlotInput!) { resizeSlot(input: $input) { version } }',
    variables: (i) => ({
      input: { hotlineId: i.ownHotline, id: i.slot, start: '2027-05-03T08:00', end: '2027-05-03T20:00' },
    }),
    expected: notFound('input.id'),
  },
  {
    name: 'deleteSlots',
    query: 'mutation($input: DeleteSlotsInput!) { deleteSlots(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.hotline, ids: [i.slot] } }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'deleteSlots of theirs on my hotline',
    query: 'mutation($input: DeleteSlotsInput!) { deleteSlots(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.ownHotline, ids: [i.slot] } }),
    expected: notFound('input.ids[0]'),
  },
  {
    name: 'reassignSlot',
    query: 'mutation($input: ReassignSlotInput!) { reassignSlot(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.hotline, id: i.slot, assignees: [p(i.ownPerson)] } }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'applyPattern on their hotline',
    query: 'mutation($input: ApplyPatternInput!) { applyPattern(input: $input) { version } }',
    variables: (i) => ({
      input: {
        hotlineId: i.hotline,
        patternId: 'preset-weekend',
        from: '2027-06-01',
        to: '2027-06-07',
        assignees: [p(i.ownPerson)],
      },
    }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'applyPattern of theirs',
    query: 'mutation($input: ApplyPatternInput!) { applyPattern(input: $input) { version } }',
    variables: (i) => ({
      input: {
        hotlineId: i.ownHotline,
        patternId: i.pattern,
        from: '2027-06-01',
        to: '2027-06-07',
        assignees: [p(i.ownPerson)],
      },
    }),
    expected: notFound('input.patternId'),
  },
  {
    name: 'copyDay',
    query: 'mutation($input: CopyDayInput!) { copyDay(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.hotline, day: '2027-05-03', targets: ['2027-05-04'] } }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'copyWeek',
    query: 'mutation($input: CopyWeekInput!) { copyWeek(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.hotline, week: '2027-05-03', targets: ['2027-05-10'] } }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'repeatWeek',
    query: 'mutation($input: RepeatWeekInput!) { repeatWeek(input: $input) { version } }',
    variables: (i) => ({ input: { hotlineId: i.hotline, week: '2027-05-03', times: 2 } }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'copyToHotline from theirs',
    query: 'mutation($input: CopyToHotlineInput!) { copyToHotline(input: $input) { version } }',
    variables: (i) => ({
      input: {
        sourceHotlineId: i.hotline,
        targetHotlineId: i.ownHotline,
        from: '2027-05-03',
        to: '2027-05-09',
        targetFrom: '2027-08-02',
      },
    }),
    expected: notFound('input.sourceHotlineId'),
  },
  {
    name: 'copyToHotline to theirs',
    query: 'mutation($input: CopyToHotlineInput!) { copyToHotline(input: $input) { version } }',
    variables: (i) => ({
      input: { sourceHotlineId: i.ownHotline, targetHotlineId: i.hotline, from: '2027-05-03', to: '2027-05-09' },
    }),
    expected: notFound('input.targetHotlineId'),
  },
  {
    name: 'createOverride on their hotline',
    query: GQL.CREATE_OVERRIDE,
    variables: (i) => ({
      input: {
        hotlineId: i.hotline,
        start: '2027-05-03T08:00:00Z',
        end: '2027-05-03T10:00:00Z',
        assignees: [p(i.ownPerson)],
      },
    }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'createOverride naming their person',
    query: GQL.CREATE_OVERRIDE,
    variables: (i) => ({
      input: {
        hotlineId: i.ownHotline,
        start: '2027-05-03T08:00:00Z',
        end: '2027-05-03T10:00:00Z',
        assignees: [p(i.person)],
      },
    }),
    expected: { error: 'UNKNOWN_ASSIGNEE', field: 'input.assignees[0].id' },
  },
  {
    name: 'endOverride',
    query: 'mutation($input: EndOverrideInput!) { endOverride(input: $input) { override { id } } }',
    variables: (i) => ({ input: { hotlineId: i.hotline, id: i.override, at: '2027-05-01T12:00:00Z' } }),
    expected: notFound('input.hotlineId'),
  },
  {
    name: 'endOverride of theirs on my hotline',
    query: 'mutation($input: EndOverrideInput!) { endOverride(input: $input) { override { id } } }',
    variables: (i) => ({ input: { hotlineId: i.ownHotline, id: i.override, at: '2027-05-01T12:00:00Z' } }),
    expected: notFound('input.id'),
  },
  {
    name: 'updatePattern',
    query: 'mutation($input: UpdatePatternInput!) { updatePattern(input: $input) { id } }',
    variables: (i) => ({
      input: { id: i.pattern, name: 'Taken over', windows: [{ days: ['MON'], start: '08:00', end: '09:00' }] },
    }),
    expected: notFound('input.id'),
  },
  {
    name: 'deletePattern',
    query: 'mutation($id: ID!) { deletePattern(id: $id) { id } }',
    variables: (i) => ({ id: i.pattern }),
    expected: notFound('id'),
  },
  {
    name: 'updateCallbackSettings',
    query: 'mutation($input: UpdateCallbackSettingsInput!) { updateCallbackSettings(input: $input) { maxAttempts } }',
    variables: (i) => ({ input: { service: { kind: 'HOTLINE', id: i.hotline }, maxAttempts: 9 } }),
    expected: notFound('input.service.id'),
  },
  {
    name: 'resetCallbackSettings',
    query: 'mutation($s: CallbackServiceInput!) { resetCallbackSettings(service: $s) { maxAttempts } }',
    variables: (i) => ({ s: { kind: 'TEAM', id: i.team } }),
    expected: notFound('service.id'),
  },
];

const MUTATIONS = OPERATIONS.filter((o) => o.query.trimStart().startsWith('mutation'));
const QUERIES = OPERATIONS.filter((o) => !o.query.trimStart().startsWith('mutation'));

function accessOver(database: 'sqlite' | 'mariadb') {
  let gateway: GatewayHarness;
  let a: SampleAccount;
  let b: SampleAccount;
  let bIds: Ids;
  let aIds: Ids;

  /** An account with its sample directory, a slot, an override, a pattern and team callback settings. */
  async function filled(
    account: TestAccount,
  ): Promise<{ sample: SampleAccount; ids: Omit<Ids, 'ownHotline' | 'ownPerson'> }> {
    const sample = await seedSample(gateway, account);
    const as = (query: string, variables: Record<string, unknown>) =>
      dataOf(gateway.graphql(query, variables, { token: account.tokens.supervisor }));
    const slot = (
      await as(GQL.CREATE_SLOTS, {
        input: {
          hotlineId: sample.hotlineId,
          slots: [{ start: '2027-05-03T08:00', end: '2027-05-03T18:00', assignees: [p(sample.alice)] }],
        },
      })
    ).createSlots.added[0].id;
    const override = (
      await as(GQL.CREATE_OVERRIDE, {
        input: {
          hotlineId: sample.hotlineId,
          start: '2027-05-01T00:00:00Z',
          end: '2027-05-02T00:00:00Z',
          assignees: [p(sample.bob)],
        },
      })
    ).createOverride.override.id;
    const pattern = (
      await as(GQL.CREATE_PATTERN, {
        input: { name: 'Nights', windows: [{ days: ['MON'], start: '20:00', end: '06:00' }] },
      })
    ).createPattern.id;
    await as(
      'mutation($input: UpdateCallbackSettingsInput!) { updateCallbackSettings(input: $input) { maxAttempts } }',
      { input: { service: { kind: 'TEAM', id: sample.crew }, maxAttempts: 4 } },
    );
    return {
      sample,
      ids: {
        hotline: sample.hotlineId,
        person: sample.alice,
        number: '+33612345601',
        team: sample.crew,
        slot,
        override,
        pattern,
      },
    };
  }

  const snapshot = async (s: SampleAccount) =>
    dataOf(
      gateway.graphql(
        SNAPSHOT,
        { h: s.hotlineId, hotline: { kind: 'HOTLINE', id: s.hotlineId }, team: { kind: 'TEAM', id: s.crew } },
        { token: s.account.tokens.admin },
      ),
    );

  beforeAll(async () => {
    gateway = await startGateway({ database });
    const [first, second] = [await filled(await gateway.newAccount()), await filled(await gateway.newAccount())];
    [a, b] = [first.sample, second.sample];
    bIds = { ...second.ids, ownHotline: a.hotlineId, ownPerson: a.alice };
    aIds = { ...first.ids, ownHotline: a.hotlineId, ownPerson: a.alice };
  }, 90_000);
  afterAll(() => gateway?.close());

  describe("tenant isolation: every operation of account A on account B's ids", () => {
    let before: unknown;
    beforeAll(async () => {
      before = await snapshot(b);
    });

    it.each(OPERATIONS.map((o) => [o.name, o] as const))('%s reads and changes nothing of B', async (_, operation) => {
      const answer = await gateway.graphql(operation.query, operation.variables(bIds), {
        token: a.account.tokens.admin,
      });
      const expected = operation.expected;
      if ('error' in expected) {
        expectCleanError(answer);
        expect(answer.body.errors?.[0].extensions).toMatchObject(
          expected.field ? { code: expected.error, field: expected.field } : { code: expected.error },
        );
      } else if ('nullAt' in expected) {
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data[expected.nullAt]).toBeNull();
      } else {
        expect(answer.body.errors).toBeUndefined();
        expect(JSON.stringify(answer.body.data)).not.toContain(bIds[expected.excludes as keyof Ids]);
      }
      expect(JSON.stringify(answer.body)).not.toContain('+33612345601"'); // no number of B leaks through an error
    });

    it("leaves B's directory, hotlines, schedule, overrides, patterns, settings and audit log as they were", async () => {
      expect(await snapshot(b)).toEqual(before);
    });
  });

  describe('roles: members read, cannot edit', () => {
    it.each(MUTATIONS.map((o) => [o.name, o] as const))(
      'a member is FORBIDDEN to %s, and nothing changes',
      async (_, operation) => {
        const before = await snapshot(a);
        const answer = await gateway.graphql(operation.query, operation.variables(aIds), {
          token: a.account.tokens.member,
        });
        expectCleanError(answer);
        expect(codesOf(answer)).toEqual(['FORBIDDEN']);
        expect(await snapshot(a)).toEqual(before);
      },
    );

    it.each(QUERIES.map((o) => [o.name, o] as const))('a member may %s', async (_, operation) => {
      const answer = await gateway.graphql(operation.query, operation.variables(aIds), {
        token: a.account.tokens.member,
      });
      expect(answer.body.errors).toBeUndefined();
    });

    it('a supervisor and an API key may edit', async () => {
      const bySupervisor = await gateway.graphql(
        GQL.CREATE_PERSON,
        { input: { name: 'By supervisor' } },
        { token: a.account.tokens.supervisor },
      );
      const byKey = await gateway.graphql(
        GQL.CREATE_PERSON,
        { input: { name: 'By key' } },
        { token: a.account.apiKey },
      );
      expect([bySupervisor.body.errors, byKey.body.errors]).toEqual([undefined, undefined]);
    });
  });

  describe('bad input names the field and never yields a 500', () => {
    const slot = (start: string, end: string) => ({ start, end, assignees: [{ kind: 'PERSON', id: 'x' }] });
    it.each([
      [
        'a malformed person id',
        'query($id: ID!) { person(id: $id) { id } }',
        () => ({ id: 'not an id!' }),
        'INVALID_ID',
        'id',
      ],
      [
        'a malformed hotline id in an input',
        GQL.CREATE_SLOTS,
        () => ({ input: { hotlineId: '../etc', slots: [slot('2027-05-03T08:00', '2027-05-03T09:00')] } }),
        'INVALID_ID',
        'input.hotlineId',
      ],
      [
        'a malformed slot id',
        'mutation($input: MoveSlotInput!) { moveSlot(input: $input) { version } }',
        () => ({ input: { hotlineId: a.hotlineId, id: 'a b', start: '2027-05-03T08:00' } }),
        'INVALID_ID',
        'input.id',
      ],
      [
        'a wrong type',
        GQL.CREATE_SLOTS,
        () => ({ input: { hotlineId: a.hotlineId, slots: 'all of them' } }),
        'BAD_USER_INPUT',
        'input.slots',
      ],
      [
        'a wrong number type',
        GQL.CREATE_PERSON,
        () => ({ input: { name: 'X', contactNumbers: [{ number: '+33612345678', ringTimeoutSeconds: '20' }] } }),
        'BAD_USER_INPUT',
        'input.contactNumbers[0].ringTimeoutSeconds',
      ],
      [
        'an unknown enum value',
        GQL.CREATE_SLOTS,
        () => ({
          input: {
            hotlineId: a.hotlineId,
            slots: [{ start: '2027-05-03T08:00', end: '2027-05-03T09:00', assignees: [{ kind: 'ROBOT', id: 'x' }] }],
          },
        }),
        'BAD_USER_INPUT',
        'input.slots[0].assignees[0].kind',
      ],
      [
        'an end before the start',
        GQL.CREATE_SLOTS,
        () => ({
          input: {
            hotlineId: a.hotlineId,
            slots: [slot('2027-05-03T08:00', '2027-05-03T09:00'), slot('2027-05-04T10:00', '2027-05-04T09:00')],
          },
        }),
        'INVALID_RANGE',
        'input.slots[1].end',
      ],
      [
        'a malformed wall-clock time',
        GQL.CREATE_SLOTS,
        () => ({ input: { hotlineId: a.hotlineId, slots: [slot('2027-05-03 08:00', '2027-05-03T09:00')] } }),
        'INVALID_LOCAL_DATE_TIME',
        'input.slots[0].start',
      ],
      [
        'a slot over a month',
        GQL.CREATE_SLOTS,
        () => ({ input: { hotlineId: a.hotlineId, slots: [slot('2027-05-03T08:00', '2027-07-03T09:00')] } }),
        'RANGE_TOO_LONG',
        'input.slots[0].end',
      ],
      [
        'a schedule read over years',
        GQL.SCHEDULE,
        () => ({ h: a.hotlineId, from: '2027-01-01T00:00', to: '2031-01-01T00:00' }),
        'RANGE_TOO_LONG',
        'to',
      ],
      [
        'a coverage over years',
        'query($h: ID!) { coverage(hotlineId: $h, from: "2027-01-01T00:00:00Z", to: "2029-01-01T00:00:00Z") { fullyCovered } }',
        () => ({ h: a.hotlineId }),
        'RANGE_TOO_LONG',
        'to',
      ],
      [
        'a pattern range backwards',
        'mutation($input: ApplyPatternInput!) { applyPattern(input: $input) { version } }',
        () => ({
          input: {
            hotlineId: a.hotlineId,
            patternId: 'preset-weekend',
            from: '2027-06-07',
            to: '2027-06-01',
            assignees: [p(a.alice)],
          },
        }),
        'INVALID_RANGE',
        'input.to',
      ],
      [
        'a week repeated 100 times',
        'mutation($input: RepeatWeekInput!) { repeatWeek(input: $input) { version } }',
        () => ({ input: { hotlineId: a.hotlineId, week: '2027-05-03', times: 100 } }),
        'INVALID_COUNT',
        'input.times',
      ],
      [
        'a week that is not a Monday',
        'mutation($input: CopyWeekInput!) { copyWeek(input: $input) { version } }',
        () => ({ input: { hotlineId: a.hotlineId, week: '2027-05-03', targets: ['2027-05-11'] } }),
        'NOT_A_MONDAY',
        'input.targets[0]',
      ],
      [
        'an unknown time zone',
        GQL.CREATE_HOTLINE,
        () => ({ input: { name: 'X', number: freshHotlineNumber(), timeZone: 'Europe/Atlantis' } }),
        'INVALID_TIME_ZONE',
        'input.timeZone',
      ],
      [
        'an invalid phone number',
        GQL.CREATE_PERSON,
        () => ({ input: { name: 'X', contactNumbers: [{ number: '+33612345678' }, { number: '+33 12' }] } }),
        'INVALID_PHONE_NUMBER',
        'input.contactNumbers[1].number',
      ],
      [
        'an invalid hotline number',
        GQL.CREATE_HOTLINE,
        () => ({ input: { name: 'X', number: '+999', timeZone: 'Europe/Paris' } }),
        'INVALID_PHONE_NUMBER',
        'input.number',
      ],
      [
        'an override level below zero',
        GQL.CREATE_OVERRIDE,
        () => ({
          input: {
            hotlineId: a.hotlineId,
            start: '2027-05-03T08:00:00Z',
            end: '2027-05-03T10:00:00Z',
            level: -1,
            assignees: [p(a.alice)],
          },
        }),
        'INVALID_LEVEL',
        'input.level',
      ],
      [
        'an instant without offset',
        GQL.ON_CALL,
        () => ({ h: a.hotlineId, at: '2027-05-03T10:00' }),
        'INVALID_INSTANT',
        'at',
      ],
      ['a page too large', '{ people(first: 5000) { edges { cursor } } }', () => ({}), 'INVALID_PAGE_SIZE', 'first'],
    ])('%s', async (_, query, variables, code, field) => {
      const answer = await gateway.graphql(query, variables(), { token: a.account.tokens.admin });
      expectCleanError(answer);
      expect(answer.body.errors?.[0].extensions).toMatchObject({ code, field });
    });
  });
}

describe('feature access over HTTP on SQLite', () => accessOver('sqlite'));
describeWithMariaDb('feature access over HTTP on MariaDB', () => accessOver('mariadb'));
