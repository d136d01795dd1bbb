/**
 * The cap on simultaneous calls per person (F26) across two gateways sharing MariaDB and Redis: a
 * person put through on gateway A is skipped without ringing by a call arriving at gateway B, and is
 * rung again once that first call has ended; the same on one embedded gateway (SQLite, in process).
 * Vonage's webhooks are replayed over HTTP, signed.
 */
import type { Application, Caller } from '@dutyline/application';
import type { Person } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { describeWithMariaDb, describeWithRedis, redisKeyPrefixes, redisUrl } from '@dutyline/test-support';
import { type Ncco, createVonageVoiceClient } from '@dutyline/vonage';
import {
  FakeVonageApi,
  answerPayload,
  callEventPayload,
  inputEventPayload,
  nativeVonageSdk,
  signVonageWebhook,
  testApplicationKeys,
} from '@dutyline/vonage/testing';
import { Redis } from 'ioredis';
import { APPLICATION } from '../application/application.module';
import { VONAGE_VOICE_API } from '../carrier/carrier.tokens';
import { CLOCK } from '../platform/platform.tokens';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VONAGE_SETTINGS } from '../vonage/vonage.tokens';

jest.setTimeout(60_000);

const SECRET = 'vonage-signature-secret-for-cap-tests-0123456';
const PUBLIC_URL = 'https://dutyline.example.com';
/** 01:30 in Paris, half an hour before the clocks go forward. */
const NIGHT = '2027-03-28T00:30:00Z';
const run = String(Date.now() % 100_000).padStart(5, '0');
const num = (prefix: string, n: number) => `+33${prefix}${run}${String(n).padStart(2, '0')}`;
const N = {
  hotline: num('14', 51),
  caller: num('69', 51),
  aliceMobile: num('61', 51),
  aliceHome: num('14', 52),
  bobMobile: num('62', 51),
  danMobile: num('64', 51),
};
const digits = (e164: string) => e164.slice(1);

