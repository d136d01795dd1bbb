import { CallPlan, Hotline, Id, Instant, directoryOf } from '@dutyline/domain';
import { ManualClock, SequentialIds, TEST_ACCOUNT, personRef } from '@dutyline/domain/testing';
import { ActiveCalls, InProcessActiveCalls } from './active-calls';
import { createCalls } from './create-calls';
import { CallPlanner, PlanningOptions } from './ports';
import { CALLER, HOTLINE_NUMBER, alice, bob, boilerRoom, dan, said } from './testing/boiler-room';
import { FakeCallPlanner } from './testing/fake-call-planner';
import { InMemoryCallStore } from './testing/in-memory-call-store';
import { InMemoryHotlineLookup } from './testing/in-memory-hotline-lookup';

/**
 * A planner that knows the people at once and then reads a balanced level's turn from a slow store
 * (Redis in production), as the gateway's `ClusterCallPlanner` does: the turn is read when `turnRead()` says.
 */
class SlowTurnPlanner implements CallPlanner {
  private readonly people = new FakeCallPlanner(directoryOf([alice, bob, dan], []), {
    'hl-1': { levels: [personRef(alice), personRef(bob)], slotId: 'slot-1', overrideIds: [] },
  });
  private release: () => void = () => undefined;
  /** Whether a turn is being read now. */
  reading = false;

  async planFor(hotline: Hotline, at: Instant, options: PlanningOptions = {}): Promise<CallPlan> {
    const plan = await this.people.planFor(hotline, at);
    options.planned?.(plan);
    this.reading = true;
    await new Promise<void>((resolve) => (this.release = resolve));
    this.reading = false;
    return plan;
  }

  turnRead(): void {
    this.release();
  }
}

/** Alice on a call already; each `counts` notes whether the planner was still reading the turn. */
function countsWhile(planner: SlowTurnPlanner) {
  const held = new InProcessActiveCalls(() => Date.parse('2026-10-25T01:30:00Z'));
  const asked: string[] = [];
  const activeCalls: ActiveCalls = {
    hold: (hold) => held.hold(hold),
    release: (release) => held.release(release),
    counts: (accountId: Id, personIds: readonly Id[]) => {
      asked.push(planner.reading ? 'during the turn' : 'after the plan');
      return held.counts(accountId, personIds);
    },
  };
  return { held, asked, activeCalls };
}

/** A call answered by the inbound call service over `planner` and `activeCalls`, the boiler room its one hotline. */
const answered = (planner: CallPlanner, activeCalls: ActiveCalls) =>
  createCalls({
    store: new InMemoryCallStore(),
    hotlines: new InMemoryHotlineLookup([boilerRoom()]),
    planner,
    clock: new ManualClock('2026-10-25T01:30:00Z'),
    ids: new SequentialIds('call'),
    activeCalls,
  }).answer({ carrier: 'test', hotlineNumber: HOTLINE_NUMBER, caller: CALLER, carrierCallId: 'c-1' });

describe('the answer asks who is at their cap alongside the balanced turn (one round trip to Redis)', () => {
  it('counts the plan people’s calls while the turn is read, and still skips who is at their cap', async () => {
    const planner = new SlowTurnPlanner();
    const { held, asked, activeCalls } = countsWhile(planner);
    await held.hold({ accountId: TEST_ACCOUNT, personId: alice.id, callId: 'other', until: Date.parse('2026-10-26') });
    const answer = answered(planner, activeCalls);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual(['during the turn']);
    planner.turnRead();
    expect(said(await answer)).toBe('dial Bob/mobile +33622222222 25s confirm');
    expect(asked).toEqual(['during the turn']);
  });

  it('with a planner that does not tell the people early, counts once the plan is there', async () => {
    const planner = new SlowTurnPlanner();
    const { asked, activeCalls } = countsWhile(planner);
    const silent: CallPlanner = { planFor: (hotline, at) => planner.planFor(hotline, at) };
    const answer = answered(silent, activeCalls);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual([]);
    planner.turnRead();
    expect(said(await answer)).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(asked).toEqual(['after the plan']);
  });
});
