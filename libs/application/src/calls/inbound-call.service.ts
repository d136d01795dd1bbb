import {
  CallFact, CallPlan, CallPlanSource, Clock, DialStep, EscalationAction, EscalationEvent, EscalationState, Hotline, IdGenerator,
  Instant, Prompt, VersionConflictError, confirmationPrompt, onEscalationEvent, startCallTimeline, startEscalation, updateCallTimeline,
} from '@dutyline/domain';
import { CallInstruction, DialInstruction, LegToDrop, NOTHING, NothingInstruction } from './call-instruction';
import { CallMemory } from './call-memory';
import { EMERGENCY_TARGET, apologyPrompt, emergencyPlan, outOfServicePrompt } from './fallback-plan';
import {
  AnswerInput, CallEndedInput, CalleePromptInput, ConfirmationInput, InboundCalls, LegAnsweredInput, LegEndedInput, RecordingInput,
} from './inbound-calls';
import { LastKnownPlans } from './last-known-plans';
import { Metrics, noMetrics } from '../metrics/metrics.port';
import { e164OrNull } from './phone-text';
import { CallEvents, CallNotice } from './ports/call-events.port';
import { CallLogger, LogContext, silentCallLogger } from './ports/call-logger.port';
import { CallPlanner } from './ports/call-planner.port';
import { CallStore } from './ports/call-store.port';
import { HotlineLookup } from './ports/hotline-lookup.port';
import { LineStatus } from './ports/line-status.port';
import { Timer, systemTimer } from './ports/timer.port';
import { StoredCall, callRecordOf } from './stored-call';
import { TimeBudget } from './time-budget';

export interface InboundCallOptions {
  /** How long one request may wait for the hotline lookup, the planner and the store, together. @defaultValue 800 */
  readonly budgetMs?: number;
  /** Ask carriers to detect answering machines on dialled legs. @defaultValue false */
  readonly machineDetection?: boolean;
  /** @defaultValue 120 */
  readonly voicemailMaxSeconds?: number;
  /** How long a callee has to press the key after the announcement. @defaultValue 5 */
  readonly confirmationTimeoutSeconds?: number;
  /** @defaultValue '1' */
  readonly acceptKey?: string;
  /**
   * Last-resort numbers rung when no plan can be had (store down, nothing known of the number), by
   * hotline number in E.164; the key `*` applies to every other number. @defaultValue none
   */
  readonly emergencyNumbers?: Readonly<Record<string, string>>;
  /** @defaultValue 30 */
  readonly emergencyRingTimeoutSeconds?: number;
  /** Language of messages when no hotline tells one. @defaultValue 'en-GB' */
  readonly defaultLanguage?: string;
  /** Compare-and-set attempts when two instances handle events of one call at once. @defaultValue 3 */
  readonly saveAttempts?: number;
  /**
   * Calls and plans kept in memory for fallbacks. A call in progress is written on each of its events
   * (every ring timeout at least), so it stays among the most recent unless this many other calls
   * arrive in between (100 calls/s on one instance). Each copy costs the garbage collector. @defaultValue 2000
   */
  readonly memoryCapacity?: number;
}

export interface InboundCallDependencies {
  readonly store: CallStore;
  readonly hotlines: HotlineLookup;
  /** Whether a hotline's account is disabled; without it every line is in service. */
  readonly lineStatus?: LineStatus;
  readonly planner: CallPlanner;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events?: CallEvents;
  readonly logger?: CallLogger;
  /** Calls by plan source and outcome, legs by outcome. @defaultValue none */
  readonly metrics?: Metrics;
  /** @defaultValue systemTimer */
  readonly timer?: Timer;
  /** Share one between services of a process; @defaultValue a new one */
  readonly lastKnownPlans?: LastKnownPlans;
}

/** The step of an emergency leg dialled for a call the service lost; a further loss ends in an apology. */
export const RESCUE_STEP = 1000;

const ANSWER_KEY = 'answer';
const NO_ACTION: EscalationAction = { type: 'none' };

