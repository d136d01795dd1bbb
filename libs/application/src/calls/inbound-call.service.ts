import {
  CallPlan,
  CallPlanSource,
  Clock,
  DialStep,
  EscalationAction,
  EscalationEvent,
  EscalationState,
  Hotline,
  IdGenerator,
  Instant,
  Prompt,
  VersionConflictError,
  confirmationPrompt,
  onEscalationEvent,
  startCallTimeline,
  startEscalation,
  updateCallTimeline,
} from '@dutyline/domain';
import { CallInstruction, DialInstruction, LegToDrop, NOTHING, NothingInstruction } from './call-instruction';
import { CallMemory } from './call-memory';
import { MemoryCallJournal } from './memory-call-journal';
import { EMERGENCY_TARGET, emergencyPlan } from './fallback-plan';
import { outOfServicePrompt } from './caller-prompts';
import { LastResortSettings, lastResortFor } from './last-resort';
import {
  AnswerInput,
  CallEndedInput,
  CalleePromptInput,
  ConfirmationInput,
  InboundCalls,
  LegAnsweredInput,
  LegEndedInput,
  RecordingInput,
} from './inbound-calls';
import { LastKnownPlans } from './last-known-plans';
import { Metrics, noMetrics } from '../metrics/metrics.port';
import { e164OrNull } from './phone-text';
import {
  CallEventRecord,
  CallEvents,
  CallJournal,
  CallJournalEntry,
  CallNotice,
  CallPlanner,
  CallReference,
  CallStore,
  HotlineLookup,
  JournaledEntry,
  LineStatus,
  Timer,
} from './ports';
import { CallLogger, LogContext, silentCallLogger } from '../shared/logger.port';
import { systemTimer } from './system-timer';
import { StoredCall, callRecordOf } from './stored-call';
import { TimeBudget } from './time-budget';
import { errorContext } from '../shared/error-context';

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
  /**
   * How long a webhook waits for the store to take a write (within `budgetMs`) before the change goes
   * to the journal and the reply is sent: a stalled database costs the answer this much once. @defaultValue 150
   */
  readonly storeBudgetMs?: number;
  /** After the store failed, how long webhooks leave it alone (the write-back keeps trying). @defaultValue 2000 */
  readonly storeRetryMs?: number;
  /**
   * How long a journaled event waits for its call to reach the store (opened on another instance whose
   * write-back has not run yet) before it is given up, with an error logged. @defaultValue 86400000 (a day)
   */
  readonly orphanMaxAgeMs?: number;
  /** How long the write-back waits for the store on one entry before the pass stops (tried again next pass). @defaultValue 5000 */
  readonly writeBackTimeoutMs?: number;
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
  /** Where what the store could not take waits for `writeBack()`. @defaultValue in memory only */
  readonly journal?: CallJournal;
}

/** What one `writeBack()` pass did. */
export interface WriteBackResult {
  /** Entries the store took (or already had). */
  readonly written: number;
  /** Entries still waiting: the store failed, or their call is not stored yet. */
  readonly waiting: number;
  /** Entries given up (their call never reached the store within `orphanMaxAgeMs`). */
  readonly dropped: number;
}

/** The step of an emergency leg dialled for a call the service lost; a further loss ends in an apology. */
export const RESCUE_STEP = 1000;

const ANSWER_KEY = 'answer';
const NO_ACTION: EscalationAction = { type: 'none' };

/** The call as this request found it, and whether the store holds it so (false: its latest changes wait in the journal). */
interface Current {
  readonly call: StoredCall;
  readonly persisted: boolean;
}

