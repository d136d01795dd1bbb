import { HOUR_MS, MINUTE_MS } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { describeWithMariaDb } from '@dutyline/test-support';
import { CLOCK } from '../platform/platform.tokens';
import { type GatewayHarness, type TestAccount, startGateway } from '../testing/gateway-harness';
import { type SampleAccount, codesOf, dataOf, expectCleanError, seedSample } from '../testing/feature-fixtures';

const REQUEST = `id service { kind id } number source createdAt status mode remainingAttempts maxAttempts nextAttemptAt expiresAt lastDay
  visibleToAgents claimedBy claimedUntil callInProgress attempts { at outcome by comment counted } comments { at by text } repeatRequests
  policy { maxAttempts minHoursBetweenAttempts mode }`;
const CREATE = `mutation($input: CreateCallbackRequestInput!) { createCallbackRequest(input: $input) { merged request { ${REQUEST} } } }`;
const LIST = `query($filter: CallbackRequestFilterInput, $first: Int, $after: String) {
  callbackRequests(filter: $filter, first: $first, after: $after) { edges { cursor node { id number status } } pageInfo { hasNextPage endCursor } } }`;
const ONE = `query($id: ID!) { callbackRequest(id: $id) { ${REQUEST} } }`;
const CLAIM = `mutation($id: ID!) { claimCallbackRequest(id: $id) { id claimedBy claimedUntil } }`;
const RELEASE = `mutation($id: ID!) { releaseCallbackRequest(id: $id) { id claimedBy } }`;
const RECORD = `mutation($input: RecordCallbackOutcomeInput!) { recordCallbackOutcome(input: $input) { ${REQUEST} } }`;
const COMMENT = `mutation($input: CommentCallbackRequestInput!) { commentCallbackRequest(input: $input) { comments { by text } } }`;
const CALL_BACK = `mutation($id: ID!, $phone: String) { callBack(id: $id, phone: $phone) { id claimedBy callInProgress } }`;
const INTAKE = `query($s: CallbackServiceInput!) { callbackIntake(service: $s) { service { kind id } offerAt allowedCountries updatedAt } }`;
const UPDATE_INTAKE = `mutation($input: UpdateCallbackIntakeInput!) { updateCallbackIntake(input: $input) { offerAt allowedCountries } }`;
const UPDATE_SETTINGS = `mutation($input: UpdateCallbackSettingsInput!) { updateCallbackSettings(input: $input) { maxAttempts } }`;

const OPENED = '2027-03-27T09:00:00.000Z';