/** The call as this request found it, and whether the store holds it so. */
interface Current {
  readonly call: StoredCall;
  readonly persisted: boolean;
  /** Whether the store has the call at all (false: opened while it was down). */
  readonly created: boolean;
}

/**
 * Routes inbound calls through the escalation state machine, for any carrier (F9–F15). Each call's
 * plan is snapshotted on answer; each event is applied to the stored call with compare-and-set;
 * a repeated event gets the reply it got the first time, a stale one gets `nothing`.
 *
 * A caller never hears silence: no operation rejects. An unknown number gets a polite message; a
 * store or planner that fails or overruns the time budget is replaced by the last plan known for
 * the number (else the emergency number, else the hotline's final step or an apology), and the
 * call's changes are kept in memory until the store takes them.
 */
export class InboundCallService implements InboundCalls {
  private readonly options: Required<InboundCallOptions>;
  private readonly logger: CallLogger;
  private readonly metrics: Metrics;
  private readonly timer: Timer;
  private readonly lastKnown: LastKnownPlans;
  private readonly memory: CallMemory;

  constructor(private readonly deps: InboundCallDependencies, options: InboundCallOptions = {}) {
    this.options = {
      budgetMs: options.budgetMs ?? 800,
      machineDetection: options.machineDetection ?? false,
      voicemailMaxSeconds: options.voicemailMaxSeconds ?? 120,
      confirmationTimeoutSeconds: options.confirmationTimeoutSeconds ?? 5,
      acceptKey: options.acceptKey ?? '1',
      emergencyNumbers: options.emergencyNumbers ?? {},
      emergencyRingTimeoutSeconds: options.emergencyRingTimeoutSeconds ?? 30,
      defaultLanguage: options.defaultLanguage ?? 'en-GB',
      saveAttempts: options.saveAttempts ?? 3,
      memoryCapacity: options.memoryCapacity ?? 2000,
    };
    this.logger = deps.logger ?? silentCallLogger;
    this.metrics = deps.metrics ?? noMetrics;
    this.timer = deps.timer ?? systemTimer;
    this.lastKnown = deps.lastKnownPlans ?? new LastKnownPlans(this.options.memoryCapacity);
    this.memory = new CallMemory(this.options.memoryCapacity);
  }

  /** This process's latest copy of a call it handled recently; another instance may have moved it on since. */
  recentCall(callId: string): StoredCall | undefined {
    return this.memory.recentCall(callId);
  }

  answer(input: AnswerInput): Promise<CallInstruction> {
    const context = { carrier: input.carrier, carrierCallId: input.carrierCallId, hotlineNumber: input.hotlineNumber };
    return this.guarded('answer', context, (budget) => this.answerWithin(input, budget),
      () => this.rescue({ callId: this.deps.ids.next(), carrierCallId: input.carrierCallId, step: 0, hotlineNumber: input.hotlineNumber }));
  }

  legAnswered(input: LegAnsweredInput): Promise<CallInstruction> {
    // Without confirmation but with machine detection, the caller is joined on the carrier's verdict, not on pick-up.
    const awaitsVerdict = (state: EscalationState) => this.options.machineDetection && !state.plan.requireAnswerConfirmation;
    return this.onEvent('legAnswered', input, `leg-answered:${input.step}`,
      (state) => (awaitsVerdict(state) ? null : { type: 'leg-outcome', step: input.step, outcome: 'answered' }),
      { kind: 'leg-answered', step: input.step, at: this.at(input.at), carrierLegId: input.carrierLegId ?? null },
      () => NOTHING);
  }

  humanAnswered(input: LegAnsweredInput): Promise<CallInstruction> {
    return this.onEvent('humanAnswered', input, `human-answered:${input.step}`,
      (state) => (state.plan.requireAnswerConfirmation ? null : { type: 'leg-outcome', step: input.step, outcome: 'confirmed' }),
      { kind: 'leg-answered', step: input.step, at: this.at(input.at), carrierLegId: input.carrierLegId ?? null },
      () => NOTHING);
  }

