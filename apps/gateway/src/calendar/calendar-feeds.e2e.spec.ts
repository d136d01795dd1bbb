/**
 * Calendar feeds over HTTP, on SQLite and MariaDB: `calendarUrl` and `rotateCalendarToken` over
 * GraphQL, `GET /calendar/<token>.ics` parsed back with an independent parser (node-ical): the nights
 * the clocks change in Paris and on Lord Howe, team slots, stable UIDs, a change seen on the next
 * fetch, rotation, 404s, the rate limit on misses, roles and accounts.
 */
import { randomBytes } from 'node:crypto';
import { HOUR_MS } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { describeWithMariaDb } from '@dutyline/test-support';
import ical, { type VEvent } from 'node-ical';
import { AddressMissLimiter } from '../notifications/address-miss-limiter';
import { CLOCK } from '../platform/platform.tokens';
import { GQL, codesOf, dataOf, expectCleanError, freshHotlineNumber } from '../testing/feature-fixtures';
import { type GatewayHarness, type TestAccount, startGateway } from '../testing/gateway-harness';
import { CALENDAR_FEED_LIMITER } from './calendar.tokens';

jest.setTimeout(60_000);

const SPRING = '2027-03-20T12:00:00Z';
const AUTUMN = '2027-10-01T12:00:00Z';
const PERSON_URL = 'query($id: ID!) { person(id: $id) { calendarUrl } }';
const HOTLINE_URL = 'query($id: ID!) { hotline(id: $id) { calendarUrl } }';
const ROTATE = 'mutation($person: ID, $hotline: ID) { rotateCalendarToken(person: $person, hotline: $hotline) }';
const person = (id: string) => ({ kind: 'PERSON', id });
const team = (id: string) => ({ kind: 'TEAM', id });
const iso = (date: Date) => date.toISOString();

interface Fixture {
  alice: string;
  bob: string;
  carol: string;
  crew: string;
  paris: string;
  lordHowe: string;
  slots: Record<string, string>;
}