function callbacksOver(database: 'sqlite' | 'mariadb') {
  const clock = new ManualClock(OPENED);
  let gateway: GatewayHarness;
  let a: TestAccount;
  let s: SampleAccount;
  const as = (role: 'admin' | 'supervisor' | 'member', query: string, variables: Record<string, unknown> = {}) =>
    gateway.graphql(query, variables, { token: a.tokens[role] });
  const hotline = () => ({ kind: 'HOTLINE', id: s.hotlineId });
  const crew = () => ({ kind: 'TEAM', id: s.crew });
  let n = 0;
  /** A caller number of this test only, in national form. */
  const caller = () =>
    `06 98 76 ${String(Math.floor(n / 100) % 100).padStart(2, '0')} ${String(n++ % 100).padStart(2, '0')}`;
  const create = async (service = hotline(), number = caller()) =>
    (await dataOf(as('supervisor', CREATE, { input: { service, number } }))).createCallbackRequest.request;

  beforeAll(async () => {
    gateway = await startGateway({ database, override: (builder) => builder.overrideProvider(CLOCK).useValue(clock) });
    a = await gateway.newAccount();
    s = await seedSample(gateway, a);
    // The member user is Bob in the directory (same e-mail): Bob belongs to the crew.
    await dataOf(
      as('supervisor', 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', {
        input: { id: s.bob, email: a.users.member.email },
      }),
    );
  }, 60_000);
  afterAll(() => gateway?.close());
  beforeEach(() => clock.set(OPENED));

  /** The request once it has `status` (the simulator reports its legs just after dialling). */
  const eventually = async (id: string, status: string) => {
    for (let i = 0; ; i++) {
      const read = (await dataOf(as('supervisor', ONE, { id }))).callbackRequest;
      if (read.status === status || i >= 100) return read;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('takes a request in over GraphQL, notes the same caller asking again, and shows every indicator of the list (F19–F21)', async () => {
    await dataOf(
      as('supervisor', UPDATE_SETTINGS, { input: { service: hotline(), maxAttempts: 4, maxProcessingDays: 1 } }),
    );
    const number = caller();
    const first = (
      await dataOf(as('supervisor', CREATE, { input: { service: hotline(), number, comment: 'boiler down' } }))
    ).createCallbackRequest;
    expect(first).toMatchObject({
      merged: false,
      request: {
        service: hotline(),
        source: 'AGENT',
        createdAt: OPENED,
        status: 'OPEN',
        mode: 'MANUAL',
        remainingAttempts: 4,
        maxAttempts: 4,
        nextAttemptAt: OPENED,
        lastDay: '2027-03-28',
        expiresAt: '2027-03-28T22:00:00.000Z',
        visibleToAgents: true,
        claimedBy: null,
        callInProgress: false,
        attempts: [],
        comments: [{ by: a.users.supervisor.id, text: 'boiler down' }],
        repeatRequests: [],
        policy: { maxAttempts: 4, minHoursBetweenAttempts: 2, mode: 'MANUAL' },
      },
    });
    clock.advance(10 * MINUTE_MS);
    const again = (
      await dataOf(
        as('admin', CREATE, { input: { service: hotline(), number: `+33${number.replace(/\s/g, '').slice(1)}` } }),
      )
    ).createCallbackRequest;
    expect(again).toMatchObject({
      merged: true,
      request: { id: first.request.id, repeatRequests: ['2027-03-27T09:10:00.000Z'] },
    });
    const read = (await dataOf(as('member', ONE, { id: first.request.id }))).callbackRequest;
    expect(read).toBeNull(); // a hotline request is not the crew's
  });

  it('hides a request after an unanswered attempt until the minimum delay, with the controllable clock: one second before, at it', async () => {
    const request = await create();
    await dataOf(as('supervisor', CLAIM, { id: request.id }));
    const tried = (
      await dataOf(as('supervisor', RECORD, { input: { id: request.id, outcome: 'NO_ANSWER', comment: 'rang out' } }))
    ).recordCallbackOutcome;
    expect(tried).toMatchObject({
      remainingAttempts: 3,
      visibleToAgents: false,
      nextAttemptAt: '2027-03-27T11:00:00.000Z',
      attempts: [{ outcome: 'NO_ANSWER', comment: 'rang out', counted: true }],
    });
    const visible = async () =>
      (
        await dataOf(as('supervisor', LIST, { filter: { visibleOnly: true, service: hotline() }, first: 100 }))
      ).callbackRequests.edges.map((e: { node: { id: string } }) => e.node.id);
    clock.set('2027-03-27T10:59:59Z');
    expect(await visible()).not.toContain(request.id);
    const early = await as('admin', CLAIM, { id: request.id });
    // Instants in details are ISO strings, as everywhere in the API.
    expect(early.body.errors?.[0].extensions).toMatchObject({
      code: 'CALLBACK_NOT_DUE',
      field: 'id',
      details: { nextAttemptAt: '2027-03-27T11:00:00.000Z' },
    });
    clock.set('2027-03-27T11:00:00Z');
    expect(await visible()).toContain(request.id);
    expect((await dataOf(as('admin', CLAIM, { id: request.id }))).claimCallbackRequest.claimedBy).toBe(
      a.users.admin.id,
    );
  });

  it('lets one of two agents claiming at the same time win; the other is told who holds it', async () => {
    const request = await create();
    const answers = await Promise.all([
      as('admin', CLAIM, { id: request.id }),
      as('supervisor', CLAIM, { id: request.id }),
    ]);
    const won = answers.filter((answer) => !answer.body.errors);
    const lost = answers.filter((answer) => answer.body.errors);
    expect([won.length, lost.length]).toEqual([1, 1]);
    const holder = won[0].body.data.claimCallbackRequest.claimedBy;
    expect(lost[0].body.errors?.[0].extensions).toMatchObject({
      code: 'CALLBACK_CLAIMED',
      field: 'id',
      details: { agentId: holder, until: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
    });
    expect((await dataOf(as('admin', ONE, { id: request.id }))).callbackRequest.claimedBy).toBe(holder);
    const other = holder === a.users.admin.id ? 'supervisor' : 'admin';
    expect(codesOf(await as(other, RELEASE, { id: request.id }))).toEqual(['CALLBACK_CLAIMED']);
    expect(
      (await dataOf(as(holder === a.users.admin.id ? 'admin' : 'supervisor', RELEASE, { id: request.id })))
        .releaseCallbackRequest.claimedBy,
    ).toBeNull();
  });

  it('reaches "max attempts reached" at the last allowed attempt, and lists by status and service, a page at a time', async () => {
    await dataOf(as('supervisor', UPDATE_SETTINGS, { input: { service: crew(), maxAttempts: 1 } }));
    const request = await create(crew());
    const last = (await dataOf(as('supervisor', RECORD, { input: { id: request.id, outcome: 'BUSY' } })))
      .recordCallbackOutcome;
    expect(last).toMatchObject({ status: 'MAX_ATTEMPTS_REACHED', remainingAttempts: 0, nextAttemptAt: null });
    expect(codesOf(await as('supervisor', RECORD, { input: { id: request.id, outcome: 'ANSWERED' } }))).toEqual([
      'CALLBACK_MAX_ATTEMPTS_REACHED',
    ]);
    const listed = await dataOf(
      as('supervisor', LIST, { filter: { status: 'MAX_ATTEMPTS_REACHED', service: crew() } }),
    );
    expect(listed.callbackRequests.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([request.id]);
    clock.advance(MINUTE_MS);
    await create(crew());
    const page = (await dataOf(as('supervisor', LIST, { filter: { service: crew() }, first: 1 }))).callbackRequests;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = (
      await dataOf(as('supervisor', LIST, { filter: { service: crew() }, first: 1, after: page.pageInfo.endCursor }))
    ).callbackRequests;
    expect(next.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([request.id]);
  });

  it('lets members work the requests of their services only', async () => {
    const onCrew = await create(crew());
    const onHotline = await create(hotline());
    const listed = (await dataOf(as('member', LIST, { first: 100 }))).callbackRequests.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(listed).toContain(onCrew.id);
    expect(listed).not.toContain(onHotline.id);
    expect((await dataOf(as('member', CLAIM, { id: onCrew.id }))).claimCallbackRequest.claimedBy).toBe(
      a.users.member.id,
    );
    expect(
      (await dataOf(as('member', COMMENT, { input: { id: onCrew.id, text: 'calling at noon' } })))
        .commentCallbackRequest.comments,
    ).toEqual([{ by: a.users.member.id, text: 'calling at noon' }]);
    const refused = await as('member', CLAIM, { id: onHotline.id });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const created = await as('member', CREATE, { input: { service: hotline(), number: caller() } });
    expect(created.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.service.id' });
    expect(
      codesOf(await as('member', UPDATE_INTAKE, { input: { service: crew(), allowedCountries: ['FR'] } })),
    ).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['an invalid number', { number: '0612' }, 'CALLBACK_NUMBER_INVALID', 'input.number'],
    ['a premium-rate number', { number: '08 99 12 34 56' }, 'CALLBACK_NUMBER_PREMIUM_RATE', 'input.number'],
    [
      'a number outside the allowed countries',
      { number: '+44 20 7946 0958' },
      'CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED',
      'input.number',
    ],
    ['an unknown team', { service: { kind: 'TEAM', id: 'no-such-team' } }, 'NOT_FOUND', 'input.service.id'],
    ['a malformed id', { service: { kind: 'TEAM', id: 'no such team' } }, 'INVALID_ID', 'input.service.id'],
    ['an unknown service kind', { service: { kind: 'DEPARTMENT', id: 'x' } }, 'BAD_USER_INPUT', 'input.service.kind'],
  ])('refuses %s, naming the field, without a 500', async (_, change, code, field) => {
    const answer = await as('supervisor', CREATE, { input: { service: hotline(), number: caller(), ...change } });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code, field });
  });

  it('refuses a bad outcome and an unknown request, naming the field', async () => {
    const request = await create();
    const badOutcome = await as('supervisor', RECORD, { input: { id: request.id, outcome: 'MAYBE' } });
    expectCleanError(badOutcome);
    expect(badOutcome.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });
    expect((await as('supervisor', CLAIM, { id: 'no-such-request' })).body.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    expect(
      (await as('supervisor', COMMENT, { input: { id: request.id, text: '   ' } })).body.errors?.[0].extensions,
    ).toMatchObject({ code: 'REQUIRED', field: 'input.text' });
    expect(
      (await as('supervisor', LIST, { filter: { service: { kind: 'TEAM', id: 'bad id!' } } })).body.errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'INVALID_ID', field: 'filter.service.id' });
    expect((await as('supervisor', LIST, { first: 0 })).body.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_PAGE_SIZE',
      field: 'first',
    });
  });

  it('keeps intake settings: the offer point and the allowed countries, naming faulty fields', async () => {
    expect((await dataOf(as('supervisor', INTAKE, { s: hotline() }))).callbackIntake).toEqual({
      service: hotline(),
      offerAt: null,
      allowedCountries: null,
      updatedAt: null,
    });
    expect(
      (
        await dataOf(
          as('supervisor', UPDATE_INTAKE, {
            input: { service: hotline(), offerAt: 'BEFORE_VOICEMAIL', allowedCountries: ['fr', 'GB'] },
          }),
        )
      ).updateCallbackIntake,
    ).toEqual({ offerAt: 'BEFORE_VOICEMAIL', allowedCountries: ['FR', 'GB'] });
    expect(
      (await dataOf(as('supervisor', CREATE, { input: { service: hotline(), number: '+44 20 7946 0958' } })))
        .createCallbackRequest.request.number,
    ).toBe('+442079460958');
    expect(
      (await dataOf(as('supervisor', UPDATE_INTAKE, { input: { service: hotline(), offerAt: null } })))
        .updateCallbackIntake,
    ).toEqual({ offerAt: null, allowedCountries: ['FR', 'GB'] });
    for (const [input, code, field] of [
      [{ service: crew(), offerAt: 'GREETING' }, 'INVALID_CALLBACK_OFFER', 'input.offer'],
      [{ service: hotline(), allowedCountries: ['FR', 'XX'] }, 'INVALID_COUNTRY', 'input.allowedCountries[1]'],
    ] as const) {
      const answer = await as('supervisor', UPDATE_INTAKE, { input });
      expectCleanError(answer);
      expect(answer.body.errors?.[0].extensions).toMatchObject({ code, field });
    }
  });

  it('calls back through the carrier (click-to-call): the agent is rung first, then the caller; the answer closes the request', async () => {
    const request = await create();
    const started = (await dataOf(as('supervisor', CALL_BACK, { id: request.id, phone: '06 11 22 33 44' }))).callBack;
    expect(started).toEqual({ id: request.id, claimedBy: a.users.supervisor.id, callInProgress: true });
    const done = await eventually(request.id, 'DONE');
    expect(done).toMatchObject({
      callInProgress: false,
      claimedBy: null,
      attempts: [{ outcome: 'ANSWERED', by: a.users.supervisor.id }],
    });
    expect(codesOf(await as('admin', CALL_BACK, { id: request.id, phone: '06 11 22 33 45' }))).toEqual([
      'CALLBACK_DONE',
    ]);
    const noPhone = await as('admin', CALL_BACK, { id: (await create()).id });
    expect(noPhone.body.errors?.[0].extensions).toMatchObject({ code: 'NO_AGENT_PHONE', field: 'phone' });
  });

  it('works an automatic request in this process without Redis: the simulator rings the person on duty, then the caller (embedded default)', async () => {
    await dataOf(as('supervisor', UPDATE_SETTINGS, { input: { service: crew(), mode: 'AUTOMATIC' } }));
    const request = await create(crew());
    expect(await eventually(request.id, 'DONE')).toMatchObject({
      status: 'DONE',
      mode: 'AUTOMATIC',
      callInProgress: false,
      attempts: [{ outcome: 'ANSWERED', by: null, counted: true }],
    });
    await dataOf(as('supervisor', UPDATE_SETTINGS, { input: { service: crew(), mode: 'MANUAL' } }));
  });

  it("keeps another account's requests out of reach", async () => {
    const request = await create();
    const b = await gateway.newAccount();
    const theirs = (query: string, variables: Record<string, unknown>) =>
      gateway.graphql(query, variables, { token: b.tokens.admin });
    expect((await dataOf(theirs(ONE, { id: request.id }))).callbackRequest).toBeNull();
    expect((await dataOf(theirs(LIST, { first: 100 }))).callbackRequests.edges).toEqual([]);
    for (const query of [CLAIM, RELEASE, CALL_BACK])
      expect(codesOf(await theirs(query, { id: request.id }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await theirs(RECORD, { input: { id: request.id, outcome: 'ANSWERED' } }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await theirs(CREATE, { input: { service: hotline(), number: caller() } }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await theirs(INTAKE, { s: hotline() }))).toEqual(['NOT_FOUND']);
    clock.advance(HOUR_MS);
    expect((await dataOf(as('admin', ONE, { id: request.id }))).callbackRequest).toMatchObject({
      status: 'OPEN',
      claimedBy: null,
      attempts: [],
    });
  });
}

describe('callback requests over HTTP on SQLite', () => callbacksOver('sqlite'));
describeWithMariaDb('callback requests over HTTP on MariaDB', () => callbacksOver('mariadb'));