  legEnded(input: LegEndedInput): Promise<CallInstruction> {
    const at = this.at(input.at);
    return this.onEvent('legEnded', input, `leg-ended:${input.step}:${input.outcome}`,
      () => ({ type: 'leg-outcome', step: input.step, outcome: input.outcome }),
      {
        kind: 'leg-ended', step: input.step, at,
        detail: input.detail ?? null, sipCode: input.sipCode ?? null, carrierLegId: input.carrierLegId ?? null,
      },
      () => this.rescue({ callId: input.callId, carrierCallId: null, step: input.step, hotlineNumber: input.hotlineNumber }));
  }

  confirmation(input: ConfirmationInput): Promise<CallInstruction> {
    const digits = (input.digits ?? '').trim();
    const outcome = digits === this.options.acceptKey ? 'confirmed' : digits === '' || input.timedOut ? 'not-confirmed' : 'declined';
    return this.onEvent('confirmation', input, `confirmation:${input.step}:${outcome}`,
      () => ({ type: 'leg-outcome', step: input.step, outcome }),
      { kind: 'confirmation', step: input.step, at: this.at(input.at) },
      () => this.rescue({ callId: input.callId, carrierCallId: null, step: input.step, hotlineNumber: input.hotlineNumber }));
  }

  calleePrompt(input: CalleePromptInput) {
    const generic = () => this.genericAnnouncement(input);
    return this.guarded('calleePrompt', { callId: input.callId, step: input.step }, async (budget) => {
      const current = await this.current(input.callId, budget);
      if (!current) return generic();
      const { call } = current;
      const { state } = call;
      if ((state.phase === 'ringing' || state.phase === 'confirming') && state.step === input.step) {
        return this.announcement(call.id, call.carrierCallId, input.step, confirmationPrompt(state.plan, call.caller));
      }
      const step = state.plan.steps[input.step];
      return {
        kind: 'hang-up-leg' as const, callId: call.id, carrierCallId: call.carrierCallId, step: input.step,
        to: step?.kind === 'dial' ? step.number : null,
        carrierLegId: call.timeline.legs.find((leg) => leg.step === input.step)?.carrierLegId ?? null,
      };
    }, generic);
  }

  async recording(input: RecordingInput): Promise<NothingInstruction> {
    await this.onEvent('recording', input, 'recording',
      () => ({ type: 'voicemail-recorded', recording: input.reference }),
      { kind: 'recording', at: this.at(input.at) },
      () => NOTHING);
    return NOTHING;
  }

  async callEnded(input: CallEndedInput) {
    const callId = 'callId' in input ? input.callId : await this.callOpenedBy(input.carrier, input.carrierCallId);
    if (callId === undefined) return NOTHING;
    const instruction = await this.onEvent('callEnded', { callId }, 'call-ended',
      () => ({ type: 'call-completed' }),
      { kind: 'call-ended', at: this.at(input.at), durationSeconds: input.durationSeconds ?? null },
      () => NOTHING);
    return instruction.kind === 'hang-up-leg' ? instruction : NOTHING;
  }

  /** The id of the call a carrier opened, from memory or the store; undefined (logged) when neither knows it. */
  private callOpenedBy(carrier: string, carrierCallId: string): Promise<string | undefined> {
    const context = { carrier, carrierCallId };
    return this.guarded('callEnded', context, async (budget) => {
      const known = this.memory.callOpenedBy(carrier, carrierCallId)
        ?? (await budget.run('finding the call', () => this.deps.store.findByCarrierCall(carrier, carrierCallId)));
      if (!known) this.logger.warn('end of a carrier call this service does not know', context);
      return known?.id;
    }, () => undefined);
  }

  // ---- answer ---------------------------------------------------------------------------------------------

