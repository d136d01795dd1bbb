import {
  CallPlan,
  Clock,
  EscalationContext,
  EscalationEvent,
  EscalationState,
  Id,
  cappedPersons,
  isLegLive,
  personsAtTheirCap,
} from '@dutyline/domain';
import { CallLogger, errorContext } from '../shared';
import { ActiveCalls } from './active-calls';
import { TimeBudget } from './time-budget';

/** How long a person stays held when the end of their call is never reported: four hours. */
export const ACTIVE_CALL_HOLD_MS = 4 * 60 * 60 * 1000;

const NO_CONTEXT: EscalationContext = {};

/** After a failed read, how long calls skip nobody without asking again (a blackholed Redis costs one timeout a second). */
export const ACTIVE_CALLS_RETRY_MS = 1000;

/**
 * The cap on simultaneous calls per person (F26) on the call paths: before a move that may dial, who
 * of the plan is at their cap (one read, within the request's budget); when a leg is put through, its
 * person is held; when the call ends, released. Nothing here rejects or holds a caller up: when the
 * active calls cannot be read in time nobody is skipped (and they are not asked again for
 * `ACTIVE_CALLS_RETRY_MS`), and a failed hold or release is only logged.
 */
export class CallCapGuard {
  /** Until then (the clock's epoch ms) the active calls are not read: the last read failed. */
  private quietUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: { readonly activeCalls?: ActiveCalls; readonly clock: Clock; readonly logger: CallLogger },
  ) {}

  /** The context of the first move of a call on `plan`. */
  opening(plan: CallPlan, budget: TimeBudget): Promise<EscalationContext> {
    return this.personsAtCap(plan, budget);
  }

  /** The context for `event` on a call in `state`: counts are read only when the event may make it dial. */
  onEvent(state: EscalationState, event: EscalationEvent, budget: TimeBudget): Promise<EscalationContext> {
    if (event.type !== 'leg-outcome' || !isLegLive(state, event.step)) return Promise.resolve(NO_CONTEXT);
    if (event.outcome === 'answered' || event.outcome === 'confirmed') return Promise.resolve(NO_CONTEXT);
    return this.personsAtCap(state.plan, budget);
  }

  /**
   * Holds the person who took the call when it is put through; releases them when it ends. Not bound by
   * the request's budget, which the store's write may have spent on a loaded machine: a hold or release
   * given up for that would let a second call through, or keep the person from calls for hours. The
   * active calls' own command time limit bounds the wait.
   */
  async settle(before: EscalationState, after: EscalationState): Promise<void> {
    const { activeCalls, clock, logger } = this.deps;
    const by = after.answeredBy;
    if (!activeCalls || !by || this.uncapped(after, by.step)) return;
    const hold = { accountId: after.plan.hotline.accountId, personId: by.personId, callId: after.callId };
    const connected = after.phase === 'connected' && before.phase !== 'connected';
    const ended = after.phase === 'ended' && before.phase !== 'ended';
    if (!connected && !ended) return;
    try {
      await (connected
        ? activeCalls.hold({ ...hold, until: clock.now() + ACTIVE_CALL_HOLD_MS })
        : activeCalls.release(hold));
    } catch (error) {
      const what = connected
        ? 'could not hold the person on the call (the cap may let another call through)'
        : 'could not release the person from the call (the hold lapses by itself)';
      logger.warn(what, { callId: after.callId, personId: by.personId, ...errorContext(error) });
    }
  }

  private async personsAtCap(plan: CallPlan, budget: TimeBudget): Promise<EscalationContext> {
    const { activeCalls, logger } = this.deps;
    const persons = activeCalls ? cappedPersons(plan) : [];
    if (!activeCalls || persons.length === 0 || this.deps.clock.now() < this.quietUntil) return NO_CONTEXT;
    try {
      const counts = await budget.run('counting the calls of the persons to ring', () =>
        activeCalls.counts(plan.hotline.accountId, persons),
      );
      const unavailable: ReadonlySet<Id> = personsAtTheirCap(plan, counts);
      return unavailable.size === 0 ? NO_CONTEXT : { unavailable };
    } catch (error) {
      this.quietUntil = this.deps.clock.now() + ACTIVE_CALLS_RETRY_MS;
      logger.warn('could not tell who is on a call: nobody is skipped', {
        hotlineId: plan.hotline.id,
        ...errorContext(error),
      });
      return NO_CONTEXT;
    }
  }

  /** A step without a cap (an emergency number, a plan stored before caps) holds nobody. */
  private uncapped(state: EscalationState, step: number): boolean {
    const dial = state.plan.steps[step];
    return dial?.kind !== 'dial' || dial.maxSimultaneousCalls === undefined;
  }
}
