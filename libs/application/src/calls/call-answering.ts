import {
  CallPlan,
  CallPlanSource,
  CallRoute,
  EntryKeys,
  EntryStep,
  EscalationContext,
  Hotline,
  Instant,
  routeCall,
  startCallTimeline,
  startEscalation,
} from '@dutyline/domain';
import { Metrics } from '../metrics';
import { CallLogger, errorContext } from '../shared';
import { outOfServicePrompt } from './caller-prompts';
import { CallCapGuard } from './call-cap-guard';
import { CallChangeReporter } from './call-change-reporter';
import { CallFallbacks } from './call-fallbacks';
import { DialledHotline, DialledNumbers } from './call-entry-lookup';
import { CallInstruction, GatherInstruction } from './call-instruction';
import { CallInstructionRenderer, replay } from './call-instruction-renderer';
import { CallPersistence } from './call-persistence';
import { emergencyPlan } from './fallback-plan';
import { InboundCallDependencies } from './inbound-call-options';
import { AnswerInput } from './inbound-calls';
import { LastKnownPlans } from './last-known-plans';
import { e164OrNull } from './phone-text';
import { StoredCall } from './stored-call';
import { TimeBudget } from './time-budget';

/** The key of the answer among a call's events: a retried answer webhook gets the reply stored under it. */
const ANSWER_KEY = 'answer';

/** An answer webhook, its numbers read. */
interface Answer {
  /** E.164 of the number called. */
  readonly number: string;
  readonly caller: string | null;
  readonly carrier: string;
  readonly at: Instant;
  readonly budget: TimeBudget;
}

/** The keys a caller gave at a stage of the hotline's entry (`InboundCalls.keys`). */
export type AnswerKeys = EntryKeys;

/** A stage no front uses: routing from it takes the front's default (callers who cannot key). */
const NO_KEYS: EntryKeys = { stage: 'no-keys', digits: null };

export interface CallAnsweringDependencies extends Pick<
  InboundCallDependencies,
  'lineStatus' | 'planner' | 'clock' | 'ids' | 'events'
> {
  readonly dialled: DialledNumbers;
  readonly logger: CallLogger;
  readonly metrics: Metrics;
  readonly lastKnown: LastKnownPlans;
  readonly persistence: CallPersistence;
  readonly renderer: CallInstructionRenderer;
  readonly reporter: CallChangeReporter;
  readonly fallbacks: CallFallbacks;
  readonly cap: CallCapGuard;
}

/**
 * Opens a call (F9): the hotline of the number called, its plan (from the schedule; else the last known
 * for the number; else the emergency plan), the escalation's first move. A number no hotline answers or
 * a disabled account's hotline opens no call. A hotline with an entry (F25) first routes the call by
 * its rules, menu or keyed number: while the caller is asked for keys no call is opened (the stage
 * rides with the carrier's next event), then the chosen hotline's plan is opened with the path taken.
 */
export class CallAnswering {
  constructor(
    private readonly deps: CallAnsweringDependencies,
    private readonly settings: { readonly defaultLanguage: string },
  ) {}