  private async answerWithin(input: AnswerInput, budget: TimeBudget): Promise<CallInstruction> {
    const at = this.at(input.at);
    const number = e164OrNull(input.hotlineNumber);
    const caller = e164OrNull(input.caller);
    if (number === null) return this.unknownNumber(input.hotlineNumber, caller, input.carrier, at);

    const seen = this.memory.callOpenedBy(input.carrier, input.carrierCallId);
    if (seen) return replay(seen, ANSWER_KEY);

    const hotline = await this.lookUp(number, budget);
    if (hotline === undefined) return this.unknownNumber(number, caller, input.carrier, at);
    if (hotline && (await this.outOfService(hotline, budget))) return this.lineOutOfService(number, hotline, caller, input.carrier);
    const { plan, source } = await this.planFor(number, hotline, at, budget);

    const callId = this.deps.ids.next();
    const { state, action } = startEscalation(plan, callId);
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
    const instruction = this.render(draft, null, action, plan.greeting);
    const call: StoredCall = { ...draft, lastReply: { key: ANSWER_KEY, instruction } };
    try {
      const result = await budget.run('storing the new call', () => this.deps.store.create(call));
      this.memory.stored(result.call);
      if (!result.created) return replay(result.call, ANSWER_KEY);
    } catch (error) {
      this.logger.warn('the call store did not take a new call: it is kept in memory', { callId, ...describe(error) });
      this.memory.keep(call, false);
    }
    this.metrics.callStarted(source);
    this.count(null, state);
    return instruction;
  }

  /** The hotline; undefined when none answers the number; null when the lookup could not tell. */
  private async lookUp(number: string, budget: TimeBudget): Promise<Hotline | undefined | null> {
    try {
      return await budget.run('looking up the hotline', () => this.deps.hotlines.byNumber(number));
    } catch (error) {
      this.logger.warn('hotline lookup failed: routing from what is known of the number', { hotlineNumber: number, ...describe(error) });
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
      this.logger.warn('could not tell whether the account is disabled: routing the call', { hotlineId: hotline.id, ...describe(error) });
      return false;
    }
  }

  /** A disabled account's hotline: the caller hears it is not in service, in the hotline's language; no call is logged. */
  private lineOutOfService(number: string, hotline: Hotline, caller: string | null, carrier: string): CallInstruction {
    this.logger.info('call to a hotline of a disabled account', { number, caller, carrier, hotlineId: hotline.id, accountId: hotline.accountId });
    return { kind: 'unknown-number', number, language: hotline.language, message: outOfServicePrompt(hotline.language) };
  }

  private async planFor(number: string, hotline: Hotline | null, at: Instant, budget: TimeBudget): Promise<{ plan: CallPlan; source: CallPlanSource }> {
    if (hotline) {
      try {
        const plan = await budget.run('planning the call', () => this.deps.planner.planFor(hotline, at));
        this.lastKnown.remember(number, plan);
        return { plan, source: 'schedule' };
      } catch (error) {
        this.logger.warn('call planning failed', { hotlineNumber: number, ...describe(error) });
      }
    }
    const known = this.lastKnown.get(number);
    if (known) {
      this.logger.warn('routing on the last plan known for the number', { hotlineNumber: number, plannedAt: known.at });
      return { plan: known, source: 'last-known' };
    }
    this.logger.error('no plan known for the number: emergency routing', { hotlineNumber: number });
    const plan = emergencyPlan({
      hotlineNumber: number,
      hotline,
      emergencyNumber: this.emergencyNumberFor(number),
      ringTimeoutSeconds: this.options.emergencyRingTimeoutSeconds,
      language: this.options.defaultLanguage,
      at,
    });
    return { plan, source: 'emergency' };
  }

  private async unknownNumber(number: string, caller: string | null, carrier: string, at: Instant): Promise<CallInstruction> {
    this.logger.info('call to a number no hotline answers', { number, caller, carrier });
    this.metrics.callOutcome('unknown-number');
    try {
      await this.deps.events?.unknownNumber?.({ number, caller, carrier, at });
    } catch (error) {
      this.logger.error('could not report the unknown number', describe(error));
    }
    return { kind: 'unknown-number', number, language: this.options.defaultLanguage };
  }

  // ---- events ---------------------------------------------------------------------------------------------