/** Vonage's side: signed GETs and POSTs of its payloads to one gateway; the NCCO each gets back. */
function vonageTo(gateway: GatewayHarness, clock: ManualClock) {
  const send = async (method: 'GET' | 'POST', target: string, fields: Record<string, unknown>) => {
    const path = target.startsWith('http') ? new URL(target).pathname : target;
    const rawQuery = method === 'GET' ? new URLSearchParams(fields as Record<string, string>).toString() : undefined;
    const rawBody = method === 'POST' ? JSON.stringify(fields) : undefined;
    const signed = rawQuery !== undefined ? { rawQuery } : { rawBody };
    const response = await fetch(`${gateway.url}${path}${rawQuery ? `?${rawQuery}` : ''}`, {
      method,
      headers: {
        authorization: signVonageWebhook({ secret: SECRET, issuedAt: clock.now(), ...signed }),
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      body: rawBody,
    });
    const text = await response.text();
    return { status: response.status, ncco: (text === '' ? null : JSON.parse(text)) as Ncco | null };
  };
  return { get: (target: string, fields: Record<string, string>) => send('GET', target, fields), post: send };
}

/** Who the NCCO's connect rings, and the URLs of its leg. */
function connectOf(ncco: Ncco | null) {
  const connect = ncco?.find((a) => a.action === 'connect');
  if (connect?.action !== 'connect') throw new Error(`no connect in ${JSON.stringify(ncco)}`);
  const endpoint = connect.endpoint[0];
  return {
    to: endpoint.type === 'phone' ? `+${endpoint.number}` : endpoint.uri,
    eventUrl: connect.eventUrl?.[0] ?? '',
    confirmUrl: endpoint.type === 'phone' ? (endpoint.onAnswer?.url ?? '') : '',
    callId: /\/legs\/([^/]+)\//.exec(connect.eventUrl?.[0] ?? '')?.[1] ?? '',
  };
}

/** Every number an NCCO would dial. */
const dialledBy = (ncco: Ncco | null): string[] =>
  (ncco ?? []).flatMap((a) =>
    a.action === 'connect' ? a.endpoint.map((e) => (e.type === 'phone' ? `+${e.number}` : e.uri)) : [],
  );

/** Where the gateways run: their database and environment, and how many share it. */
interface CapSetup {
  readonly database: 'sqlite' | 'mariadb';
  /** `REDIS_URL` and `REDIS_PREFIX` for two gateways; none for one embedded gateway. */
  readonly redisPrefix: string | null;
}

function capScenario({ database, redisPrefix }: CapSetup) {
  const clock = new ManualClock(NIGHT);
  let api: FakeVonageApi;
  let a: GatewayHarness;
  let b: GatewayHarness;
  let redis: Redis | null = null;
  let token: string;
  let alice: Person;
  let legs = 0;
  const uuid = (kind: string) => `${kind}-${run}-${database}-${String(++legs).padStart(4, '0')}`;

  const capGateway = async () => {
    const settings: VonageSettings = {
      publicUrl: PUBLIC_URL,
      signatures: { verify: true, secret: SECRET, apiKey: null },
      ringbackToneUrl: null,
    };
    const rest = await createVonageVoiceClient(
      { applicationId: 'app-under-test', privateKey: testApplicationKeys().privateKey, apiHost: api.url },
      { sdk: nativeVonageSdk() },
    );
    return startGateway({
      database,
      callCap: true,
      env: redisPrefix ? { REDIS_URL: redisUrl(), REDIS_PREFIX: redisPrefix } : {},
      override: (builder) =>
        builder
          .overrideProvider(CLOCK)
          .useValue(clock)
          .overrideProvider(VONAGE_SETTINGS)
          .useValue(settings)
          .overrideProvider(VONAGE_VOICE_API)
          .useValue(rest),
    });
  };

  beforeAll(async () => {
    api = await FakeVonageApi.start({ publicKey: testApplicationKeys().publicKey });
    a = await capGateway();
    b = redisPrefix ? await capGateway() : a;
    if (redisPrefix) redis = new Redis(redisUrl());
    const account = await a.newAccount();
    token = account.apiKey;
    const caller: Caller = { accountId: account.accountId, actor: { kind: 'user', id: account.users.admin.id } };
    const app = a.app.get<Application>(APPLICATION);
    alice = await app.directory.createPerson(caller, {
      name: 'Alice',
      contactNumbers: [
        { number: N.aliceMobile, label: 'mobile', ringTimeoutSeconds: 20 },
        { number: N.aliceHome, label: 'home', ringTimeoutSeconds: 30 },
      ],
    });
    const bob = await app.directory.createPerson(caller, {
      name: 'Bob',
      contactNumbers: [{ number: N.bobMobile, label: 'mobile' }],
    });
    const dan = await app.directory.createPerson(caller, {
      name: 'Dan',
      contactNumbers: [{ number: N.danMobile, label: 'mobile' }],
    });
    const hotline = await app.hotlines.createHotline(caller, {
      name: 'Chaufferie',
      number: N.hotline,
      timeZone: 'Europe/Paris',
      supervisorIds: [dan.id],
    });
    if (!hotline.ok) throw new Error('hotline not created');
    const ref = (p: Person) => ({ kind: 'person' as const, id: p.id });
    const created = await app.schedule.createSlots(caller, hotline.value.id, {
      slots: [{ start: '2027-03-27T18:00', end: '2027-03-28T12:00', assignees: [ref(alice), ref(bob)] }],
    });
    if (!created.ok) throw new Error('slot not created');
  });

  afterAll(async () => {
    await a?.close();
    if (b !== a) await b?.close();
    await api?.close();
    await redis?.quit();
  });

  const answerAt = (gateway: GatewayHarness) => {
    const callerLeg = uuid('caller');
    const fields = answerPayload({
      to: digits(N.hotline),
      from: digits(N.caller),
      uuid: callerLeg,
      conversation_uuid: `CON-${callerLeg}`,
    });
    return vonageTo(gateway, clock)
      .get('/vonage/answer', fields)
      .then((answer) => ({ callerLeg, ...answer }));
  };
  const at = () => new Date(clock.now()).toISOString();

  /** The callee of `leg` picks up on `gateway`, hears the announcement and presses 1. */
  async function takeCall(gateway: GatewayHarness, leg: ReturnType<typeof connectOf>) {
    const vonage = vonageTo(gateway, clock);
    const legUuid = uuid('callee');
    const event = callEventPayload('answered', { uuid: legUuid, from: digits(N.hotline), timestamp: at() });
    expect((await vonage.post('POST', leg.eventUrl, event)).status).toBe(204);
    const announcement = await vonage.get(leg.confirmUrl, { uuid: legUuid, to: digits(leg.to) });
    const input = announcement.ncco?.find((action) => action.action === 'input');
    if (input?.action !== 'input') throw new Error(`no input in ${JSON.stringify(announcement.ncco)}`);
    return vonage.post('POST', input.eventUrl![0], inputEventPayload('1', { uuid: legUuid, timestamp: at() }));
  }

  async function legsOf(callId: string) {
    const answer = await a.graphql(
      `query($id: ID!) { call(id: $id) { outcome legs { personName number outcome ringSeconds } } }`,
      { id: callId },
      { token },
    );
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.call;
  }

  /** The calls holding Alice in Redis; null on one embedded gateway (held in its memory). */
  const heldInRedis = () =>
    redis ? redis.zrange(`${redisPrefix}:active-calls:${alice.accountId}:${alice.id}`, 0, -1) : null;

  it('skips a person on a call without ringing them, and rings them again once that call ended', async () => {
    // Call 1 on gateway A: Alice takes it.
    const first = await answerAt(a);
    const aliceLeg = connectOf(first.ncco);
    expect(aliceLeg.to).toBe(N.aliceMobile);
    clock.advance(8000);
    expect((await takeCall(a, aliceLeg)).ncco).toEqual([]);
    if (redis) expect(await heldInRedis()).toEqual([aliceLeg.callId]);

    // Call 2 on gateway B: Alice is on a call, so Bob rings at once; no leg goes to either of Alice's numbers.
    clock.advance(5000);
    const second = await answerAt(b);
    expect(second.status).toBe(200);
    expect(dialledBy(second.ncco)).toEqual([N.bobMobile]);
    expect(await legsOf(connectOf(second.ncco).callId)).toEqual({
      outcome: 'IN_PROGRESS',
      legs: [
        { personName: 'Alice', number: N.aliceMobile, outcome: 'SKIPPED_BUSY', ringSeconds: 0 },
        { personName: 'Alice', number: N.aliceHome, outcome: 'SKIPPED_BUSY', ringSeconds: 0 },
        { personName: 'Bob', number: N.bobMobile, outcome: 'RINGING', ringSeconds: null },
      ],
    });

    // Call 1 ends; the end reaches gateway B.
    clock.advance(60_000);
    const ended = callEventPayload('completed', {
      uuid: first.callerLeg,
      direction: 'inbound',
      duration: '73',
      timestamp: at(),
    });
    expect((await vonageTo(b, clock).post('POST', '/vonage/event', ended)).status).toBe(204);
    if (redis) expect(await heldInRedis()).toEqual([]);

    // Call 3 on gateway A: Alice is rung again.
    const third = await answerAt(a);
    expect(dialledBy(third.ncco)).toEqual([N.aliceMobile]);
    // No call was placed through the REST API (legs are NCCO connects): Alice was never dialled there either.
    expect(api.requests.filter((request) => JSON.stringify(request).includes(digits(N.aliceMobile)))).toEqual([]);
  });
}

describe('the cap on simultaneous calls on one embedded gateway (SQLite, in process)', () =>
  capScenario({ database: 'sqlite', redisPrefix: null }));

describeWithMariaDb('the cap on simultaneous calls on MariaDB', () => {
  describeWithRedis('with two gateways sharing Redis', () => {
    const prefixes = redisKeyPrefixes('cap-e2e');
    afterAll(() => prefixes.cleanUp());
    capScenario({ database: 'mariadb', redisPrefix: prefixes.fresh() });
  });
});
