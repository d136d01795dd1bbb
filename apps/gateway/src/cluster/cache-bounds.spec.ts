import { Hotline } from '@dutyline/domain';
import { ManualClock, aHotline } from '@dutyline/domain/testing';
import { readGatewayConfig } from '../config/gateway-config';
import { ClusterHotlines } from './cluster-hotlines';
import { InvalidatedCache } from './invalidated-cache';
import { InProcessInvalidationBus } from './invalidation-bus';

const clock = new ManualClock('2027-03-28T02:00:00Z');

describe('the answer path caches are bounded (HOTLINE_CACHE_SIZE)', () => {
  it('InvalidatedCache keeps `capacity` entries, dropping the least recently used', async () => {
    const cache = new InvalidatedCache<string>(new InProcessInvalidationBus(), clock, { capacity: 2 });
    const reads: string[] = [];
    const get = (key: string) =>
      cache.getOrRead(key, async () => {
        reads.push(key);
        return { value: key.toUpperCase(), topics: [] };
      });
    await get('a');
    await get('b');
    await get('a'); // a used after b: b is now the least recently used
    await get('c');
    expect(cache.size).toBe(2);
    expect(await get('a')).toBe('A');
    expect(await get('b')).toBe('B');
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });

  it('ClusterHotlines keeps `capacity` hotlines, each under its number and its id as one object', async () => {
    const hotlines = ['+33140000001', '+33140000002', '+33140000003'].map((number, i) =>
      aHotline({ id: `h${i + 1}`, number }),
    );
    const reads: string[] = [];
    const repository = {
      byNumber: async (e164: string): Promise<Hotline | undefined> => {
        reads.push(`number ${e164}`);
        return hotlines.find((h) => h.number.e164 === e164);
      },
      byId: async (_accountId: string, id: string): Promise<Hotline | undefined> => {
        reads.push(`id ${id}`);
        return hotlines.find((h) => h.id === id);
      },
    };
    const cluster = new ClusterHotlines({
      hotlines: repository,
      bus: new InProcessInvalidationBus(),
      clock,
      cache: { capacity: 2 },
    });
    const [first, second, third] = hotlines;
    const found = await cluster.byNumber(first.number.e164);
    expect(await cluster.byId(first.accountId, first.id)).toBe(found);
    await cluster.byNumber(second.number.e164);
    await cluster.byId(second.accountId, second.id);
    expect(reads).toEqual(['number +33140000001', 'number +33140000002']);
    await cluster.byNumber(third.number.e164); // the third hotline: the first one's two keys go
    await cluster.byNumber(first.number.e164);
    await cluster.byId(third.accountId, third.id);
    expect(reads).toEqual(['number +33140000001', 'number +33140000002', 'number +33140000003', 'number +33140000001']);
    cluster.close();
  });

  it('reads HOTLINE_CACHE_SIZE (10,000 by default), refusing a value out of range by name', () => {
    const read = (env: Record<string, string>) =>
      readGatewayConfig(env, { cwd: '/srv/dutyline', generatedSecret: () => 'x'.repeat(40) });
    expect(read({}).hotlineCacheSize).toBe(10_000);
    expect(read({ HOTLINE_CACHE_SIZE: '2500' }).hotlineCacheSize).toBe(2500);
    expect(() => read({ HOTLINE_CACHE_SIZE: '10' })).toThrow(/HOTLINE_CACHE_SIZE/);
  });
});