  /**
   * Applies one carrier event to the call, storing the change with compare-and-set. `decide` says
   * what the event means for the escalation in the call's state (null: only its instant is kept).
   */
  private onEvent(
    operation: string,
    input: { readonly callId: string; readonly hotlineNumber?: string; readonly step?: number },
    key: string,
    decide: (state: EscalationState) => EscalationEvent | null,
    fact: CallFact,
    lost: () => CallInstruction,
  ): Promise<CallInstruction> {
    return this.guarded(operation, { callId: input.callId, key }, async (budget) => {
      for (let attempt = 1; ; attempt++) {
        const current = await this.current(input.callId, budget);
        if (!current) {
          this.logger.warn('event for a call this service does not know', { callId: input.callId, key });
          return lost();
        }
        const before = current.call;
        const event = decide(before.state);
        const { state, action } = event ? onEscalationEvent(before.state, event) : { state: before.state, action: NO_ACTION };
        const timeline = updateCallTimeline(before.timeline, before.state, state, fact);
        const moved = action.type !== 'none';
        const after: StoredCall = { ...before, state, timeline };
        const instruction = moved ? this.render(after, before.state, action, null) : replay(before, key);
        if (state === before.state && JSON.stringify(timeline) === JSON.stringify(before.timeline)) return instruction;

        const next: StoredCall = { ...after, lastReply: moved ? { key, instruction } : before.lastReply };
        const written = await this.persist(next, current, budget);
        if (written === 'conflict') {
          if (attempt < this.options.saveAttempts) continue;
          this.logger.error('call changed by others on every attempt: answering without storing', { callId: input.callId, key });
          return instruction;
        }
        this.count(before.state, next.state);
        await this.notify(before, next);
        return instruction;
      }
    }, lost);
  }

  /** The call as stored, or as this instance last had it when the store is down. Rejects when neither can be had. */
  private async current(callId: string, budget: TimeBudget): Promise<Current | undefined> {
    const unsaved = this.memory.unsavedCall(callId);
    if (unsaved) {
      const flushed = await this.flush(unsaved.call, unsaved.created, budget);
      if (flushed === 'kept') return { call: unsaved.call, persisted: false, created: unsaved.created };
      if (flushed !== 'superseded') return { call: flushed, persisted: true, created: true };
    }
    try {
      const stored = await budget.run('loading the call', () => this.deps.store.load(callId));
      if (stored) this.memory.stored(stored);
      return stored && { call: stored, persisted: true, created: true };
    } catch (error) {
      const recent = this.memory.recentCall(callId);
      if (!recent) throw error;
      this.logger.warn('call store unreachable: going on from the copy in memory', { callId, ...describe(error) });
      return { call: recent, persisted: false, created: true };
    }
  }

