import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ValidationError, PhoneNumber } from '@dutyline/domain';
import { RedisRateLimiter } from '@dutyline/queue';
import { SimulatedCarrier } from '@dutyline/simulator';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import {
  InMemoryRateLimiter,
  OUTBOUND_WEBHOOKS,
  VonageCarrier,
  VonageRateKind,
  VonageRateLimiter,
  rateLimiterFrom,
} from '@dutyline/vonage';
import { FakeVonageApi, nativeVonageSdk, testApplicationKeys } from '@dutyline/vonage/testing';
import { Redis } from 'ioredis';
import { GATEWAY_VONAGE_LIMITS } from '../cluster/cluster-resources';
import { VONAGE_RATE_LIMITER } from '../cluster/cluster.tokens';
import { ConfigError } from '@dutyline/env';
import type { GatewayConfig } from '../config/gateway-config';
import { JsonLogger } from '../logging/json-logger';
import { provideValue } from '../platform/injection-token';
import { LOGGER } from '../platform/platform.tokens';
import { carrierChoice } from './carrier-settings';
import { CarrierModule } from './carrier.module';
import { CARRIER, RECORDING_CARRIER, SMS_CARRIER, VONAGE_VOICE_API } from './carrier.tokens';

const keys = testApplicationKeys();
const APPLICATION_ID = 'aaaaaaaa-1111-4000-8000-000000000001';
const [hotline, alice, bob] = ['+33140000000', '+33611111111', '+33622222222'].map((n) => PhoneNumber.fromE164(n));

type CarrierConfig = Pick<GatewayConfig, 'vonage' | 'publicUrl'>;
const noVonage: CarrierConfig['vonage'] = {
  applicationId: null,
  privateKey: null,
  apiKey: null,
  apiSecret: null,
  signatureSecret: null,
  apiHost: null,
  restHost: null,
};
const configWith = (
  vonage: Partial<CarrierConfig['vonage']>,
  publicUrl: string | null = 'https://gw.example.com',
): CarrierConfig => ({ vonage: { ...noVonage, ...vonage }, publicUrl });

