import { LastKnownPlans } from '@dutyline/application';
import { ManualClock } from '@dutyline/domain/testing';
import { HeapPressure, HeapUse } from './heap-pressure';
import { InvalidatedCache } from './invalidated-cache';
import { InProcessInvalidationBus } from './invalidation-bus';

const clock = new ManualClock('2027-10-31T01:30:00Z');
const MB = 1e6;

/** A cache of `keys`, filled in that order and then used in `used` order. */
async function filledCache(pressure: HeapPressure, keys: readonly string[]) {
  const cache = new InvalidatedCache<string>(new InProcessInvalidationBus(), clock, { shedding: pressure });
  const reads: string[] = [];
  const get = (key: string) =>
    cache.getOrRead(key, async () => {
      reads.push(key);
      return { value: key, topics: [] };
    });
  for (const key of keys) await get(key);
  reads.length = 0;
  return { cache, get, reads };
}

describe('HeapPressure: the answer path caches give memory back when the heap runs short', () => {
  let heap: HeapUse;
  const shed: { dropped: number; heap: HeapUse }[] = [];
  const pressure = new HeapPressure({ heap: () => heap, onShed: (report) => shed.push(report) });

  beforeEach(() => {
    shed.length = 0;
  });

  it('drops nothing while the heap in use is at most half its limit', async () => {
    const { cache } = await filledCache(pressure, ['a', 'b', 'c', 'd']);
    heap = { used: 100 * MB, limit: 200 * MB };
    expect(pressure.relieve()).toBe(0);
    expect(cache.size).toBe(4);
    expect(shed).toEqual([]);
    cache.close();
  });

  it('above half, every registered cache drops its least recently used quarter', async () => {
    const first = await filledCache(pressure, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    await first.get('a'); // used again: b and c are now the least recently used
    const plans = new LastKnownPlans(10);
    for (const number of ['+33140000001', '+33140000002', '+33140000003', '+33140000004'])
      plans.remember(number, { at: 0, steps: [] } as never);
    const unregister = pressure.register(plans);
    heap = { used: 150 * MB, limit: 200 * MB };

    expect(pressure.relieve()).toBe(3);
    expect(first.cache.size).toBe(6);
    for (const key of ['a', 'd', 'e', 'f', 'g', 'h']) await first.get(key);
    expect(first.reads).toEqual([]);
    await first.get('b');
    expect(first.reads).toEqual(['b']);
    expect(plans.get('+33140000001')).toBeUndefined();
    expect(plans.get('+33140000002')).toBeDefined();
    expect(shed).toEqual([{ dropped: 3, heap }]);
    unregister();
    first.cache.close();
  });

  it('a closed cache is no longer shed', async () => {
    const { cache } = await filledCache(pressure, ['a', 'b', 'c', 'd']);
    cache.close();
    heap = { used: 190 * MB, limit: 200 * MB };
    expect(pressure.relieve()).toBe(0);
    expect(cache.size).toBe(4);
  });
});
