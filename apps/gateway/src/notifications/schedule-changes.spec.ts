import { InProcessInvalidationBus } from '../cluster/invalidation-bus';
import { followScheduleChanges } from './schedule-changes';

function world(fail = false) {
  const bus = new InProcessInvalidationBus();
  const asked: string[] = [];
  const errors: string[] = [];
  const triggers = {
    hotlineChanged: async (id: string) => {
      if (fail) throw new Error('database unreachable');
      asked.push(`hotline ${id}`);
      return [];
    },
    accountChanged: async (id: string) => {
      asked.push(`account ${id}`);
      return [];
    },
  };
  const unsubscribe = followScheduleChanges(
    bus,
    triggers,
    (error, topic) => void errors.push(`${topic}: ${(error as Error).message}`),
  );
  return { bus, asked, errors, unsubscribe };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('followScheduleChanges', () => {
  it.each([
    ['hotline:hl-1', ['hotline hl-1']],
    ['account:acct-a', ['account acct-a']],
    ['number:+33140000000', []],
    ['*', []],
    ['tariff:7', []],
  ])('turns %s into %j', async (topic, asked) => {
    const w = world();
    await w.bus.publish(topic);
    await settle();
    expect(w.asked).toEqual(asked);
  });

  it('reports a check that could not be asked for, and stops listening when unsubscribed', async () => {
    const w = world(true);
    await w.bus.publish('hotline:hl-1');
    await settle();
    expect(w.errors).toEqual(['hotline:hl-1: database unreachable']);
    w.unsubscribe();
    await w.bus.publish('account:acct-a');
    await settle();
    expect(w.asked).toEqual([]);
  });
});