function feedsOver(database: 'sqlite' | 'mariadb') {
  let gateway: GatewayHarness;
  let account: TestAccount;
  let f: Fixture;
  const clock = new ManualClock(SPRING);
  const asAdmin = (query: string, variables: Record<string, unknown> = {}) =>
    gateway.graphql(query, variables, { token: account.apiKey });
  const asMember = (query: string, variables: Record<string, unknown> = {}) =>
    gateway.graphql(query, variables, { token: account.tokens.member });
  const pathOf = (url: string) => new URL(url).pathname;
  const tokenOf = (url: string) => pathOf(url).replace(/^\/calendar\/|\.ics$/g, '');

  /** The feed at `url`, parsed: its events by UID and the calendar's name. */
  async function fetchFeed(url: string) {
    const response = await gateway.get(pathOf(url));
    expect(response.status).toBe(200);
    const text = await response.text();
    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    return {
      response,
      text,
      name: (parsed.vcalendar as unknown as Record<string, string> | undefined)?.['WR-CALNAME'],
      events: new Map(events.map((e) => [e.uid, e])),
    };
  }
  const span = (e: VEvent | undefined) =>
    e?.end && [iso(e.start), iso(e.end), (e.end.getTime() - e.start.getTime()) / HOUR_MS];
  const urlOf = async (query: string, id: string, as = asAdmin) => {
    const data = await dataOf(as(query, { id }));
    return (data.person ?? data.hotline).calendarUrl as string;
  };

  beforeAll(async () => {
    gateway = await startGateway({
      database,
      env: { PUBLIC_URL: 'https://hotline.example.org/' },
      override: (builder) =>
        builder
          .overrideProvider(CLOCK)
          .useValue(clock)
          .overrideProvider(CALENDAR_FEED_LIMITER)
          .useValue(new AddressMissLimiter({ maxMisses: 12, windowMs: 10 * 60_000 })),
    });
    account = await gateway.newAccount();
    const newPerson = async (name: string, numbers: { number: string; label: string }[], email?: string) =>
      (await dataOf(asAdmin(GQL.CREATE_PERSON, { input: { name, contactNumbers: numbers, email } }))).createPerson
        .id as string;
    const alice = await newPerson('Alice Martin', [
      { number: '+33612345601', label: 'mobile' },
      { number: '+33145000001', label: 'home' },
    ]);
    const bob = await newPerson('Bob Durand', [{ number: '+33612345602', label: 'mobile' }]);
    const carol = await newPerson(
      'Carol Petit',
      [{ number: '+33612345603', label: 'mobile' }],
      account.users.member.email,
    );
    const crew = (
      await dataOf(asAdmin(GQL.CREATE_TEAM, { input: { name: 'Équipe maintenance', memberIds: [bob, carol] } }))
    ).createTeam.id as string;
    const hotline = async (name: string, timeZone: string) =>
      (await dataOf(asAdmin(GQL.CREATE_HOTLINE, { input: { name, number: freshHotlineNumber(), timeZone } })))
        .createHotline.id as string;
    const paris = await hotline('Maintenance (astreinte)', 'Europe/Paris');
    const lordHowe = await hotline('Lord Howe desk', 'Australia/Lord_Howe');
    /** Creates the slots and answers their ids in the order given. */
    const create = async (hotlineId: string, slots: { start: string; end: string; assignees: unknown[] }[]) => {
      const added = (await dataOf(asAdmin(GQL.CREATE_SLOTS, { input: { hotlineId, slots } }))).createSlots.added as {
        id: string;
        start: string;
      }[];
      return slots.map((slot) => added.find((a) => a.start === slot.start)!.id);
    };
    const [parisSpring, parisAutumn, teamDay] = await create(paris, [
      { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [person(alice)] },
      { start: '2027-10-30T22:00', end: '2027-10-31T06:00', assignees: [person(alice), person(bob)] },
      { start: '2027-03-29T08:00', end: '2027-03-29T18:00', assignees: [person(alice), team(crew)] },
    ]);
    const [howeApril, howeOctober] = await create(lordHowe, [
      { start: '2027-04-03T22:00', end: '2027-04-04T06:00', assignees: [person(alice)] },
      { start: '2027-10-02T22:00', end: '2027-10-03T06:00', assignees: [person(alice)] },
    ]);
    f = {
      alice,
      bob,
      carol,
      crew,
      paris,
      lordHowe,
      slots: { parisSpring, parisAutumn, teamDay, howeApril, howeOctober },
    };
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(SPRING));

  it("serves a person's shifts at the right instants on the nights the clocks change, Paris and Lord Howe, as text/calendar", async () => {
    const url = await urlOf(PERSON_URL, f.alice);
    expect(url).toMatch(/^https:\/\/hotline\.example\.org\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const spring = await fetchFeed(url);
    expect([
      spring.response.headers.get('content-type'),
      spring.response.headers.get('cache-control'),
      spring.response.headers.get('referrer-policy'),
    ]).toEqual(['text/calendar; charset=utf-8', 'private, max-age=300', 'no-referrer']);
    expect(spring.name).toBe('Alice Martin — on call');
    expect(spring.text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(spring.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
    expect(spring.text).toContain('DTSTART;TZID=Europe/Paris:20270327T220000');
    const s = f.slots;
    expect(span(spring.events.get(`slot-${s.parisSpring}@dutyline`))).toEqual([
      '2027-03-27T21:00:00.000Z',
      '2027-03-28T04:00:00.000Z',
      7,
    ]);
    // Lord Howe: the clocks go back 30 minutes at 02:00 on the first Sunday of April.
    expect(span(spring.events.get(`slot-${s.howeApril}@dutyline`))).toEqual([
      '2027-04-03T11:00:00.000Z',
      '2027-04-03T19:30:00.000Z',
      8.5,
    ]);
    expect(spring.events.has(`slot-${s.parisAutumn}@dutyline`)).toBe(false); // more than 180 days ahead

    clock.set(AUTUMN);
    const autumn = await fetchFeed(url);
    expect(span(autumn.events.get(`slot-${s.parisAutumn}@dutyline`))).toEqual([
      '2027-10-30T20:00:00.000Z',
      '2027-10-31T05:00:00.000Z',
      9,
    ]);
    expect(span(autumn.events.get(`slot-${s.howeOctober}@dutyline`))).toEqual([
      '2027-10-02T11:30:00.000Z',
      '2027-10-02T19:00:00.000Z',
      7.5,
    ]);
    expect(autumn.events.has(`slot-${s.parisSpring}@dutyline`)).toBe(false); // more than 30 days back
  });

  it('names the hotline and level, lists the numbers in ringing order, and keeps the UIDs from one fetch to the next', async () => {
    const url = await urlOf(PERSON_URL, f.alice);
    const first = await fetchFeed(url);
    const second = await fetchFeed(url);
    expect([...second.events.keys()]).toEqual([...first.events.keys()]);
    const night = first.events.get(`slot-${f.slots.parisSpring}@dutyline`)!;
    expect(night.summary).toBe('Maintenance (astreinte) — level 1');
    expect(night.description).toContain('Your numbers, rung in order:\n1. mobile +33612345601\n2. home +33145000001');
    expect(await urlOf(PERSON_URL, f.alice)).toBe(url);
  });

  it("puts a team's slot in its members' feeds, saying through which team, and lists the hotline's slots by level", async () => {
    const carol = await fetchFeed(await urlOf(PERSON_URL, f.carol));
    const day = carol.events.get(`slot-${f.slots.teamDay}@dutyline`);
    expect(day?.summary).toBe('Maintenance (astreinte) — level 2');
    expect(day?.description).toContain(
      'via team Équipe maintenance, whose members are rung in order: Bob Durand, Carol Petit (you)',
    );
    expect(day?.description).toContain('Your numbers, rung in order:\n1. mobile +33612345603');
    expect([...carol.events.keys()]).toEqual([`slot-${f.slots.teamDay}@dutyline`]);

    const hotline = await fetchFeed(await urlOf(HOTLINE_URL, f.paris));
    expect(hotline.name).toBe('Maintenance (astreinte) — on call');
    const slot = hotline.events.get(`slot-${f.slots.teamDay}@dutyline`);
    expect(slot?.summary).toBe('Level 1: Alice Martin · Level 2: Équipe maintenance');
    expect(slot?.description).toBe(
      [
        'Rung in order:',
        '1. Alice Martin (level 1) — mobile +33612345601',
        '2. Alice Martin (level 1) — home +33145000001',
        '3. Bob Durand (level 2, team Équipe maintenance) — mobile +33612345602',
        '4. Carol Petit (level 2, team Équipe maintenance) — mobile +33612345603',
      ].join('\n'),
    );
    expect(hotline.events.has(`slot-${f.slots.howeApril}@dutyline`)).toBe(false);
  });

  it('shows a schedule change and a new override on the very next fetch', async () => {
    const url = await urlOf(PERSON_URL, f.bob);
    expect((await fetchFeed(url)).events.size).toBe(1); // the team's day
    const added = await dataOf(
      asAdmin(GQL.CREATE_SLOTS, {
        input: {
          hotlineId: f.paris,
          slots: [{ start: '2027-03-22T08:00', end: '2027-03-22T12:00', assignees: [person(f.bob)] }],
        },
      }),
    );
    const cover = await dataOf(
      asAdmin(GQL.CREATE_OVERRIDE, {
        input: {
          hotlineId: f.paris,
          start: '2027-03-21T09:00:00Z',
          end: '2027-03-21T11:00:00Z',
          assignees: [person(f.bob)],
          level: 0,
          reason: 'Alice at the dentist',
        },
      }),
    );
    const after = await fetchFeed(url);
    const slot = after.events.get(`slot-${added.createSlots.added[0].id}@dutyline`);
    const override = after.events.get(`override-${cover.createOverride.override.id}@dutyline`);
    expect(span(slot)).toEqual(['2027-03-22T07:00:00.000Z', '2027-03-22T11:00:00.000Z', 4]);
    expect([override?.summary, span(override)]).toEqual([
      'Maintenance (astreinte) — level 1 (override)',
      ['2027-03-21T09:00:00.000Z', '2027-03-21T11:00:00.000Z', 2],
    ]);
    expect(override?.description).toContain('Reason: Alice at the dentist');
  });

  it('answers a rotated token 404 at once and the new one 200; unknown and malformed tokens get the same 404; no token in the logs', async () => {
    const old = await urlOf(HOTLINE_URL, f.lordHowe);
    const rotated = (await dataOf(asAdmin(ROTATE, { hotline: f.lordHowe }))).rotateCalendarToken as string;
    expect(rotated).not.toBe(old);
    expect(await urlOf(HOTLINE_URL, f.lordHowe)).toBe(rotated);
    expect((await fetchFeed(rotated)).events.has(`slot-${f.slots.howeApril}@dutyline`)).toBe(true);
    const answers = [];
    for (const path of [
      pathOf(old),
      `/calendar/${randomBytes(32).toString('base64url')}.ics`,
      `/calendar/${tokenOf(rotated)}`,
      '/calendar/not-a-token.ics',
    ]) {
      const response = await gateway.get(path);
      answers.push({
        status: response.status,
        cache: response.headers.get('cache-control'),
        body: await response.json(),
      });
    }
    expect(answers).toEqual(
      Array(4).fill({
        status: 404,
        cache: 'private, no-store',
        body: { error: { code: 'NOT_FOUND', message: 'Calendar not found' } },
      }),
    );
    const logs = JSON.stringify(gateway.logs);
    expect([logs.includes(tokenOf(old)), logs.includes(tokenOf(rotated))]).toEqual([false, false]);
    expect(gateway.logs).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/calendar/:token', status: 404 }),
    );
  });

  it("lets a member see and rotate their own person's feed only", async () => {
    const own = await urlOf(PERSON_URL, f.carol, asMember);
    expect((await dataOf(asMember('{ me { person { id calendarUrl } } }'))).me.person).toEqual({
      id: f.carol,
      calendarUrl: own,
    });
    for (const answer of [
      await asMember(PERSON_URL, { id: f.alice }),
      await asMember(HOTLINE_URL, { id: f.paris }),
      await asMember(ROTATE, { person: f.alice }),
    ]) {
      expectCleanError(answer);
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    }
    const mine = (await dataOf(asMember(ROTATE, { person: f.carol }))).rotateCalendarToken as string;
    expect(mine).not.toBe(own);
    expect((await gateway.get(pathOf(own))).status).toBe(404);
    expect((await gateway.get(pathOf(mine))).status).toBe(200);
  });

  it("refuses unclear arguments by name, and never reaches another account's person or hotline", async () => {
    const neither = await asAdmin(ROTATE);
    const both = await asAdmin(ROTATE, { person: f.alice, hotline: f.paris });
    for (const answer of [neither, both]) expectCleanError(answer);
    expect(
      [neither, both].map((a) => [a.body.errors![0].extensions?.code, a.body.errors![0].extensions?.field]),
    ).toEqual([
      ['REQUIRED', 'person'],
      ['TOO_MANY', 'hotline'],
    ]);

    const other = await gateway.newAccount();
    const stranger = (
      await dataOf(
        gateway.graphql(
          GQL.CREATE_PERSON,
          { input: { name: 'Stranger', contactNumbers: [] } },
          { token: other.apiKey },
        ),
      )
    ).createPerson.id;
    expect((await dataOf(asAdmin(PERSON_URL, { id: stranger }))).person).toBeNull();
    const refused = await asAdmin(ROTATE, { person: stranger });
    expect([codesOf(refused), refused.body.errors?.[0].extensions?.field]).toEqual([['NOT_FOUND'], 'person']);
    expect(codesOf(await asAdmin(ROTATE, { hotline: stranger }))).toEqual(['NOT_FOUND']);
    // Their feed holds only their account's shifts.
    const theirs = (await dataOf(gateway.graphql(PERSON_URL, { id: stranger }, { token: other.apiKey }))).person
      .calendarUrl;
    expect((await fetchFeed(theirs)).events.size).toBe(0);
  });

  it('makes an address that keeps missing wait, valid tokens included, until the next window', async () => {
    clock.set('2027-03-20T15:00:00Z'); // a fresh window
    const url = await urlOf(PERSON_URL, f.alice);
    for (let miss = 0; miss < 12; miss++)
      expect((await gateway.get(`/calendar/${randomBytes(32).toString('base64url')}.ics`)).status).toBe(404);
    const refused = await gateway.get(pathOf(url));
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '600']);
    clock.advance(10 * 60_000);
    expect((await gateway.get(pathOf(url))).status).toBe(200);
  });
}

describe('calendar feeds over HTTP on SQLite', () => feedsOver('sqlite'));
describeWithMariaDb('calendar feeds over HTTP on MariaDB', () => feedsOver('mariadb'));
