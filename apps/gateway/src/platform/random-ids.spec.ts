import { ManualClock } from '@dutyline/domain/testing';
import { timeOrderedIds } from './random-ids';

describe('timeOrderedIds', () => {
  it('gives version-7 UUIDs that carry the instant and sort by it', () => {
    const clock = new ManualClock('2027-03-28T01:59:59.999Z');
    const ids = timeOrderedIds(clock);
    const first = ids.next();
    clock.advance(1);
    const second = ids.next();
    for (const id of [first, second])
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(first.replace('-', '').slice(0, 12), 16)).toBe(Date.parse('2027-03-28T01:59:59.999Z'));
    expect(first < second).toBe(true);
  });

  it('never repeats within one millisecond', () => {
    const ids = timeOrderedIds(new ManualClock('2027-10-31T00:59:00Z'));
    const made = new Set(Array.from({ length: 10_000 }, () => ids.next()));
    expect(made.size).toBe(10_000);
  });
});
