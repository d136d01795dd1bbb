import { Hotline } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { boilerRoom } from './testing/boiler-room';
import { CachingHotlineLookup } from './caching-hotline-lookup';

/** A hotline source that counts reads and can be made to fail. */
function source(initial: Hotline | undefined) {
  const state = { hotline: initial, reads: 0, failing: false };
  const read = async (_e164: string) => {
    state.reads += 1;
    if (state.failing) throw new Error('database unreachable');
    return state.hotline;
  };
  return { state, read };
}

describe('caching hotline lookup', () => {
  const clock = () => new ManualClock('2027-03-28T00:30:00Z');

  it('reuses an answer for the time to live, then reads again', async () => {
    const { state, read } = source(boilerRoom());
    const time = clock();
    const lookup = new CachingHotlineLookup(read, time, { ttlMs: 1000 });
    await lookup.byNumber('+33140000000');
    time.advance(999);
    await lookup.byNumber('+33140000000');
    expect(state.reads).toBe(1);
    state.hotline = boilerRoom({ name: 'Renamed' });
    time.advance(1);
    expect((await lookup.byNumber('+33140000000'))?.name).toBe('Renamed');
    expect(state.reads).toBe(2);
  });

  it('remembers that no hotline answers a number too', async () => {
    const { state, read } = source(undefined);
    const lookup = new CachingHotlineLookup(read, clock());
    expect(await lookup.byNumber('+33199999999')).toBeUndefined();
    expect(await lookup.byNumber('+33199999999')).toBeUndefined();
    expect(state.reads).toBe(1);
  });

  it('shares one read among concurrent lookups', async () => {
    const { state, read } = source(boilerRoom());
    const lookup = new CachingHotlineLookup(read, clock());
    const found = await Promise.all([1, 2, 3].map(() => lookup.byNumber('+33140000000')));
    expect(found.map((h) => h?.id)).toEqual(['hl-1', 'hl-1', 'hl-1']);
    expect(state.reads).toBe(1);
  });

  it('serves the last answer, however old, when the source fails; fails when it knows none', async () => {
    const { state, read } = source(boilerRoom());
    const time = clock();
    const lookup = new CachingHotlineLookup(read, time);
    await lookup.byNumber('+33140000000');
    state.failing = true;
    time.advance(3_600_000);
    expect((await lookup.byNumber('+33140000000'))?.id).toBe('hl-1');
    await expect(lookup.byNumber('+33150000000')).rejects.toThrow('database unreachable');
  });

  it('reads again after an invalidation', async () => {
    const { state, read } = source(boilerRoom());
    const lookup = new CachingHotlineLookup(read, clock());
    await lookup.byNumber('+33140000000');
    lookup.invalidate('+33140000000');
    await lookup.byNumber('+33140000000');
    lookup.invalidate();
    await lookup.byNumber('+33140000000');
    expect(state.reads).toBe(3);
  });
});
