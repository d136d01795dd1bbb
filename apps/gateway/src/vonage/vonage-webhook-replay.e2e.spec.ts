/**
 * Signed Vonage webhooks are accepted once: the same signed request replayed (to the same path or
 * another one whose payload it also fits) is refused, within one gateway (embedded, SQLite) and across
 * gateways sharing Redis. Unverified webhooks keep warning, once a minute.
 */
import { ManualClock } from '@dutyline/domain/testing';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { signVonageWebhook } from '@dutyline/vonage/testing';
import { Redis } from 'ioredis';
import { CLOCK } from '../platform/platform.tokens';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import type { VonageSettings } from './vonage-settings';
import { VONAGE_SETTINGS } from './vonage.tokens';

jest.setTimeout(30_000);

const SECRET = 'vonage-signature-secret-for-replay-tests-0123';
const clock = new ManualClock('2027-03-28T01:00:00Z');

const signedGateway = (env: Record<string, string> = {}) =>
  startGateway({
    database: 'sqlite',
    env: { VONAGE_SIGNATURE_SECRET: SECRET, ...env },
    override: (builder) => builder.overrideProvider(CLOCK).useValue(clock),
  });

const ANSWER_QUERY = new URLSearchParams({
  to: '33140009999',
  from: '33612345678',
  uuid: 'leg-replay-1',
  conversation_uuid: 'CON-replay-1',
}).toString();
const EVENT_BODY = JSON.stringify({
  uuid: 'leg-replay-2',
  conversation_uuid: 'CON-replay-2',
  status: 'completed',
  timestamp: '2027-03-28T01:00:00.000Z',
});

/** One signed request, as Vonage sent it once. */
const signedAnswer = () => ({
  authorization: signVonageWebhook({ secret: SECRET, issuedAt: clock.now(), rawQuery: ANSWER_QUERY }),
});
const signedEvent = () => ({
  authorization: signVonageWebhook({ secret: SECRET, issuedAt: clock.now(), rawBody: EVENT_BODY }),
  'content-type': 'application/json',
});

async function answer(gateway: GatewayHarness, headers: Record<string, string>) {
  const response = await fetch(`${gateway.url}/vonage/answer?${ANSWER_QUERY}`, { headers });
  return { status: response.status, body: await response.text() };
}

async function post(gateway: GatewayHarness, path: string, headers: Record<string, string>) {
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers, body: EVENT_BODY });
  const text = await response.text();
  return {
    status: response.status,
    code: text ? ((JSON.parse(text) as { error?: { code: string } }).error?.code ?? 'NCCO') : null,
  };
}

const REPLAYED = { status: 503, code: 'SIGNATURE_REPLAYED' };

describe('replayed Vonage webhooks (embedded: token ids kept in the process)', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await signedGateway();
  });
  afterAll(async () => gateway?.close());

  it('answers a signed answer webhook once; the same signed request again is refused without an NCCO', async () => {
    const headers = signedAnswer();
    const first = await answer(gateway, headers);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'talk' })]));

    for (let replay = 0; replay < 3; replay++) {
      const again = await answer(gateway, headers);
      expect(again.status).toBe(503);
      expect(JSON.parse(again.body)).toEqual({
        error: { code: 'SIGNATURE_REPLAYED', message: 'SIGNATURE_REPLAYED: this signed token was already used' },
      });
    }
    expect(gateway.logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'a Vonage webhook was refused: its signed token was already used',
        path: '/vonage/answer',
      }),
    );
    // A request signed anew (as Vonage signs each request) is answered.
    expect((await answer(gateway, signedAnswer())).status).toBe(200);
  });

  it('refuses a signed event body replayed to the other paths its payload_hash fits, Nest routes included (401 there)', async () => {
    const headers = signedEvent();
    expect(await post(gateway, '/vonage/event', headers)).toEqual({ status: 204, code: null });
    expect(await post(gateway, '/vonage/event', headers)).toEqual(REPLAYED);
    expect(await post(gateway, '/vonage/legs/call-1/0/event', headers)).toEqual(REPLAYED);
    expect(await post(gateway, '/vonage/fallback', headers)).toEqual(REPLAYED);
    expect(await post(gateway, '/vonage/calls/call-1/recording', headers)).toEqual(REPLAYED);
    expect(await post(gateway, '/vonage/outbound/event', headers)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses a token first used on another path than the one Vonage called', async () => {
    const headers = signedEvent();
    expect((await post(gateway, '/vonage/legs/call-2/0/event', headers)).status).toBe(204);
    expect(await post(gateway, '/vonage/event', headers)).toEqual(REPLAYED);
  });
});

describeWithRedis('replayed Vonage webhooks across gateways sharing Redis', () => {
  const prefix = uniqueName('replay-e2e');
  let a: GatewayHarness;
  let b: GatewayHarness;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(redisUrl());
    a = await signedGateway({ REDIS_URL: redisUrl(), REDIS_PREFIX: prefix });
    b = await signedGateway({ REDIS_URL: redisUrl(), REDIS_PREFIX: prefix });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('refuses on one gateway the signed request another already took, whichever path', async () => {
    const answerHeaders = signedAnswer();
    expect((await answer(a, answerHeaders)).status).toBe(200);
    expect((await answer(b, answerHeaders)).status).toBe(503);

    const eventHeaders = signedEvent();
    expect((await post(b, '/vonage/event', eventHeaders)).status).toBe(204);
    expect(await post(a, '/vonage/legs/call-3/0/event', eventHeaders)).toEqual(REPLAYED);
    expect(await redis.keys(`${prefix}:vonage-token:*`)).toHaveLength(2);
  });
});

describe('unverified Vonage webhooks', () => {
  let gateway: GatewayHarness;
  // As read with VONAGE_VERIFY_SIGNATURES=false (vonage-settings.spec.ts).
  const settings: VonageSettings = {
    publicUrl: 'http://localhost',
    signatures: { verify: false, because: 'VONAGE_VERIFY_SIGNATURES=false' },
    ringbackToneUrl: null,
  };
  beforeAll(async () => {
    gateway = await startGateway({
      database: 'sqlite',
      env: { VONAGE_SIGNATURE_SECRET: SECRET },
      override: (builder) =>
        builder.overrideProvider(CLOCK).useValue(clock).overrideProvider(VONAGE_SETTINGS).useValue(settings),
    });
  });
  afterAll(async () => gateway?.close());

  it('are served with a warning that repeats every minute while they arrive', async () => {
    const warnings = () =>
      gateway.logs.filter(
        (line) => line.level === 'warn' && String(line.msg).startsWith('Vonage webhook signatures are NOT verified'),
      ).length;
    const atStart = warnings();
    expect(atStart).toBe(1);
    for (const seconds of [0, 30, 31]) {
      clock.advance(seconds * 1000);
      expect((await answer(gateway, {})).status).toBe(200);
    }
    expect(warnings()).toBe(atStart + 2);
  });
});