  /** Hands the store a call it could not take before. */
  private async flush(call: StoredCall, created: boolean, budget: TimeBudget): Promise<StoredCall | 'kept' | 'superseded'> {
    try {
      if (!created) {
        const result = await budget.run('storing a call kept in memory', () => this.deps.store.create(call));
        if (!result.created) {
          this.logger.warn('another instance stored the same carrier call: this copy stays in memory only', { callId: call.id });
          this.memory.drop(call.id);
          return 'kept';
        }
        this.memory.stored(result.call);
        return result.call;
      }
      const version = await budget.run('storing changes kept in memory', () => this.deps.store.save(call));
      const saved = { ...call, version };
      this.memory.stored(saved);
      return saved;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) return 'kept';
      this.logger.warn('changes kept in memory were superseded by another instance', { callId: call.id });
      this.memory.drop(call.id);
      return 'superseded';
    }
  }

  private async persist(next: StoredCall, current: Current, budget: TimeBudget): Promise<'stored' | 'kept' | 'conflict'> {
    if (current.persisted) {
      try {
        const version = await budget.run('saving the call', () => this.deps.store.save(next));
        this.memory.stored({ ...next, version });
        return 'stored';
      } catch (error) {
        if (error instanceof VersionConflictError) return 'conflict';
        this.logger.warn('the call store did not take a change: it is kept in memory', { callId: next.id, ...describe(error) });
      }
    }
    this.memory.keep(next, current.created);
    return 'kept';
  }

  /**
   * Counts what a stored change settled: the call's outcome when it is first known, each leg's outcome
   * when it changes (a pick-up awaiting its key is not an outcome yet).
   */
  private count(before: EscalationState | null, after: EscalationState): void {
    if (!before?.outcome && after.outcome) this.metrics.callOutcome(after.outcome.kind);
    after.legs.forEach((leg, index) => {
      if (leg.outcome === null || leg.outcome === before?.legs[index]?.outcome) return;
      if (after.phase === 'confirming' && leg.step === after.step) return;
      this.metrics.legEnded(leg.outcome);
    });
  }

  /** Tells the workers about a caller who left unanswered and about a recorded voicemail, once each. */
  private async notify(before: StoredCall, after: StoredCall): Promise<void> {
    const events = this.deps.events;
    if (!events) return;
    const notices: [keyof Pick<CallEvents, 'callUnanswered' | 'voicemailRecorded'>, string][] = [];
    if (!callerGone(before.state) && callerGone(after.state) && after.state.outcome?.kind !== 'answered') {
      notices.push(['callUnanswered', 'unanswered']);
    }
    if (recordingOf(before.state) === null && recordingOf(after.state) !== null) notices.push(['voicemailRecorded', 'voicemail']);
    if (notices.length === 0) return;
    const record = callRecordOf(after);
    for (const [method, suffix] of notices) {
      const notice: CallNotice = { eventId: `${after.id}:${suffix}`, callId: after.id, record };
      try {
        await events[method](notice);
      } catch (error) {
        this.logger.error(`could not report ${suffix} call`, { callId: after.id, ...describe(error) });
      }
    }
  }

  // ---- instructions ---------------------------------------------------------------------------------------

  /** The instruction for `action`, taken on `call` (already in its new state) coming from `previous`. */
  private render(call: StoredCall, previous: EscalationState | null, action: EscalationAction, greeting: Prompt | null): CallInstruction {
    const { state } = call;
    const of = { callId: call.id, carrierCallId: call.carrierCallId };
    const dropLeg = previous ? legToDrop(call, previous) : null;
    switch (action.type) {
      case 'dial': {
        const step = state.plan.steps[action.step] as DialStep;
        return {
          kind: 'dial', ...of, step: action.step, greeting,
          to: action.number,
          callerId: state.plan.callerIdMode === 'caller' && call.caller !== null ? call.caller : state.plan.hotline.number,
          ringTimeoutSeconds: action.ringTimeoutSeconds,
          confirm: action.requireConfirmation,
          machineDetection: this.options.machineDetection,
          target: { personId: step.personId, personName: step.personName, label: step.label, via: step.via, level: step.level, teamId: step.teamId },
          dropLeg,
        };
      }
      case 'bridge':
        return { kind: 'bridge', ...of, step: action.step, to: action.number };
      case 'record-voicemail':
        return { kind: 'voicemail', ...of, step: action.step, greeting: action.greeting, maxSeconds: this.options.voicemailMaxSeconds, dropLeg };
      case 'play-message':
        return { kind: 'message', ...of, step: action.step, prompt: action.message, dropLeg };
      case 'hang-up-leg':
        return {
          kind: 'hang-up-leg', ...of, step: action.step, to: action.number,
          carrierLegId: call.timeline.legs.find((leg) => leg.step === action.step)?.carrierLegId ?? null,
        };
      case 'none':
        return NOTHING;
    }
  }

  private announcement(callId: string, carrierCallId: string | null, step: number, prompt: Prompt) {
    return {
      kind: 'announce' as const, callId, carrierCallId, step, prompt,
      acceptKey: this.options.acceptKey,
      timeoutSeconds: this.options.confirmationTimeoutSeconds,
    };
  }

  /** For a callee who picked up a leg of a call the service cannot read: announce with what is known. */
  private genericAnnouncement(input: CalleePromptInput) {
    const number = e164OrNull(input.hotlineNumber);
    const plan = number === null ? undefined : this.lastKnown.get(number);
    const prompt: Prompt = plan
      ? confirmationPrompt(plan, null)
      : { kind: 'text', text: 'Call for the hotline. Press 1 to take it.', language: this.options.defaultLanguage };
    return this.announcement(input.callId, null, input.step, prompt);
  }

  /**
   * For a caller whose call the service lost (or whose request failed): ring the emergency number
   * once, else apologise. Never rings twice, so a lost call cannot loop.
   */
  private rescue(input: { callId: string; carrierCallId: string | null; step: number; hotlineNumber?: string }): CallInstruction {
    const number = e164OrNull(input.hotlineNumber);
    const emergency = this.emergencyNumberFor(number);
    const language = (number && this.lastKnown.get(number)?.hotline.language) || this.options.defaultLanguage;
    if (emergency !== null && input.step < RESCUE_STEP) {
      const dial: DialInstruction = {
        kind: 'dial', callId: input.callId, carrierCallId: input.carrierCallId, step: RESCUE_STEP, greeting: null,
        to: emergency, callerId: number ?? emergency, ringTimeoutSeconds: this.options.emergencyRingTimeoutSeconds,
        confirm: false, machineDetection: false, target: EMERGENCY_TARGET, dropLeg: null,
      };
      return dial;
    }
    return { kind: 'message', callId: input.callId, carrierCallId: input.carrierCallId, step: null, prompt: apologyPrompt(language), dropLeg: null };
  }

  private emergencyNumberFor(hotlineNumber: string | null): string | null {
    const numbers = this.options.emergencyNumbers;
    return e164OrNull((hotlineNumber !== null ? numbers[hotlineNumber] : undefined) ?? numbers['*']);
  }

  // ---- plumbing ---------------------------------------------------------------------------------------------

  /** Runs `work` within a fresh time budget; any failure is logged and answered with `fallback()`. */
  private async guarded<T>(operation: string, context: LogContext, work: (budget: TimeBudget) => Promise<T>, fallback: () => T): Promise<T> {
    const budget = new TimeBudget(this.timer, this.options.budgetMs);
    try {
      return await work(budget);
    } catch (error) {
      // The context and the error's message may hold the carrier's text: they go in a warning; the error line has none of it.
      this.logger.error(`${operation} failed: answering with a fallback`, { operation, errorName: error instanceof Error ? error.name : typeof error });
      this.logger.warn(`${operation} failed: what it was given`, { ...context, ...describe(error) });
      return fallback();
    } finally {
      budget.close();
    }
  }

  private at(at: Instant | undefined): Instant {
    return at ?? this.deps.clock.now();
  }
}

