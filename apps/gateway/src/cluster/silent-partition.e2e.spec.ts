/**
 * "A silent partition cannot keep an old plan long", caused for real: two gateways on the shared
 * MariaDB and one Redis prefix, a Redis connection through a fault proxy. After a change made on one
 * gateway, the other stops ringing the old person within 5 s, whether its own Redis connection went
 * silent (blackholed: pub/sub still thinks it is live) or the changing gateway could not publish
 * (its Redis refused). The plan is read through the very inbound call service the carriers drive.
 */
import type { InboundCalls } from '@dutyline/application';
import { CallSimulator } from '@dutyline/simulator';
import {
  type FaultMode,
  type FaultProxy,
  describeWithMariaDb,
  describeWithRedis,
  redisUrl,
  startFaultProxy,
  uniqueName,
} from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { INBOUND_CALLS } from '../calls/calls.tokens';
import { GQL, dataOf, seedSample } from '../testing/feature-fixtures';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';

jest.setTimeout(90_000);

const systemClock = { now: () => Date.now() };
const ALICE_MOBILE = '+33612345601';
const BOB_MOBILE = '+33612345602';

/** The number the first leg of a new call to `number` rings on `gateway`. */
async function firstRung(gateway: GatewayHarness, number: string): Promise<string> {
  const result = await new CallSimulator(gateway.app.get<InboundCalls>(INBOUND_CALLS), systemClock).run({
    to: number,
    from: '+33698765499',
    outcomes: ['busy', 'hangup'],
  });
  const ring = /ring .*? at (\+\d+)/.exec(result.text);
  if (!ring) throw new Error(`no leg rung:\n${result.text}`);
  return ring[1];
}

describeWithRedis('a silent partition cannot keep an old plan long', () => {
  describeWithMariaDb('two gateways on MariaDB and Redis', () => {
    const prefix = uniqueName('partition');
    let proxy: FaultProxy;
    const gateways: GatewayHarness[] = [];

    beforeAll(async () => {
      const url = new URL(redisUrl());
      proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 6379) });
    });
    afterEach(async () => {
      await proxy.setMode('pass');
      for (const gateway of gateways.splice(0)) await gateway.close();
    });
    afterAll(async () => {
      await proxy.close();
      const redis = new Redis(redisUrl());
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });
    const start = async (redis: string) => {
      const gateway = await startGateway({
        database: 'mariadb',
        env: { REDIS_URL: redis, REDIS_PREFIX: prefix, CHANGE_CHECK_MS: '2000', NOTIFICATION_BUDGET_MS: '100' },
      });
      gateways.push(gateway);
      return gateway;
    };

    it.each<[string, 'changer' | 'follower', FaultMode]>([
      ["the follower's Redis connection blackholed (silent)", 'follower', 'blackhole'],
      ["the changing gateway's Redis refused (nothing published)", 'changer', 'refuse'],
    ])('%s: the other gateway rings the new person within 5 s of the change', async (_, proxied, fault) => {
      const changer = await start(proxied === 'changer' ? `redis://${proxy.address}` : redisUrl());
      const follower = await start(proxied === 'follower' ? `redis://${proxy.address}` : redisUrl());
      const account = await changer.newAccount();
      const sample = await seedSample(changer, account);
      // Nobody on duty: the supervisor, Alice, is rung first; the follower holds that plan.
      expect(await firstRung(follower, sample.hotlineNumber)).toBe(ALICE_MOBILE);
      expect(await firstRung(follower, sample.hotlineNumber)).toBe(ALICE_MOBILE);

      await proxy.setMode(fault);
      const now = Date.now();
      await dataOf(
        changer.graphql(
          GQL.CREATE_OVERRIDE,
          {
            input: {
              hotlineId: sample.hotlineId,
              start: new Date(now - 60_000).toISOString(),
              end: new Date(now + 3_600_000).toISOString(),
              assignees: [{ kind: 'PERSON', id: sample.bob }],
              reason: 'Bob takes the line',
            },
          },
          { token: account.tokens.supervisor },
        ),
      );
      const changedAt = Date.now();

      let rung = await firstRung(follower, sample.hotlineNumber);
      while (rung !== BOB_MOBILE && Date.now() - changedAt < 8_000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        rung = await firstRung(follower, sample.hotlineNumber);
      }
      const followedAfterMs = Date.now() - changedAt;
      expect(rung).toBe(BOB_MOBILE);
      expect(followedAfterMs).toBeLessThan(5_000);
      // And it stays followed.
      expect(await firstRung(follower, sample.hotlineNumber)).toBe(BOB_MOBILE);
    });
  });
});
