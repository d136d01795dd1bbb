import { Clock, Person, directoryOf, person } from '@dutyline/domain';
import { ManualClock, SequentialIds, personRef } from '@dutyline/domain/testing';
import { ActiveCallHold, ActiveCalls, InProcessActiveCalls } from './active-calls';
import { ACTIVE_CALL_HOLD_MS } from './call-cap-guard';
import { CallInstruction } from './call-instruction';
import { createCalls } from './create-calls';
import { InboundCallService } from './inbound-call.service';
import { callRecordOf } from './stored-call';
import { CALLER, HOTLINE_NUMBER, alice, bob, boilerRoom, dan, said } from './testing/boiler-room';
import { FakeCallPlanner } from './testing/fake-call-planner';
import { InMemoryCallStore } from './testing/in-memory-call-store';
import { InMemoryHotlineLookup } from './testing/in-memory-hotline-lookup';
import { nextTurnTimer } from './testing/next-turn-timer';
import { RecordingCallLogger } from './testing/recording-call-logger';

/** Two service instances (two gateways) over one store and one `activeCalls`, Alice then Bob on duty, Dan supervising. */
function twoGateways(activeCallsOn: ((clock: Clock) => ActiveCalls) | null, people: { alice?: Person } = {}) {
  const store = new InMemoryCallStore();
  const logger = new RecordingCallLogger();
  const clock = new ManualClock('2026-10-25T01:30:00Z'); // 02:30 in Paris, the second time that night
  const activeCalls = activeCallsOn?.(clock);
  const ids = new SequentialIds('call');
  const first = people.alice ?? alice;
  const planner = new FakeCallPlanner(directoryOf([first, bob, dan], []), {
    'hl-1': { levels: [personRef(first), personRef(bob)], slotId: 'slot-1', overrideIds: [] },
  });
  const make = () =>
    createCalls({
      store,
      hotlines: new InMemoryHotlineLookup([boilerRoom()]),
      planner,
      logger,
      clock,
      ids,
      timer: nextTurnTimer,
      activeCalls,
    });
  return { a: make(), b: make(), store, logger, clock };
}

/** Holds in memory, lapsing by the services' clock. */
const inProcess = (clock: Clock) => new InProcessActiveCalls(() => clock.now());

const answer = (calls: InboundCallService, carrierCallId: string) =>
  calls.answer({ carrier: 'test', hotlineNumber: HOTLINE_NUMBER, caller: CALLER, carrierCallId });
const callIdOf = (instruction: CallInstruction): string =>
  'callId' in instruction && instruction.callId ? instruction.callId : 'none';

/** The call is answered on its first dialled step, with the key pressed. */
async function takeCall(calls: InboundCallService, callId: string, step: number): Promise<string> {
  await calls.legAnswered({ callId, step });
  return said(await calls.confirmation({ callId, step, digits: '1' }));
}