  async answer(input: AnswerInput, budget: TimeBudget, keys?: AnswerKeys): Promise<CallInstruction> {
    const { persistence } = this.deps;
    const at = input.at ?? this.deps.clock.now();
    const number = e164OrNull(input.hotlineNumber);
    const caller = e164OrNull(input.caller);
    if (number === null) return this.unknownNumber(input.hotlineNumber, { caller, carrier: input.carrier, at });
    const answer: Answer = { number, caller, carrier: input.carrier, at, budget };

    const seen = persistence.openedHere(input.carrier, input.carrierCallId);
    if (seen) return replay(seen, ANSWER_KEY);

    // The database known to be away: the plan this instance last had for the number, at once.
    const known = persistence.storeKnownDown() ? this.deps.lastKnown.get(number) : undefined;
    const found = known ? null : await this.lookUp(number, budget);
    if (found === undefined) return this.unknownNumber(number, answer);
    if (!known && found && (await this.outOfService(found.hotline, budget)))
      return this.lineOutOfService(found.hotline, answer);
    const entered = found ? await this.throughEntry(found, answer, input.gathers === false ? NO_KEYS : keys) : null;
    if (entered?.kind === 'gather') return entered;
    const hotline = entered?.hotline ?? null;
    const { plan, source, opening } = known
      ? { plan: known, source: 'last-known' as const, opening: undefined }
      : await this.planFor(hotline, answer, entered?.route);

    const callId = this.deps.ids.next();
    const context = await (opening ?? this.deps.cap.opening(plan, budget));
    const { state, action } = startEscalation(plan, callId, context);
    const draft: StoredCall = {
      id: callId,
      version: 0,
      accountId: hotline === null && source === 'emergency' ? null : plan.hotline.accountId,
      hotlineId: hotline === null && source === 'emergency' ? null : plan.hotline.id,
      hotlineNumber: number,
      carrier: input.carrier,
      carrierCallId: input.carrierCallId,
      caller,
      planSource: source,
      state,
      timeline: startCallTimeline(state, at),
      comments: [],
      lastReply: null,
    };
    const instruction = this.deps.renderer.render({ call: draft, previous: null, action, greeting: plan.greeting });
    const opened = await persistence.open({ ...draft, lastReply: { key: ANSWER_KEY, instruction } }, budget);
    if (!opened.created) return replay(opened.call, ANSWER_KEY);
    this.deps.metrics.callStarted(source);
    this.deps.reporter.count(null, state);
    return instruction;
  }

  /** Where the hotline's entry sends the call: a `gather` while it wants keys, else the hotline to plan and the path. */
  private async throughEntry(
    found: DialledHotline,
    answer: Answer,
    keys: AnswerKeys | undefined,
  ): Promise<GatherInstruction | { kind: 'plan'; hotline: Hotline; route?: CallRoute }> {
    const step = found.entry ? this.entered(found, answer, keys) : undefined;
    if (!step) return { kind: 'plan', hotline: found.hotline };
    if (step.kind === 'ask') return gather(step, found.hotline.language);
    return {
      kind: 'plan',
      hotline: await this.routedTo(found.hotline, step.hotlineId, answer.budget),
      route: step.route,
    };
  }

  /** The entry's next step; undefined (the line) when it cannot be told. */
  private entered({ hotline, entry }: DialledHotline, answer: Answer, keys: AnswerKeys | undefined) {
    try {
      return routeCall({ entry: entry!, dialled: answer.number, at: answer.at, zone: hotline.timeZone, keys });
    } catch (error) {
      this.deps.logger.warn('call entry failed: routing to the line', {
        hotlineId: hotline.id,
        ...errorContext(error),
      });
      return undefined;
    }
  }

  /** The hotline an entry chose; its own when the other is gone or cannot be read in time. */
  private async routedTo(from: Hotline, hotlineId: string, budget: TimeBudget): Promise<Hotline> {
    if (hotlineId === from.id) return from;
    try {
      const target = await budget.run('reading the chosen hotline', () => this.deps.dialled.target(from, hotlineId));
      if (target && target.accountId === from.accountId) return target;
      this.deps.logger.warn('the chosen hotline is gone: routing to the line', {
        hotlineId: from.id,
        target: hotlineId,
      });
    } catch (error) {
      this.deps.logger.warn('could not read the chosen hotline: routing to the line', {
        hotlineId: from.id,
        target: hotlineId,
        ...errorContext(error),
      });
    }
    return from;
  }

  /** The hotline and its entry; undefined when none answers the number; null when the lookup could not tell. */
  private async lookUp(number: string, budget: TimeBudget): Promise<DialledHotline | undefined | null> {
    try {
      return await budget.run('looking up the hotline', () => this.deps.dialled.byNumber(number));
    } catch (error) {
      this.deps.logger.warn('hotline lookup failed: routing from what is known of the number', {
        hotlineNumber: number,
        ...errorContext(error),
      });
      return null;
    }
  }

