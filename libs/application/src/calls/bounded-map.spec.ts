import { BoundedMap } from './bounded-map';

const filled = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

describe('BoundedMap', () => {
  it('a small capacity is kept exactly', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [key, value] of filled(5)) map.set(key, value);
    expect(map.size).toBe(3);
    expect(map.get('k1')).toBeUndefined();
    expect(map.get('k2')).toBe(2);
  });
});