function problemsOf(config: CarrierConfig, files: Record<string, string> = {}): string[] {
  try {
    carrierChoice(config, (path) => {
      if (!(path in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return files[path];
    });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('carrierChoice', () => {
  it('is the simulator without any Vonage credential', () => {
    expect(carrierChoice(configWith({}))).toEqual({ kind: 'simulator' });
  });

  it('is Vonage with the key given as PEM text (escaped newlines too), as a file, with the hosts and SMS credentials', () => {
    const escaped = keys.privateKey.replace(/\n/g, '\\n');
    const fromText = carrierChoice(
      configWith({
        applicationId: APPLICATION_ID,
        privateKey: escaped,
        apiHost: 'http://127.0.0.1:9',
        restHost: 'http://127.0.0.1:8',
      }),
    );
    expect(fromText).toEqual({
      kind: 'vonage',
      publicUrl: 'https://gw.example.com',
      sms: false,
      settings: {
        applicationId: APPLICATION_ID,
        privateKey: keys.privateKey,
        apiHost: 'http://127.0.0.1:9',
        restHost: 'http://127.0.0.1:8',
      },
    });
    const fromFile = carrierChoice(
      configWith({ applicationId: APPLICATION_ID, privateKey: '/etc/vonage.pem', apiKey: 'k', apiSecret: 's' }),
      () => keys.privateKey,
    );
    expect(fromFile).toMatchObject({
      kind: 'vonage',
      sms: true,
      settings: { privateKey: keys.privateKey, apiKey: 'k', apiSecret: 's' },
    });
  });

  it.each([
    [{ applicationId: APPLICATION_ID }, ['VONAGE_PRIVATE_KEY: required when VONAGE_APPLICATION_ID is set']],
    [{ privateKey: '/keys/app.pem' }, ['VONAGE_APPLICATION_ID: required when VONAGE_PRIVATE_KEY is set']],
    [
      { applicationId: APPLICATION_ID, privateKey: '/keys/missing.pem' },
      ['VONAGE_PRIVATE_KEY: is neither a PEM text nor a readable file (ENOENT)'],
    ],
    [
      { applicationId: APPLICATION_ID, privateKey: '/keys/app.pem', apiKey: 'k' },
      ['VONAGE_API_SECRET: required when VONAGE_API_KEY is set'],
    ],
    [{ apiKey: 'k', apiSecret: 's' }, ['VONAGE_APPLICATION_ID: required when VONAGE_API_KEY is set']],
    [
      { applicationId: 'not an id!', privateKey: '-----BEGIN nothing' },
      [
        'VONAGE_APPLICATION_ID: must be the application id Vonage shows (letters, digits and -)',
        'VONAGE_PRIVATE_KEY: holds no PEM private key (-----BEGIN PRIVATE KEY-----)',
      ],
    ],
    [
      { applicationId: APPLICATION_ID, privateKey: '/keys/notes.txt' },
      ['VONAGE_PRIVATE_KEY: names a file that holds no PEM private key: /keys/notes.txt'],
    ],
  ])('refuses %j, naming the variable', (vonage, problems) => {
    expect(problemsOf(configWith(vonage), { '/keys/app.pem': keys.privateKey, '/keys/notes.txt': 'hello' })).toEqual(
      problems,
    );
  });

  it('stops the gateway from being composed with half a Vonage configuration', () => {
    expect(() => CarrierModule.forRoot(configWith({ applicationId: APPLICATION_ID }))).toThrow(
      /VONAGE_PRIVATE_KEY: required when VONAGE_APPLICATION_ID is set/,
    );
  });
});

/**
 * Records each grant of `limiter` (its own instant when it tells one, as the Redis limiter does, else
 * the time it resolved) by kind. The limiter governs when requests leave; their arrival at the fake
 * adds a delay that varies with the machine's load, which GATEWAY_VONAGE_LIMITS' margin absorbs.
 */
function recording(acquire: (kind: VonageRateKind) => Promise<number | void>) {
  const grants: Record<VonageRateKind, number[]> = { call: [], request: [] };
  const limiter = rateLimiterFrom(async (kind) => {
    const at = await acquire(kind);
    grants[kind].push(typeof at === 'number' ? at : Date.now());
  });
  return { limiter, grants };
}

/** The most instants found in any window of 1 s. */
function busiestSecond(instants: readonly number[]): number {
  const times = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('CarrierModule against a local Vonage (FakeVonageApi, the official SDK pointed at it)', () => {
  let fake: FakeVonageApi;
  const lines: string[] = [];
  const logger = new JsonLogger('debug', (line) => lines.push(line));

  beforeAll(async () => {
    fake = await FakeVonageApi.start({ publicKey: keys.publicKey, apiKey: 'key-1', apiSecret: 'secret-1' });
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  async function compose(limiter: VonageRateLimiter, config?: CarrierConfig) {
    const platform = [provideValue(VONAGE_RATE_LIMITER, limiter), provideValue(LOGGER, logger)];
    @Global()
    @Module({ providers: platform, exports: platform.map((p) => p.provide) })
    class TestPlatform {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        TestPlatform,
        CarrierModule.forRoot(
          config ??
            configWith({
              applicationId: APPLICATION_ID,
              privateKey: keys.privateKey,
              apiKey: 'key-1',
              apiSecret: 'secret-1',
              apiHost: fake.url,
              restHost: fake.url,
            }),
          { sdk: nativeVonageSdk() },
        ),
      ],
    }).compile();
    return {
      carrier: moduleRef.get(CARRIER),
      sms: moduleRef.get(SMS_CARRIER),
      recordings: moduleRef.get(RECORDING_CARRIER),
      vonage: moduleRef.get(VONAGE_VOICE_API),
    };
  }

  it('binds the simulator to every port without Vonage credentials', async () => {
    const bound = await compose(new InMemoryRateLimiter(), configWith({}));
    expect(bound.carrier).toBeInstanceOf(SimulatedCarrier);
    expect([bound.sms, bound.recordings]).toEqual([bound.carrier, bound.carrier]);
    expect(bound.vonage).toBeNull();
    await bound.sms.sendSms(alice, hotline, 'Voicemail from +33612345678');
    expect(lines.some((line) => line.includes('simulator: SMS sim-sms-1 from +33140000000 to +33611111111'))).toBe(
      true,
    );
  });

  it('places an outbound call with the announcement, steers it by call id, sends an SMS, all through the limiter', async () => {
    const asked: VonageRateKind[] = [];
    const { carrier, sms } = await compose(rateLimiterFrom(async (kind) => void asked.push(kind)));
    expect(carrier).toBeInstanceOf(VonageCarrier);
    const { legId } = await carrier.dial({
      callId: 'cb-1',
      to: alice,
      from: hotline,
      ringTimeoutSeconds: 25,
      confirmation: { kind: 'text', text: 'Callback for Maintenance, press 1', language: 'en-GB' },
    });
    await carrier.transfer('cb-1', bob);
    await carrier.hangup(legId);
    expect(await sms.sendSms(alice, hotline, 'Voicemail from +33612345678')).toEqual({
      messageId: expect.stringMatching(/^FAKE/),
    });

    const [created] = fake.requestsTo('create-call');
    expect(created.json).toMatchObject({
      to: [{ type: 'phone', number: '33611111111' }],
      from: { type: 'phone', number: '33140000000' },
      ringing_timer: 25,
      event_url: [`https://gw.example.com${OUTBOUND_WEBHOOKS.event}?call=cb-1`],
      ncco: [
        { action: 'talk', text: 'Callback for Maintenance, press 1', language: 'en-GB' },
        {
          action: 'input',
          type: ['dtmf'],
          eventUrl: [`https://gw.example.com${OUTBOUND_WEBHOOKS.confirmation}?call=cb-1`],
        },
      ],
    });
    const [transfer, hangup] = fake.requestsTo('update-call');
    expect(transfer.path).toBe(`/v1/calls/${legId}`);
    expect(transfer.json).toEqual({
      action: 'transfer',
      destination: {
        type: 'ncco',
        ncco: [{ action: 'connect', endpoint: [{ type: 'phone', number: '33622222222' }], from: '33140000000' }],
      },
    });
    expect(hangup.json).toEqual({ action: 'hangup' });
    expect(fake.requestsTo('send-sms')[0].json).toMatchObject({
      to: '33611111111',
      from: '33140000000',
      text: 'Voicemail from +33612345678',
    });
    expect(asked).toEqual(['call', 'request', 'request', 'request', 'request']);
  });

  it('refuses to steer a call it does not know, and to dial without PUBLIC_URL', async () => {
    const { carrier } = await compose(
      new InMemoryRateLimiter(),
      configWith({ applicationId: APPLICATION_ID, privateKey: keys.privateKey, apiHost: fake.url }, null),
    );
    await expect(carrier.hangup('call-42')).rejects.toThrow(
      'call call-42 was not dialled by this instance and is not a Vonage call uuid',
    );
    await expect(
      carrier.dial({ callId: 'cb-2', to: alice, from: hotline, ringTimeoutSeconds: 25, confirmation: null }),
    ).rejects.toThrow(/PUBLIC_URL/);
    await expect(
      (
        await compose(
          new InMemoryRateLimiter(),
          configWith({ applicationId: APPLICATION_ID, privateKey: keys.privateKey, apiHost: fake.url }),
        )
      ).sms.sendSms(alice, hotline, 'x'),
    ).rejects.toThrow('text messages need VONAGE_API_KEY and VONAGE_API_SECRET');
    expect(fake.requests.length).toBe(0);
  });

  it('keeps one process under 3 calls and 15 requests per second with the in-memory limiter of the embedded mode', async () => {
    const inner = new InMemoryRateLimiter({ limits: GATEWAY_VONAGE_LIMITS });
    const { limiter, grants } = recording((kind) => inner.acquire(kind));
    const { carrier, sms } = await compose(limiter);
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) =>
        carrier.dial({ callId: `m-${i}`, to: alice, from: hotline, ringTimeoutSeconds: 20, confirmation: null }),
      ),
      ...Array.from({ length: 12 }, () => sms.sendSms(bob, hotline, 'hello')),
    ]);
    expect([fake.requestsTo('create-call').length, fake.requestsTo('send-sms').length]).toEqual([5, 12]);
    expect([grants.call.length, grants.request.length]).toEqual([5, 17]);
    expect(busiestSecond(grants.call)).toBeLessThanOrEqual(3);
    expect(busiestSecond(grants.request)).toBeLessThanOrEqual(15);
  }, 15_000);

  describeWithRedis('with the Redis limiter shared by two instances', () => {
    const prefix = uniqueName('carrier');
    const limiters: RedisRateLimiter<VonageRateKind>[] = [];
    afterAll(async () => {
      for (const limiter of limiters) await limiter.close();
      const client = new Redis(redisUrl());
      const stale = await client.keys(`${prefix}:*`);
      if (stale.length > 0) await client.del(...stale);
      await client.quit();
    });
    const granted: Record<VonageRateKind, number[]> = { call: [], request: [] };
    const shared = () => {
      const limiter = new RedisRateLimiter<VonageRateKind>({
        connection: redisUrl(),
        prefix,
        limits: GATEWAY_VONAGE_LIMITS,
        // The shared window is under test, not the local share a slow Redis answer falls back to.
        askTimeoutMs: 5_000,
      });
      limiters.push(limiter);
      const recorded = recording((kind) => limiter.acquire(kind));
      return { limiter: recorded.limiter, grants: recorded.grants };
    };

    it('never lets the two together exceed 3 calls or 15 requests in any second (grants on the clock of Redis)', async () => {
      const [first, second] = [shared(), shared()];
      const [one, two] = [await compose(first.limiter), await compose(second.limiter)];
      await Promise.all(
        [one, two].flatMap(({ carrier, sms }, n) => [
          ...Array.from({ length: 4 }, (_, i) =>
            carrier.dial({
              callId: `r-${n}-${i}`,
              to: alice,
              from: hotline,
              ringTimeoutSeconds: 20,
              confirmation: null,
            }),
          ),
          ...Array.from({ length: 6 }, () => sms.sendSms(bob, hotline, 'hello')),
        ]),
      );
      for (const kind of ['call', 'request'] as const)
        granted[kind].push(...first.grants[kind], ...second.grants[kind]);
      expect([fake.requestsTo('create-call').length, fake.requestsTo('send-sms').length]).toEqual([8, 12]);
      expect([granted.call.length, granted.request.length]).toEqual([8, 20]);
      expect(busiestSecond(granted.call)).toBeLessThanOrEqual(3);
      expect(busiestSecond(granted.request)).toBeLessThanOrEqual(15);
    }, 15_000);
  });

  it('validates NCCO content the way the Vonage library does', async () => {
    const { carrier } = await compose(new InMemoryRateLimiter());
    await expect(
      carrier.dial({
        callId: 'x',
        to: alice,
        from: hotline,
        ringTimeoutSeconds: 20,
        confirmation: { kind: 'audio', url: 'ftp://nope' },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
