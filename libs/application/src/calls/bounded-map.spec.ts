import { BoundedMap, dropOldest, keepWithin } from './bounded-map';

const filled = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

describe('bounded maps', () => {
  it('keepWithin drops the oldest entries once past the capacity, down to 15/16 of it', () => {
    const entries = filled(33);
    keepWithin(entries, 32);
    expect(entries.size).toBe(30);
    expect([...entries.keys()].slice(0, 2)).toEqual(['k3', 'k4']);
    keepWithin(entries, 32);
    expect(entries.size).toBe(30);
  });

  it('a small capacity is kept exactly', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [key, value] of filled(5)) map.set(key, value);
    expect(map.size).toBe(3);
    expect(map.get('k1')).toBeUndefined();
    expect(map.get('k2')).toBe(2);
  });

  it('dropOldest drops a share, rounded up', () => {
    const entries = filled(10);
    expect(dropOldest(entries, 0.25)).toBe(3);
    expect([...entries.keys()][0]).toBe('k3');
    expect(dropOldest(entries, 0)).toBe(0);
  });
});
