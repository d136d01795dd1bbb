import { describeWithRedis, redisKeyPrefixes, redisUrl } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { RedisActiveCalls } from './redis-active-calls';
import { closeRedis, openPipelinedRedis } from './redis-client';
import { RedisRingRotation } from './redis-ring-rotation';

describeWithRedis('a call’s cap counts and balanced turn on one pipelined client', () => {
  const prefixes = redisKeyPrefixes('call-reads');
  let client: Redis;
  beforeEach(async () => {
    client = openPipelinedRedis(redisUrl());
    await client.ping();
  });
  afterEach(async () => {
    await closeRedis(client);
    await prefixes.cleanUp();
  });

  it('asked in the same turn of the event loop, they go out as one pipeline (one round trip) and answer as alone', async () => {
    const prefix = prefixes.fresh();
    const rotation = new RedisRingRotation({ connection: client, prefix });
    const activeCalls = new RedisActiveCalls({ connection: client, prefix });
    await activeCalls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-0', until: Date.now() + 60_000 });
    await rotation.next({ accountId: 'acct-1', hotlineId: 'hl-1', level: 0 });

    const turn = rotation.next({ accountId: 'acct-1', hotlineId: 'hl-1', level: 0 });
    const counts = activeCalls.counts('acct-1', ['alice', 'bob']);
    expect(client.autoPipelineQueueSize).toBe(2);
    expect(await turn).toBe(1);
    expect(await counts).toEqual(new Map([['alice', 1]]));
    // The adapters borrow the client: closing them leaves it open for the other.
    await rotation.close();
    expect(await activeCalls.counts('acct-1', ['alice'])).toEqual(new Map([['alice', 1]]));
  });

  it('refuses a URL that is not redis:// by name', () => {
    expect(() => openPipelinedRedis('http://127.0.0.1:6379')).toThrow(
      expect.objectContaining({ field: 'connection', code: 'INVALID_REDIS_URL' }),
    );
  });
});