  /** Whether the hotline's account is disabled; when that cannot be told in time, the call is routed. */
  private async outOfService(hotline: Hotline, budget: TimeBudget): Promise<boolean> {
    const status = this.deps.lineStatus;
    if (!status) return false;
    try {
      return await budget.run('checking the account', () => status.outOfService(hotline.accountId));
    } catch (error) {
      this.deps.logger.warn('could not tell whether the account is disabled: routing the call', {
        hotlineId: hotline.id,
        ...errorContext(error),
      });
      return false;
    }
  }

  /** A disabled account's hotline: the caller hears it is not in service, in the hotline's language; no call is logged. */
  private lineOutOfService(hotline: Hotline, { number, caller, carrier }: Answer): CallInstruction {
    this.deps.logger.info('call to a hotline of a disabled account', {
      number,
      caller,
      carrier,
      hotlineId: hotline.id,
      accountId: hotline.accountId,
    });
    return {
      kind: 'unknown-number',
      number,
      language: hotline.language,
      message: outOfServicePrompt(hotline.language),
    };
  }

  /**
   * The plan and where it came from; from the schedule, also who of it is at their cap (`opening`), asked
   * as soon as the planner knows the people, alongside the balanced levels' turns (one round trip).
   */
  private async planFor(
    hotline: Hotline | null,
    { number, at, budget }: Answer,
    route?: CallRoute,
  ): Promise<{ plan: CallPlan; source: CallPlanSource; opening?: Promise<EscalationContext> }> {
    const { lastKnown, logger, cap } = this.deps;
    if (hotline) {
      try {
        let opening: Promise<EscalationContext> | undefined;
        const planned = await budget.run('planning the call', () =>
          this.deps.planner.planFor(hotline, at, { planned: (people) => (opening = cap.opening(people, budget)) }),
        );
        // The person rung sees the number the caller dialled, whichever hotline's plan it follows.
        const plan = route ? { ...planned, route, hotline: { ...planned.hotline, number: route.dialled } } : planned;
        // Kept for fallbacks on the number: its own hotline's plan only (not a menu choice's), with no path.
        if (!route || route.entryHotlineId === hotline.id)
          lastKnown.remember(number, { ...planned, hotline: { ...planned.hotline, number } });
        return { plan, source: 'schedule', opening };
      } catch (error) {
        logger.warn('call planning failed', { hotlineNumber: number, ...errorContext(error) });
      }
    }
    const known = lastKnown.get(number);
    if (known) {
      logger.warn('routing on the last plan known for the number', { hotlineNumber: number, plannedAt: known.at });
      return { plan: known, source: 'last-known' };
    }
    logger.error('no plan known for the number: emergency routing', { hotlineNumber: number });
    const language = this.settings.defaultLanguage;
    const plan = emergencyPlan({
      hotlineNumber: number,
      hotline,
      lastResort: this.deps.fallbacks.lastResort(number, hotline?.language ?? language),
      language,
      at,
    });
    return { plan, source: 'emergency' };
  }

  private async unknownNumber(
    number: string,
    { caller, carrier, at }: Pick<Answer, 'caller' | 'carrier' | 'at'>,
  ): Promise<CallInstruction> {
    this.deps.logger.info('call to a number no hotline answers', { number, caller, carrier });
    this.deps.metrics.callOutcome('unknown-number');
    try {
      await this.deps.events?.unknownNumber?.({ number, caller, carrier, at });
    } catch (error) {
      this.deps.logger.error('could not report the unknown number', errorContext(error));
    }
    return { kind: 'unknown-number', number, language: this.settings.defaultLanguage };
  }
}

function gather(step: Extract<EntryStep, { kind: 'ask' }>, language: string): GatherInstruction {
  const { stage, prompt, maxDigits, timeoutSeconds, submitOnHash } = step;
  return { kind: 'gather', prompt, language, stage, maxDigits, timeoutSeconds, submitOnHash };
}