/** A journal entry's effect on the store. */
type WriteBackOutcome = 'written' | 'waiting';

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

  constructor(
    private readonly deps: InboundCallDependencies,
    options: InboundCallOptions = {},
  ) {
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
      storeBudgetMs: options.storeBudgetMs ?? 150,
      storeRetryMs: options.storeRetryMs ?? 2000,
      orphanMaxAgeMs: options.orphanMaxAgeMs ?? 86_400_000,
      writeBackTimeoutMs: options.writeBackTimeoutMs ?? 5000,
    };
    this.logger = deps.logger ?? silentCallLogger;
    this.metrics = deps.metrics ?? noMetrics;
    this.timer = deps.timer ?? systemTimer;
    this.lastKnown = deps.lastKnownPlans ?? new LastKnownPlans(this.options.memoryCapacity);
    this.memory = new CallMemory(this.options.memoryCapacity);
    this.journal = deps.journal ?? new MemoryCallJournal();
    this.recoverJournal();
  }

  private readonly journal: CallJournal;
  /** Journal entries not written back yet, per call (our id, or `carrier\u0000carrierCallId`). */
  private readonly pendingByCall = new Map<string, number>();
  /** Until when webhooks leave the store alone (it failed); 0: it answers. */
  private storeDownUntil = 0;
  private writing: Promise<WriteBackResult> | null = null;

  /** This process's latest copy of a call it handled recently; another instance may have moved it on since. */
  recentCall(callId: string): StoredCall | undefined {
    return this.memory.recentCall(callId);
  }

  answer(input: AnswerInput): Promise<CallInstruction> {
    const context = { carrier: input.carrier, carrierCallId: input.carrierCallId, hotlineNumber: input.hotlineNumber };
    return this.guarded(
      'answer',
      context,
      (budget) => this.answerWithin(input, budget),
      () =>
        this.rescue({
          callId: this.deps.ids.next(),
          carrierCallId: input.carrierCallId,
          step: 0,
          hotlineNumber: input.hotlineNumber,
        }),
    );
  }

  legAnswered(input: LegAnsweredInput): Promise<CallInstruction> {
    // Without confirmation but with machine detection, the caller is joined on the carrier's verdict, not on pick-up.
    return this.onEvent(
      'legAnswered',
      input,
      {
        key: `leg-answered:${input.step}`,
        change: { type: 'leg-outcome', step: input.step, outcome: 'answered' },
        unless: 'awaiting-verdict',
        fact: {
          kind: 'leg-answered',
          step: input.step,
          at: this.at(input.at),
          carrierLegId: input.carrierLegId ?? null,
        },
      },
      () => NOTHING,
    );
  }

  humanAnswered(input: LegAnsweredInput): Promise<CallInstruction> {
    return this.onEvent(
      'humanAnswered',
      input,
      {
        key: `human-answered:${input.step}`,
        change: { type: 'leg-outcome', step: input.step, outcome: 'confirmed' },
        unless: 'confirmation-required',
        fact: {
          kind: 'leg-answered',
          step: input.step,
          at: this.at(input.at),
          carrierLegId: input.carrierLegId ?? null,
        },
      },
      () => NOTHING,
    );
  }

  legEnded(input: LegEndedInput): Promise<CallInstruction> {
    return this.onEvent(
      'legEnded',
      input,
      {
        key: `leg-ended:${input.step}:${input.outcome}`,
        change: { type: 'leg-outcome', step: input.step, outcome: input.outcome },
        unless: null,
        fact: {
          kind: 'leg-ended',
          step: input.step,
          at: this.at(input.at),
          detail: input.detail ?? null,
          sipCode: input.sipCode ?? null,
          carrierLegId: input.carrierLegId ?? null,
        },
      },
      () =>
        this.rescue({
          callId: input.callId,
          carrierCallId: null,
          step: input.step,
          hotlineNumber: input.hotlineNumber,
        }),
    );
  }

  confirmation(input: ConfirmationInput): Promise<CallInstruction> {
    const digits = (input.digits ?? '').trim();
    const outcome =
      digits === this.options.acceptKey ? 'confirmed' : digits === '' || input.timedOut ? 'not-confirmed' : 'declined';
    return this.onEvent(
      'confirmation',
      input,
      {
        key: `confirmation:${input.step}:${outcome}`,
        change: { type: 'leg-outcome', step: input.step, outcome },
        unless: null,
        fact: { kind: 'confirmation', step: input.step, at: this.at(input.at) },
      },
      () =>
        this.rescue({
          callId: input.callId,
          carrierCallId: null,
          step: input.step,
          hotlineNumber: input.hotlineNumber,
        }),
    );
  }

  calleePrompt(input: CalleePromptInput) {
    const generic = () => this.genericAnnouncement(input);
    return this.guarded(
      'calleePrompt',
      { callId: input.callId, step: input.step },
      async (budget) => {
        const current = await this.current(input.callId, budget);
        if (!current) return generic();
        const { call } = current;
        const { state } = call;
        if ((state.phase === 'ringing' || state.phase === 'confirming') && state.step === input.step) {
          return this.announcement(
            call.id,
            call.carrierCallId,
            input.step,
            confirmationPrompt(state.plan, call.caller),
          );
        }
        const step = state.plan.steps[input.step];
        return {
          kind: 'hang-up-leg' as const,
          callId: call.id,
          carrierCallId: call.carrierCallId,
          step: input.step,
          to: step?.kind === 'dial' ? step.number : null,
          carrierLegId: call.timeline.legs.find((leg) => leg.step === input.step)?.carrierLegId ?? null,
        };
      },
      generic,
    );
  }

  async recording(input: RecordingInput): Promise<NothingInstruction> {
    await this.onEvent(
      'recording',
      input,
      {
        key: 'recording',
        change: { type: 'voicemail-recorded', recording: input.reference },
        unless: null,
        fact: { kind: 'recording', at: this.at(input.at) },
      },
      () => NOTHING,
    );
    return NOTHING;
  }

  async callEnded(input: CallEndedInput) {
    const record: CallEventRecord = {
      key: 'call-ended',
      change: { type: 'call-completed' },
      unless: null,
      fact: { kind: 'call-ended', at: this.at(input.at), durationSeconds: input.durationSeconds ?? null },
    };
    const callId =
      'callId' in input ? input.callId : await this.callOpenedBy(input.carrier, input.carrierCallId, record);
    if (callId === undefined) return NOTHING;
    const instruction = await this.onEvent('callEnded', { callId }, record, () => NOTHING);
    return instruction.kind === 'hang-up-leg' ? instruction : NOTHING;
  }

  /**
   * The id of the call a carrier opened, from memory or the store; undefined when neither knows it
   * (logged), the event then journaled by the carrier's id: the call may reach the store later.
   */
  private callOpenedBy(carrier: string, carrierCallId: string, record: CallEventRecord): Promise<string | undefined> {
    const context = { carrier, carrierCallId };
    return this.guarded(
      'callEnded',
      context,
      async (budget) => {
        let known = this.memory.callOpenedBy(carrier, carrierCallId);
        if (!known && !this.storeKnownDown()) {
          try {
            known = await budget.run('finding the call', () =>
              this.deps.store.findByCarrierCall(carrier, carrierCallId),
            );
            this.storeAnswered();
          } catch (error) {
            this.storeFailed(error);
          }
        }
        if (known) return known.id;
        this.logger.warn('end of a carrier call this service does not know: journaled', context);
        await this.journalEntry(carrierKey(carrier, carrierCallId), {
          kind: 'event',
          call: { carrier, carrierCallId },
          event: record,
          receivedAt: this.deps.clock.now(),
        });
        return undefined;
      },
      () => undefined,
    );
  }

  // ---- answer ---------------------------------------------------------------------------------------------

  private async answerWithin(input: AnswerInput, budget: TimeBudget): Promise<CallInstruction> {
    const at = this.at(input.at);
    const number = e164OrNull(input.hotlineNumber);
    const caller = e164OrNull(input.caller);
    if (number === null) return this.unknownNumber(input.hotlineNumber, caller, input.carrier, at);

    const seen = this.memory.callOpenedBy(input.carrier, input.carrierCallId);
    if (seen) return replay(seen, ANSWER_KEY);

    // The database known to be away: the plan this instance last had for the number, at once.
    const known = this.storeKnownDown() ? this.lastKnown.get(number) : undefined;
    const hotline = known ? null : await this.lookUp(number, budget);
    if (hotline === undefined) return this.unknownNumber(number, caller, input.carrier, at);
    if (!known && hotline && (await this.outOfService(hotline, budget)))
      return this.lineOutOfService(number, hotline, caller, input.carrier);
    const { plan, source } = known
      ? { plan: known, source: 'last-known' as const }
      : await this.planFor(number, hotline, at, budget);

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
    const result = this.storeKnownDown()
      ? null
      : await this.storeWrite(budget, 'storing the new call', () => this.deps.store.create(call)).catch(
          (error: unknown) => {
            this.logger.warn('the call store did not take a new call: it is journaled', {
              callId,
              ...errorContext(error),
            });
            return null;
          },
        );
    if (result) {
      this.memory.stored(result.call);
      if (!result.created) return replay(result.call, ANSWER_KEY);
    } else {
      this.memory.keep(call);
      await this.journalEntry(callId, { kind: 'opened', call });
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
      this.logger.warn('hotline lookup failed: routing from what is known of the number', {
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
      this.logger.warn('could not tell whether the account is disabled: routing the call', {
        hotlineId: hotline.id,
        ...errorContext(error),
      });
      return false;
    }
  }

  /** A disabled account's hotline: the caller hears it is not in service, in the hotline's language; no call is logged. */
  private lineOutOfService(number: string, hotline: Hotline, caller: string | null, carrier: string): CallInstruction {
    this.logger.info('call to a hotline of a disabled account', {
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

  private async planFor(
    number: string,
    hotline: Hotline | null,
    at: Instant,
    budget: TimeBudget,
  ): Promise<{ plan: CallPlan; source: CallPlanSource }> {
    if (hotline) {
      try {
        const plan = await budget.run('planning the call', () => this.deps.planner.planFor(hotline, at));
        this.lastKnown.remember(number, plan);
        return { plan, source: 'schedule' };
      } catch (error) {
        this.logger.warn('call planning failed', { hotlineNumber: number, ...errorContext(error) });
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
      lastResort: lastResortFor(number, this.lastResortSettings(), hotline?.language ?? this.options.defaultLanguage),
      language: this.options.defaultLanguage,
      at,
    });
    return { plan, source: 'emergency' };
  }

  private async unknownNumber(
    number: string,
    caller: string | null,
    carrier: string,
    at: Instant,
  ): Promise<CallInstruction> {
    this.logger.info('call to a number no hotline answers', { number, caller, carrier });
    this.metrics.callOutcome('unknown-number');
    try {
      await this.deps.events?.unknownNumber?.({ number, caller, carrier, at });
    } catch (error) {
      this.logger.error('could not report the unknown number', errorContext(error));
    }
    return { kind: 'unknown-number', number, language: this.options.defaultLanguage };
  }

  // ---- events ---------------------------------------------------------------------------------------------

  /**
   * Applies one carrier event to the call, storing the change with compare-and-set. When the store
   * is away (or the call's earlier changes still wait in the journal) the event is applied to this
   * instance's copy and journaled behind them; an event for a call this instance cannot read is
   * journaled too (the call may have been opened elsewhere) and the caller gets `lost()`.
   */
  private onEvent(
    operation: string,
    input: { readonly callId: string; readonly hotlineNumber?: string; readonly step?: number },
    record: CallEventRecord,
    lost: () => CallInstruction,
  ): Promise<CallInstruction> {
    const key = record.key;
    return this.guarded(
      operation,
      { callId: input.callId, key },
      async (budget) => {
        for (let attempt = 1; ; attempt++) {
          const current = await this.current(input.callId, budget);
          if (!current) {
            this.logger.warn('event for a call this service does not know: journaled', { callId: input.callId, key });
            await this.journalEntry(input.callId, {
              kind: 'event',
              call: { callId: input.callId },
              event: record,
              receivedAt: this.deps.clock.now(),
            });
            return lost();
          }
          const before = current.call;
          const { next, instruction, changed } = this.applied(before, record);
          if (!changed) return instruction;
          const written = await this.persist(next, current, record, budget);
          if (written === 'conflict') {
            if (attempt < this.options.saveAttempts) continue;
            this.logger.error('call changed by others on every attempt: answering without storing', {
              callId: input.callId,
              key,
            });
            return instruction;
          }
          this.count(before.state, next.state);
          await this.notify(before, next);
          return instruction;
        }
      },
      lost,
    );
  }

  /** The call after the event `record`, the reply it gets, and whether anything is to be stored. */
  private applied(
    before: StoredCall,
    record: CallEventRecord,
  ): { next: StoredCall; instruction: CallInstruction; changed: boolean } {
    const event = this.meaningOf(record, before.state);
    const { state, action } = event
      ? onEscalationEvent(before.state, event)
      : { state: before.state, action: NO_ACTION };
    const timeline = updateCallTimeline(before.timeline, before.state, state, record.fact);
    const moved = action.type !== 'none';
    const after: StoredCall = { ...before, state, timeline };
    const instruction = moved ? this.render(after, before.state, action, null) : replay(before, record.key);
    const changed = state !== before.state || JSON.stringify(timeline) !== JSON.stringify(before.timeline);
    return {
      next: { ...after, lastReply: moved ? { key: record.key, instruction } : before.lastReply },
      instruction,
      changed,
    };
  }

  private meaningOf(record: CallEventRecord, state: EscalationState): EscalationEvent | null {
    if (record.unless === 'awaiting-verdict' && this.options.machineDetection && !state.plan.requireAnswerConfirmation)
      return null;
    if (record.unless === 'confirmation-required' && state.plan.requireAnswerConfirmation) return null;
    return record.change;
  }

  /**
   * The call as stored, or this instance's copy when the store is away or the call's changes wait in
   * the journal; undefined when neither can be had.
   */
  private async current(callId: string, budget: TimeBudget): Promise<Current | undefined> {
    const recent = this.memory.recentCall(callId);
    if (recent && (this.pendingByCall.has(callId) || this.storeKnownDown())) return { call: recent, persisted: false };
    if (this.storeKnownDown()) return undefined;
    try {
      const stored = await budget.run('loading the call', () => this.deps.store.load(callId));
      this.storeAnswered();
      if (stored) this.memory.stored(stored);
      return stored && { call: stored, persisted: true };
    } catch (error) {
      this.storeFailed(error);
      if (!recent) return undefined;
      this.logger.warn('call store unreachable: going on from the copy in memory', { callId, ...errorContext(error) });
      return { call: recent, persisted: false };
    }
  }

  private async persist(
    next: StoredCall,
    current: Current,
    record: CallEventRecord,
    budget: TimeBudget,
  ): Promise<'stored' | 'kept' | 'conflict'> {
    if (current.persisted && !this.storeKnownDown()) {
      try {
        const version = await this.storeWrite(budget, 'saving the call', () => this.deps.store.save(next));
        this.memory.stored({ ...next, version });
        return 'stored';
      } catch (error) {
        if (error instanceof VersionConflictError) return 'conflict';
        this.logger.warn('the call store did not take a change: it is journaled', {
          callId: next.id,
          ...errorContext(error),
        });
      }
    }
    this.memory.keep(next);
    await this.journalEntry(next.id, {
      kind: 'event',
      call: { callId: next.id },
      event: record,
      receivedAt: this.deps.clock.now(),
    });
    return 'kept';
  }

  // ---- the store's health, the journal and the write-back -----------------------------------------------------

  /** A write within the store's own budget (inside the request's): a stalled store costs a webhook this much once. */
  private storeWrite<T>(budget: TimeBudget, what: string, work: () => Promise<T>): Promise<T> {
    return budget.run(what, async () => {
      const own = new TimeBudget(this.timer, this.options.storeBudgetMs);
      try {
        const result = await own.run(what, work);
        this.storeAnswered();
        return result;
      } catch (error) {
        this.storeFailed(error);
        throw error;
      } finally {
        own.close();
      }
    });
  }

  private storeKnownDown(): boolean {
    return this.storeDownUntil !== 0 && this.deps.clock.now() < this.storeDownUntil;
  }

  private storeFailed(error: unknown): void {
    if (error instanceof VersionConflictError) return;
    if (!this.storeKnownDown())
      this.logger.warn('the call store is away: webhooks go on from memory and the journal', errorContext(error));
    this.storeDownUntil = this.deps.clock.now() + this.options.storeRetryMs;
  }

  private storeAnswered(): void {
    this.storeDownUntil = 0;
  }

  /** Journals an entry about a call (our id or its carrier key); a journal that fails leaves it in memory only (logged). */
  private async journalEntry(callKey: string, entry: CallJournalEntry): Promise<void> {
    this.pendingByCall.set(callKey, (this.pendingByCall.get(callKey) ?? 0) + 1);
    try {
      await this.journal.append(entry);
    } catch (error) {
      this.releasePending(callKey);
      this.logger.error('could not journal a call change: it is kept in memory only', {
        callKey,
        ...errorContext(error),
      });
    }
  }

  /** One entry of the call left the journal; true when it was the last. */
  private releasePending(callKey: string): boolean {
    const left = (this.pendingByCall.get(callKey) ?? 1) - 1;
    if (left > 0) this.pendingByCall.set(callKey, left);
    else this.pendingByCall.delete(callKey);
    return left <= 0;
  }

  /** After a restart: the journal's calls back in memory (their copies rebuilt), so their next events follow them. */
  private recoverJournal(): void {
    for (const { entry } of this.journal.pending()) {
      const callKey = keyOf(entry);
      this.pendingByCall.set(callKey, (this.pendingByCall.get(callKey) ?? 0) + 1);
      if (entry.kind === 'opened') {
        this.memory.keep(entry.call);
        continue;
      }
      const copy = this.memory.recentCall(callKey);
      if (copy) this.memory.keep(this.applied(copy, entry.event).next);
    }
  }

  /**
   * Hands the journal to the store, in order per call: opened calls are created (when another
   * instance stored the same carrier call, the events meant for this copy go to that one), events
   * are applied to the call as stored with compare-and-set (a repeated event changes nothing, so an
   * entry handed over twice is harmless). An event whose call is not stored yet waits, with the
   * entries behind it on the same call; one older than `orphanMaxAgeMs` is given up. A pass stops at
   * the first store failure; one pass runs at a time.
   */
  writeBack(): Promise<WriteBackResult> {
    if (this.writing) return this.writing;
    this.writing = this.writeBackPass().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  /** Whether the journal holds anything not written back. */
  hasPendingWrites(): boolean {
    return this.journal.pending().length > 0;
  }

  private async writeBackPass(): Promise<WriteBackResult> {
    const entries = this.journal.pending();
    const blocked = new Set<string>();
    const redirected = new Map<string, string>();
    const settled: { seq: number; callKey: string }[] = [];
    const latest = new Map<string, StoredCall>();
    const folded = new Set<number>();
    let dropped = 0;
    // Each call's events journaled by our id, in order: what a call opened during the outage is created with.
    const eventsOf = new Map<string, JournaledEntry[]>();
    for (const each of entries) {
      if (each.entry.kind === 'event' && 'callId' in each.entry.call) {
        const list = eventsOf.get(each.entry.call.callId) ?? [];
        list.push(each);
        eventsOf.set(each.entry.call.callId, list);
      }
    }
    for (const { seq, entry } of entries) {
      const callKey = keyOf(entry);
      if (blocked.has(callKey) || folded.has(seq)) continue;
      let outcome: WriteBackOutcome;
      const budget = new TimeBudget(this.timer, this.options.writeBackTimeoutMs);
      try {
        outcome = await budget.run('writing the journal back', () =>
          entry.kind === 'opened'
            ? this.writeBackOpened(
                entry.call,
                (eventsOf.get(entry.call.id) ?? []).filter((each) => each.seq > seq),
                redirected,
                latest,
                (more) => {
                  for (const each of more) {
                    folded.add(each);
                    settled.push({ seq: each, callKey });
                  }
                },
              )
            : this.writeBackEntry(entry, callKey, { redirected, latest, blocked }),
        );
        this.storeAnswered();
      } catch (error) {
        this.storeFailed(error);
        break;
      } finally {
        budget.close();
      }
      if (outcome === 'waiting') {
        const age = entry.kind === 'event' ? this.deps.clock.now() - entry.receivedAt : 0;
        if (age <= this.options.orphanMaxAgeMs) {
          blocked.add(callKey);
          continue;
        }
        this.logger.error("a journaled event's call never reached the store: given up", {
          callKey,
          key: entry.kind === 'event' ? entry.event.key : 'opened',
        });
        dropped += 1;
      }
      settled.push({ seq, callKey });
    }
    if (settled.length > 0) await this.journal.settle(settled.map((each) => each.seq));
    for (const { callKey } of settled) {
      const stored = latest.get(callKey);
      if (this.releasePending(callKey) && stored) this.memory.stored(stored);
    }
    const written = settled.length - dropped;
    const waiting = entries.length - settled.length;
    if (settled.length > 0) this.logger.info('journaled call changes written back', { written, dropped, waiting });
    return { written, waiting, dropped };
  }

  /**
   * A call opened while the store was away, created with this journal's later events on it (`own`, by our id) folded in
   * (one write: another instance's events cannot land in between); when the store already has it
   * (created meanwhile, or the same carrier call by another instance), the events follow one by one.
   */
  private async writeBackOpened(
    call: StoredCall,
    own: readonly JournaledEntry[],
    redirected: Map<string, string>,
    latest: Map<string, StoredCall>,
    foldedIn: (seqs: readonly number[]) => void,
  ): Promise<WriteBackOutcome> {
    const full = own.reduce(
      (doc, { entry }) => (entry.kind === 'event' ? this.applied(doc, entry.event).next : doc),
      call,
    );
    const result = await this.deps.store.create(full);
    if (result.created) {
      foldedIn(own.map(({ seq }) => seq));
      latest.set(call.id, result.call);
      // Notices owed by the folded events (the webhook may have sent them from its copy: same event ids, repeats collapse).
      await this.notify(call, full);
      return 'written';
    }
    if (result.call.id !== call.id) {
      this.logger.warn('another instance stored the same carrier call: its events go to that one', {
        callId: call.id,
        storedAs: result.call.id,
      });
      redirected.set(call.id, result.call.id);
    }
    latest.set(call.id, result.call);
    return 'written';
  }

  /** One event into the store; rejects when the store fails. */
  private async writeBackEntry(
    entry: CallJournalEntry & { kind: 'event' },
    callKey: string,
    pass: { redirected: Map<string, string>; latest: Map<string, StoredCall>; blocked: Set<string> },
  ): Promise<WriteBackOutcome> {
    const { redirected, latest, blocked } = pass;
    const ref: CallReference = entry.call;
    for (let attempt = 1; ; attempt++) {
      const before =
        'callId' in ref
          ? await this.deps.store.load(redirected.get(ref.callId) ?? ref.callId)
          : await this.deps.store.findByCarrierCall(ref.carrier, ref.carrierCallId);
      if (!before) return 'waiting';
      // An earlier entry of this call, journaled by our id or by the carrier's, waits: so does this one (order kept).
      const keys = [before.id, carrierKey(before.carrier, before.carrierCallId)];
      if (keys.some((key) => blocked.has(key))) {
        for (const key of keys) blocked.add(key);
        return 'waiting';
      }
      const { next, changed } = this.applied(before, entry.event);
      if (!changed) {
        latest.set(callKey, before);
        return 'written';
      }
      try {
        const version = await this.deps.store.save(next);
        latest.set(callKey, { ...next, version });
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < this.options.saveAttempts * 3) continue;
        throw error;
      }
      // Notices owed by this change (the webhook may have sent them from its copy: same event ids, repeats collapse).
      await this.notify(before, next);
      return 'written';
    }
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
    if (recordingOf(before.state) === null && recordingOf(after.state) !== null)
      notices.push(['voicemailRecorded', 'voicemail']);
    if (notices.length === 0) return;
    const record = callRecordOf(after);
    for (const [method, suffix] of notices) {
      const notice: CallNotice = { eventId: `${after.id}:${suffix}`, callId: after.id, record };
      try {
        await events[method](notice);
      } catch (error) {
        this.logger.error(`could not report ${suffix} call`, { callId: after.id, ...errorContext(error) });
      }
    }
  }

  // ---- instructions ---------------------------------------------------------------------------------------

  /** The instruction for `action`, taken on `call` (already in its new state) coming from `previous`. */
  private render(
    call: StoredCall,
    previous: EscalationState | null,
    action: EscalationAction,
    greeting: Prompt | null,
  ): CallInstruction {
    const { state } = call;
    const of = { callId: call.id, carrierCallId: call.carrierCallId };
    const dropLeg = previous ? legToDrop(call, previous) : null;
    switch (action.type) {
      case 'dial': {
        const step = state.plan.steps[action.step] as DialStep;
        return {
          kind: 'dial',
          ...of,
          step: action.step,
          greeting,
          to: action.number,
          callerId:
            state.plan.callerIdMode === 'caller' && call.caller !== null ? call.caller : state.plan.hotline.number,
          ringTimeoutSeconds: action.ringTimeoutSeconds,
          confirm: action.requireConfirmation,
          machineDetection: this.options.machineDetection,
          target: {
            personId: step.personId,
            personName: step.personName,
            label: step.label,
            via: step.via,
            level: step.level,
            teamId: step.teamId,
          },
          dropLeg,
        };
      }
      case 'bridge':
        return { kind: 'bridge', ...of, step: action.step, to: action.number };
      case 'record-voicemail':
        return {
          kind: 'voicemail',
          ...of,
          step: action.step,
          greeting: action.greeting,
          maxSeconds: this.options.voicemailMaxSeconds,
          dropLeg,
        };
      case 'play-message':
        return { kind: 'message', ...of, step: action.step, prompt: action.message, dropLeg };
      case 'hang-up-leg':
        return {
          kind: 'hang-up-leg',
          ...of,
          step: action.step,
          to: action.number,
          carrierLegId: call.timeline.legs.find((leg) => leg.step === action.step)?.carrierLegId ?? null,
        };
      case 'none':
        return NOTHING;
    }
  }

  private announcement(callId: string, carrierCallId: string | null, step: number, prompt: Prompt) {
    return {
      kind: 'announce' as const,
      callId,
      carrierCallId,
      step,
      prompt,
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
  private rescue(input: {
    callId: string;
    carrierCallId: string | null;
    step: number;
    hotlineNumber?: string;
  }): CallInstruction {
    const number = e164OrNull(input.hotlineNumber);
    const language = (number && this.lastKnown.get(number)?.hotline.language) || this.options.defaultLanguage;
    const lastResort = lastResortFor(number, this.lastResortSettings(), language);
    if (lastResort.emergencyNumber !== null && input.step < RESCUE_STEP) {
      const dial: DialInstruction = {
        kind: 'dial',
        callId: input.callId,
        carrierCallId: input.carrierCallId,
        step: RESCUE_STEP,
        greeting: null,
        to: lastResort.emergencyNumber,
        callerId: number ?? lastResort.emergencyNumber,
        ringTimeoutSeconds: lastResort.ringTimeoutSeconds,
        confirm: false,
        machineDetection: false,
        target: EMERGENCY_TARGET,
        dropLeg: null,
      };
      return dial;
    }
    return {
      kind: 'message',
      callId: input.callId,
      carrierCallId: input.carrierCallId,
      step: null,
      prompt: lastResort.apology,
      dropLeg: null,
    };
  }

  private lastResortSettings(): LastResortSettings {
    return {
      emergencyNumbers: this.options.emergencyNumbers,
      ringTimeoutSeconds: this.options.emergencyRingTimeoutSeconds,
    };
  }

  // ---- plumbing ---------------------------------------------------------------------------------------------

  /** Runs `work` within a fresh time budget; any failure is logged and answered with `fallback()`. */
  private async guarded<T>(
    operation: string,
    context: LogContext,
    work: (budget: TimeBudget) => Promise<T>,
    fallback: () => T,
  ): Promise<T> {
    const budget = new TimeBudget(this.timer, this.options.budgetMs);
    try {
      return await work(budget);
    } catch (error) {
      // The context and the error's message may hold the carrier's text: they go in a warning; the error line has none of it.
      this.logger.error(`${operation} failed: answering with a fallback`, {
        operation,
        errorName: error instanceof Error ? error.name : typeof error,
      });
      this.logger.warn(`${operation} failed: what it was given`, { ...context, ...errorContext(error) });
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
  const leg = call.state.legs.find(
    (candidate) =>
      before.get(candidate.step) !== candidate.outcome &&
      (candidate.outcome === 'machine' || candidate.outcome === 'declined' || candidate.outcome === 'not-confirmed'),
  );
  if (!leg) return null;
  const carrierLegId = call.timeline.legs.find((entry) => entry.step === leg.step)?.carrierLegId ?? null;
  return { step: leg.step, to: leg.number, carrierLegId };
}

const callerGone = (state: EscalationState): boolean => state.phase === 'ended' || state.phase === 'awaiting-recording';

const recordingOf = (state: EscalationState): string | null =>
  state.outcome?.kind === 'voicemail' ? state.outcome.recording : null;

const carrierKey = (carrier: string, carrierCallId: string): string => `${carrier}\u0000${carrierCallId}`;

/** The call a journal entry is about: our id, or the carrier's key for an end reported by the carrier's id. */
function keyOf(entry: CallJournalEntry): string {
  if (entry.kind === 'opened') return entry.call.id;
  return 'callId' in entry.call ? entry.call.callId : carrierKey(entry.call.carrier, entry.call.carrierCallId);
}