/** The reply `call` gave to the event `key`, when that event is the one that last moved it; else nothing. */
function replay(call: StoredCall, key: string): CallInstruction {
  return call.lastReply?.key === key ? call.lastReply.instruction : NOTHING;
}

/** A leg that was picked up but did not take the call (machine, declined, no key), so must be hung up. */
function legToDrop(call: StoredCall, previous: EscalationState): LegToDrop | null {
  const before = new Map(previous.legs.map((leg) => [leg.step, leg.outcome]));
  const leg = call.state.legs.find((candidate) =>
    before.get(candidate.step) !== candidate.outcome
    && (candidate.outcome === 'machine' || candidate.outcome === 'declined' || candidate.outcome === 'not-confirmed'));
  if (!leg) return null;
  const carrierLegId = call.timeline.legs.find((entry) => entry.step === leg.step)?.carrierLegId ?? null;
  return { step: leg.step, to: leg.number, carrierLegId };
}

const callerGone = (state: EscalationState): boolean => state.phase === 'ended' || state.phase === 'awaiting-recording';

const recordingOf = (state: EscalationState): string | null => (state.outcome?.kind === 'voicemail' ? state.outcome.recording : null);

function describe(error: unknown): LogContext {
  return error instanceof Error ? { error: error.message, errorName: error.name } : { error: String(error) };
}
