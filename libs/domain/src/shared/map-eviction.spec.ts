import { dropOldest, keepWithin } from './map-eviction';

const filled = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

describe('evicting the oldest entries of a Map', () => {
  it('keepWithin drops the oldest entries once past the capacity, down to 15/16 of it', () => {
    const entries = filled(33);
    keepWithin(entries, 32);
    expect(entries.size).toBe(30);
    expect([...entries.keys()].slice(0, 2)).toEqual(['k3', 'k4']);
    keepWithin(entries, 32);
    expect(entries.size).toBe(30);
  });

  it('dropOldest drops a share, rounded up', () => {
    const entries = filled(10);
    expect(dropOldest(entries, 0.25)).toBe(3);
    expect([...entries.keys()][0]).toBe('k3');
    expect(dropOldest(entries, 0)).toBe(0);
  });
});
