import { HotlineKey, WatchedHotlines } from './ports';
import { ScheduleChangeTriggers } from './schedule-change-triggers';

/** The hotlines, counting reads; `failNext` makes the next read fail. */
class CountedHotlines implements WatchedHotlines {
  reads = 0;
  private failing = false;
  constructor(readonly hotlines: HotlineKey[]) {}

  failNext(): void {
    this.failing = true;
  }

  async watchedHotlines(): Promise<HotlineKey[]> {
    this.reads += 1;
    if (this.failing) {
      this.failing = false;
      throw new Error('database unreachable');
    }
    return [...this.hotlines];
  }
}

const A1 = { accountId: 'acct-a', hotlineId: 'hl-1' };
const A2 = { accountId: 'acct-a', hotlineId: 'hl-2' };
/** Hotline ids are unique within an account only. */
const B1 = { accountId: 'acct-b', hotlineId: 'hl-1' };

function world(hotlines: HotlineKey[] = [A1, A2, B1]) {
  const watched = new CountedHotlines(hotlines);
  const asked: HotlineKey[] = [];
  const triggers = new ScheduleChangeTriggers({
    hotlines: watched,
    producer: { scheduleChanged: async (hotline) => void asked.push(hotline) },
  });
  return { watched, asked, triggers };
}

describe('ScheduleChangeTriggers', () => {
  it.each([
    [
      'a hotline id: every account that has one by that id',
      (t: ScheduleChangeTriggers) => t.hotlineChanged('hl-1'),
      [A1, B1],
    ],
    ['a hotline id no account has: nothing', (t: ScheduleChangeTriggers) => t.hotlineChanged('hl-9'), []],
    [
      "an account's directory: each of its hotlines",
      (t: ScheduleChangeTriggers) => t.accountChanged('acct-a'),
      [A1, A2],
    ],
    ['an account without hotlines: nothing', (t: ScheduleChangeTriggers) => t.accountChanged('acct-c'), []],
  ])('asks for a gap check of the hotlines concerned by %s', async (_, announce, expected) => {
    const w = world();
    expect(await announce(w.triggers)).toEqual(expected);
    expect(w.asked).toEqual(expected);
  });

  it('reads the hotlines once while they answer, and again for one created since', async () => {
    const w = world([A1]);
    await Promise.all([
      w.triggers.hotlineChanged('hl-1'),
      w.triggers.accountChanged('acct-a'),
      w.triggers.hotlineChanged('hl-1'),
    ]);
    expect(w.watched.reads).toBe(1);
    w.watched.hotlines.push(A2);
    expect(await w.triggers.hotlineChanged('hl-2')).toEqual([A2]);
    expect(w.watched.reads).toBe(2);
    expect(await w.triggers.accountChanged('acct-a')).toEqual([A1, A2]);
    expect(w.watched.reads).toBe(2);
  });

  it('rejects when the hotlines cannot be read, and reads them again on the next announcement', async () => {
    const w = world();
    w.watched.failNext();
    await expect(w.triggers.hotlineChanged('hl-1')).rejects.toThrow('database unreachable');
    expect(w.asked).toEqual([]);
    expect(await w.triggers.hotlineChanged('hl-1')).toEqual([A1, B1]);
    expect(w.watched.reads).toBe(2);
  });
});
