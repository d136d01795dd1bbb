import { LocalTime, TimeZone, formatInstant } from '@dutyline/domain';
import { describeWithMariaDb } from '@dutyline/test-support';
import { DEMO_GAP, DEMO_TIME_ZONE } from '../demo-data/demo-data.step';
import { DemoSeeder } from '../seed/demo-seeder.service';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import { GQL, dataOf, expectCleanError, featureGateway } from '../testing/feature-fixtures';

const COVERAGE = `query($h: ID!, $from: Instant!, $to: Instant!) {
  coverage(hotlineId: $h, from: $from, to: $to) {
    from to serviceSeconds coveredSeconds coveredFraction fullyCovered alwaysInService
    gaps { start end localStart localEnd reason startsBeforeRange endsAfterRange key fingerprint }
  }
}`;

function coverageOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database, { sample: true });
  const as = (query: string, variables: Record<string, unknown> = {}) =>
    f.gateway.graphql(query, variables, { token: f.account.tokens.member });

  beforeAll(async () => {
    const slots = [
      { start: '2027-10-30T06:00', end: '2027-10-30T22:00', assignees: [{ kind: 'TEAM', id: f.sample.crew }] },
      { start: '2027-10-30T22:00', end: '2027-10-31T02:30', assignees: [{ kind: 'PERSON', id: f.sample.bob }] },
      { start: '2027-10-31T03:00', end: '2027-10-31T22:00', assignees: [{ kind: 'PERSON', id: f.sample.alice }] },
    ];
    await dataOf(
      f.gateway.graphql(
        GQL.CREATE_SLOTS,
        { input: { hotlineId: f.sample.hotlineId, slots } },
        { token: f.account.tokens.supervisor },
      ),
    );
  });

  it('finds the 1 h 30 hole a 02:30→03:00 wall-clock gap makes the night clocks go back (members may read it)', async () => {
    const coverage = (
      await dataOf(as(COVERAGE, { h: f.sample.hotlineId, from: '2027-10-30T06:00:00Z', to: '2027-10-31T18:00:00Z' }))
    ).coverage;
    expect(coverage).toMatchObject({
      fullyCovered: false,
      alwaysInService: true,
      serviceSeconds: 36 * 3600,
      coveredSeconds: 34.5 * 3600,
    });
    expect(coverage.gaps).toEqual([
      {
        start: '2027-10-31T00:30:00.000Z',
        end: '2027-10-31T02:00:00.000Z',
        localStart: '2027-10-31T02:30',
        localEnd: '2027-10-31T03:00',
        reason: 'NOBODY_SCHEDULED',
        startsBeforeRange: false,
        endsAfterRange: false,
        key: `${f.sample.hotlineId}@2027-10-31T00:30:00.000Z`,
        fingerprint: `${f.sample.hotlineId}@2027-10-31T00:30:00.000Z/2027-10-31T02:00:00.000Z`,
      },
    ]);
  });

  it.each([
    ['an end before the start', '2027-10-31T00:00:00Z', '2027-10-30T00:00:00Z', 'INVALID_RANGE', 'to'],
    ['a range of years', '2027-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 'RANGE_TOO_LONG', 'to'],
    ['an instant without offset', '2027-10-31T00:00', '2027-11-01T00:00:00Z', 'INVALID_INSTANT', 'from'],
  ])('refuses %s, naming the argument', async (_, from, to, code, field) => {
    const answer = await as(COVERAGE, { h: f.sample.hotlineId, from, to });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toEqual({ code, field });
  });
}

describe('coverage over HTTP on SQLite', () => coverageOver('sqlite'));
describeWithMariaDb('coverage over HTTP on MariaDB', () => coverageOver('mariadb'));

describe('the embedded default demo', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway({ database: 'sqlite', env: { DEMO_SEED: 'true' } });
  }, 60_000);
  afterAll(() => gateway?.close());

  it('seeds five people with colours and numbers (the demo admin one of them), a team, a Paris hotline and this week with exactly one gap', async () => {
    const facts = await gateway.app.get(DemoSeeder).run();
    const key = { token: facts.apiKey! };
    const directory = await dataOf(
      gateway.graphql(
        '{ people(first: 10) { edges { node { name colour contactNumbers { number } } } } teams { edges { node { name members { name } } } } hotlines { edges { node { id number timeZone } } } }',
        {},
        key,
      ),
    );
    const people = directory.people.edges.map(
      (e: { node: { name: string; colour: string; contactNumbers: unknown[] } }) => e.node,
    );
    expect(people).toHaveLength(5);
    expect(new Set(people.map((p: { colour: string }) => p.colour)).size).toBe(5);
    people.forEach((p: { contactNumbers: unknown[] }) => expect(p.contactNumbers.length).toBeGreaterThan(0));
    expect(directory.teams.edges).toHaveLength(1);
    const [hotline] = directory.hotlines.edges.map(
      (e: { node: { id: string; number: string; timeZone: string } }) => e.node,
    );
    expect(hotline).toMatchObject({ number: facts.hotline, timeZone: DEMO_TIME_ZONE });

    const zone = TimeZone.of(DEMO_TIME_ZONE);
    const monday = zone.toLocal(Date.now()).date.startOfWeek();
    const from = formatInstant(zone.toInstant(monday.at(LocalTime.MIDNIGHT)));
    const to = formatInstant(zone.toInstant(monday.plusDays(7).at(LocalTime.MIDNIGHT)));
    const coverage = (await dataOf(gateway.graphql(COVERAGE, { h: hotline.id, from, to }, key))).coverage;
    const wednesday = monday.plusDays(DEMO_GAP.weekday - 1);
    expect(coverage.gaps.map((g: { localStart: string; localEnd: string }) => `${g.localStart}→${g.localEnd}`)).toEqual(
      [`${wednesday}T${DEMO_GAP.start}→${wednesday}T${DEMO_GAP.end}`],
    );

    // The demo admin is one of the people (by e-mail), on duty Thursday night.
    const login = (
      await dataOf(
        gateway.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
          e: facts.admin.email,
          p: facts.admin.password,
        }),
      )
    ).login;
    const me = (
      await dataOf(
        gateway.graphql('{ me { person { id name contactNumbers { number } } } }', {}, { token: login.token }),
      )
    ).me;
    expect(me.person).toMatchObject({ name: 'Julie Moreau', contactNumbers: [{ number: '+33656781205' }] });
    const thursdayNight = `${monday.plusDays(3)}T18:00`;
    const week = (
      await dataOf(
        gateway.graphql(GQL.SCHEDULE, { h: hotline.id, from: thursdayNight, to: `${monday.plusDays(4)}T08:00` }, key),
      )
    ).schedule;
    expect(
      week.slots.map((x: { start: string; assignees: { id: string }[] }) => [x.start, x.assignees.map((a) => a.id)]),
    ).toEqual([[thursdayNight, [me.person.id]]]);
  });
});