describe('the cap on simultaneous calls per person, on the call paths', () => {
  it('a person on a call through gateway A is skipped without ringing by a call on gateway B; rung again once it ends', async () => {
    const { a, b, store } = twoGateways(inProcess);
    const first = await answer(a, 'carrier-1');
    expect(said(first)).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(await takeCall(a, callIdOf(first), 0)).toBe('bridge +33611111111');

    const second = await answer(b, 'carrier-2');
    expect(said(second)).toBe('dial Bob/mobile +33622222222 25s confirm');
    const legs = callRecordOf(store.peek(callIdOf(second))!).legs;
    expect(legs.map((leg) => `${leg.personName}/${leg.label} ${leg.outcome}`)).toEqual([
      'Alice/mobile skipped-busy',
      'Alice/home skipped-busy',
      'Bob/mobile ringing',
    ]);

    await a.callEnded({ callId: callIdOf(first), durationSeconds: 60 });
    const third = await answer(b, 'carrier-3');
    expect(said(third)).toBe('dial Alice/mobile +33611111111 20s confirm');
  });

  it('holds and releases that answer after the request budget ran out still take effect (a release given up would keep the person from calls for hours)', async () => {
    // A store of holds slower than the budget: it answers a turn of the event loop later, when every budget has run out.
    const late = (clock: Clock): ActiveCalls => {
      const held = inProcess(clock);
      const afterATurn = <T>(work: () => Promise<T>) =>
        new Promise<T>((resolve, reject) => setTimeout(() => work().then(resolve, reject), 1));
      return {
        hold: (hold) => afterATurn(() => held.hold(hold)),
        release: (release) => afterATurn(() => held.release(release)),
        counts: (accountId, personIds) => held.counts(accountId, personIds),
      };
    };
    const { a, b } = twoGateways(late);
    const first = await answer(a, 'carrier-1');
    expect(await takeCall(a, callIdOf(first), 0)).toBe('bridge +33611111111');
    expect(said(await answer(b, 'carrier-2'))).toBe('dial Bob/mobile +33622222222 25s confirm');

    await b.callEnded({ callId: callIdOf(first), durationSeconds: 60 });
    expect(said(await answer(a, 'carrier-3'))).toBe('dial Alice/mobile +33611111111 20s confirm');
  });

  it('a person who became busy while the call rang others is skipped when the cascade reaches them', async () => {
    const { a, b, store } = twoGateways(inProcess);
    const waiting = await answer(b, 'carrier-1');
    expect(said(waiting)).toBe('dial Alice/mobile +33611111111 20s confirm');
    // Meanwhile Bob takes another call.
    const other = await answer(a, 'carrier-2');
    await b.legEnded({ callId: callIdOf(other), step: 0, outcome: 'busy' });
    await b.legEnded({ callId: callIdOf(other), step: 1, outcome: 'no-answer' });
    expect(await takeCall(b, callIdOf(other), 2)).toBe('bridge +33622222222');

    await b.legEnded({ callId: callIdOf(waiting), step: 0, outcome: 'no-answer' });
    const next = await a.legEnded({ callId: callIdOf(waiting), step: 1, outcome: 'no-answer' });
    expect(said(next)).toBe('dial Dan/mobile +33644444444 25s confirm');
    expect(callRecordOf(store.peek(callIdOf(waiting))!).legs.map((leg) => leg.outcome)).toEqual([
      'no-answer',
      'no-answer',
      'skipped-busy',
      'ringing',
    ]);
  });

  it('a cap of 2 lets a second call through to the same person', async () => {
    const twice = person({
      ...alice,
      email: null,
      contactNumbers: [{ number: '+33611111111', label: 'mobile' }],
      maxSimultaneousCalls: 2,
    });
    const { a, b } = twoGateways(inProcess, { alice: twice });
    const first = await answer(a, 'carrier-1');
    await takeCall(a, callIdOf(first), 0);
    const second = await answer(b, 'carrier-2');
    expect(said(second)).toBe('dial Alice/mobile +33611111111 25s confirm');
    await takeCall(b, callIdOf(second), 0);
    expect(said(await answer(a, 'carrier-3'))).toBe('dial Bob/mobile +33622222222 25s confirm');
  });

  it('holds the person through the call for four hours at most, and releases them when the caller hangs up', async () => {
    const holds: ActiveCallHold[] = [];
    const released: string[] = [];
    const inner = new InProcessActiveCalls();
    const spy: ActiveCalls = {
      hold: (hold) => (holds.push(hold), inner.hold(hold)),
      release: (call) => (released.push(`${call.personId}:${call.callId}`), inner.release(call)),
      counts: (accountId, ids) => inner.counts(accountId, ids),
    };
    const { a, clock } = twoGateways(() => spy);
    const first = await answer(a, 'carrier-1');
    await takeCall(a, callIdOf(first), 0);
    await takeCall(a, callIdOf(first), 0);
    expect(holds).toEqual([
      { accountId: 'acct-test', personId: 'alice', callId: callIdOf(first), until: clock.now() + ACTIVE_CALL_HOLD_MS },
    ]);
    await a.callEnded({ callId: callIdOf(first) });
    await a.callEnded({ callId: callIdOf(first) });
    expect(released).toEqual([`alice:${callIdOf(first)}`]);
  });

  it('when the active calls cannot be read or written, nobody is skipped and the call goes on; reads pause for a second after a failure', async () => {
    let reads = 0;
    const broken: ActiveCalls = {
      hold: () => Promise.reject(new Error('redis away')),
      release: () => Promise.reject(new Error('redis away')),
      counts: () => (reads++, Promise.reject(new Error('redis away'))),
    };
    const { a, logger, clock } = twoGateways(() => broken);
    const first = await answer(a, 'carrier-1');
    expect(said(first)).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(await takeCall(a, callIdOf(first), 0)).toBe('bridge +33611111111');
    clock.advance(999);
    expect(said(await answer(a, 'carrier-2'))).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(reads).toBe(1);
    clock.advance(1);
    expect(said(await answer(a, 'carrier-3'))).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(reads).toBe(2);
    await a.callEnded({ callId: callIdOf(first) });
    expect(logger.messages('warn')).toEqual([
      'could not tell who is on a call: nobody is skipped',
      'could not hold the person on the call (the cap may let another call through)',
      'could not tell who is on a call: nobody is skipped',
      'could not release the person from the call (the hold lapses by itself)',
    ]);
  });

  it('without active calls wired, nobody is ever skipped', async () => {
    const { a, b } = twoGateways(null);
    const first = await answer(a, 'carrier-1');
    await takeCall(a, callIdOf(first), 0);
    expect(said(await answer(b, 'carrier-2'))).toBe('dial Alice/mobile +33611111111 20s confirm');
  });
});
