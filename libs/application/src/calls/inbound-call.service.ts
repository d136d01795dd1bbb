import { Clock, IdGenerator, Instant, confirmationPrompt, isLegLive } from '@dutyline/domain';
import { CallLogger, LogContext, errorContext } from '../shared';
import { CallAnswering } from './call-answering';
import { CallCapGuard } from './call-cap-guard';
import { CallChangeReporter } from './call-change-reporter';
import { CallEventApplier } from './call-event-applier';
import { CallFallbacks } from './call-fallbacks';
import { CallInstruction, HangUpLegInstruction, NOTHING, NothingInstruction } from './call-instruction';
import { CallInstructionRenderer } from './call-instruction-renderer';
import { CallPersistence } from './call-persistence';
import { InboundCallSettings } from './inbound-call-options';
import {
  AnswerInput,
  CallEndedInput,
  CalleePromptInput,
  ClaimInput,
  ConfirmationInput,
  InboundCalls,
  KeysInput,
  LegAnsweredInput,
  LegEndedInput,
  LegPlacedInput,
  PlacedLegCalls,
  RecordingInput,
} from './inbound-calls';
import { JournalWriteBack, WriteBackResult } from './journal-write-back';
import { CallEventRecord, Timer } from './ports';
import { StoredCall } from './stored-call';
import { TimeBudget } from './time-budget';

/** One carrier event about a call of ours, as the operation `operation` received it. */
interface CallEvent {
  readonly operation: string;
  readonly callId: string;
  readonly record: CallEventRecord;
}

/** How a pick-up is recorded, by the operation that reports it. */
interface PickUp extends Pick<CallEventRecord, 'key' | 'unless'> {
  readonly operation: string;
  readonly outcome: 'answered' | 'confirmed';
}

/** What a guarded request is, for the log when it fails. */
interface Operation {
  readonly operation: string;
  readonly context: LogContext;
}

/** What the service is made of; `createCalls` wires them. */
export interface InboundCallParts {
  readonly settings: Pick<InboundCallSettings, 'budgetMs' | 'acceptKey' | 'saveAttempts'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: CallLogger;
  readonly timer: Timer;
  readonly renderer: CallInstructionRenderer;
  readonly applier: CallEventApplier;
  readonly reporter: CallChangeReporter;
  readonly fallbacks: CallFallbacks;
  readonly persistence: CallPersistence;
  readonly answering: CallAnswering;
  readonly writeBack: JournalWriteBack;
  readonly cap: CallCapGuard;
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
export class InboundCallService implements InboundCalls, PlacedLegCalls {
  /** Use `createCalls`, which wires the parts. */
  constructor(private readonly parts: InboundCallParts) {}

  /** This process's latest copy of a call it handled recently; another instance may have moved it on since. */
  recentCall(callId: string): StoredCall | undefined {
    return this.parts.persistence.recentCall(callId);
  }

  answer(input: AnswerInput): Promise<CallInstruction> {
    const context = { carrier: input.carrier, carrierCallId: input.carrierCallId, hotlineNumber: input.hotlineNumber };
    return this.guarded(
      { operation: 'answer', context },
      (budget) => this.parts.answering.answer(input, budget),
      () =>
        this.parts.fallbacks.rescue({
          callId: this.parts.ids.next(),
          carrierCallId: input.carrierCallId,
          step: 0,
          hotlineNumber: input.hotlineNumber,
        }),
    );
  }

  keys(input: KeysInput): Promise<CallInstruction> {
    const { carrier, carrierCallId, hotlineNumber, stage } = input;
    const digits = input.timedOut ? null : (input.digits ?? null);
    return this.guarded(
      { operation: 'keys', context: { carrier, carrierCallId, hotlineNumber, stage } },
      (budget) => this.parts.answering.answer(input, budget, { stage, digits }),
      () =>
        this.parts.fallbacks.rescue({
          callId: this.parts.ids.next(),
          carrierCallId,
          step: 0,
          hotlineNumber,
        }),
    );
  }

  legAnswered(input: LegAnsweredInput): Promise<CallInstruction> {
    // Without confirmation but with machine detection, the caller is joined on the carrier's verdict, not on pick-up.
    const key = `leg-answered:${input.step}`;
    return this.onPickUp(input, { operation: 'legAnswered', key, outcome: 'answered', unless: 'awaiting-verdict' });
  }

  humanAnswered(input: LegAnsweredInput): Promise<CallInstruction> {
    const key = `human-answered:${input.step}`;
    return this.onPickUp(input, {
      operation: 'humanAnswered',
      key,
      outcome: 'confirmed',
      unless: 'confirmation-required',
    });
  }

  legEnded(input: LegEndedInput): Promise<CallInstruction> {
    const record: CallEventRecord = {
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
    };
    return this.onEvent({ operation: 'legEnded', callId: input.callId, record }, () => this.rescue(input));
  }

  confirmation(input: ConfirmationInput): Promise<CallInstruction> {
    const digits = (input.digits ?? '').trim();
    const outcome =
      digits === this.parts.settings.acceptKey
        ? 'confirmed'
        : digits === '' || input.timedOut
          ? 'not-confirmed'
          : 'declined';
    const record: CallEventRecord = {
      key: `confirmation:${input.step}:${outcome}`,
      change: { type: 'leg-outcome', step: input.step, outcome },
      unless: null,
      fact: { kind: 'confirmation', step: input.step, at: this.at(input.at) },
    };
    return this.onEvent({ operation: 'confirmation', callId: input.callId, record }, () => this.rescue(input));
  }

  calleePrompt(input: CalleePromptInput) {
    const generic = () => this.parts.fallbacks.genericAnnouncement(input);
    return this.guarded(
      { operation: 'calleePrompt', context: { callId: input.callId, step: input.step } },
      async (budget) => {
        const current = await this.parts.persistence.current(input.callId, budget);
        if (!current) return generic();
        const { call } = current;
        const { state } = call;
        if (isLegLive(state, input.step)) {
          const of = { callId: call.id, carrierCallId: call.carrierCallId, step: input.step };
          return this.parts.renderer.announcement(of, confirmationPrompt(state.plan, call.caller));
        }
        const step = state.plan.steps[input.step];
        return this.parts.renderer.hangUpLeg(call, input.step, step?.kind === 'dial' ? step.number : null);
      },
      generic,
    );
  }

  async recording(input: RecordingInput): Promise<NothingInstruction> {
    const record: CallEventRecord = {
      key: 'recording',
      change: { type: 'voicemail-recorded', recording: input.reference },
      unless: null,
      fact: { kind: 'recording', at: this.at(input.at) },
    };
    await this.onEvent({ operation: 'recording', callId: input.callId, record }, () => NOTHING);
    return NOTHING;
  }

  async legPlaced(input: LegPlacedInput): Promise<HangUpLegInstruction | NothingInstruction> {
    const { callId, step, carrierLegId } = input;
    const record: CallEventRecord = {
      key: `leg-placed:${step}`,
      change: null,
      unless: null,
      fact: { kind: 'leg-placed', step, at: this.at(input.at), carrierLegId },
    };
    // Cancelled before its uuid was known (someone took the call, the caller left): still ringing, hung up now.
    // Decided on the call the fact was written onto: a canceller that came after it read the uuid and hangs
    // the leg up itself, so the leg is hung up once.
    const unseen: { call: StoredCall | null } = { call: null };
    await this.onEvent({ operation: 'legPlaced', callId, record }, () => NOTHING, {
      appliedTo: (before) => {
        const cancelled = before.state.legs.find((candidate) => candidate.step === step)?.outcome === 'cancelled';
        const known = before.timeline.legs.some((leg) => leg.step === step && leg.carrierLegId);
        unseen.call = cancelled && !known ? before : null;
      },
    });
    const call = unseen.call;
    if (call === null) return NOTHING;
    const planned = call.state.plan.steps[step];
    return {
      ...this.parts.renderer.hangUpLeg(call, step, planned?.kind === 'dial' ? planned.number : null),
      carrierLegId,
    };
  }

  async claim({ callId, key }: ClaimInput): Promise<boolean> {
    const record: CallEventRecord = {
      key: `claim:${key}`,
      change: null,
      unless: null,
      claim: key,
      fact: null,
    };
    let claimed = true;
    await this.onEvent({ operation: 'claim', callId, record }, () => NOTHING, {
      claimed: (applied) => (claimed = applied),
    });
    return claimed;
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
    const instruction = await this.onEvent({ operation: 'callEnded', callId, record }, () => NOTHING);
    return instruction.kind === 'hang-up-leg' || instruction.kind === 'hang-up-legs' ? instruction : NOTHING;
  }

  /**
   * Hands the journal to the store, in order per call, with compare-and-set; an event whose call is not
   * stored yet waits (given up after `orphanMaxAgeMs`). A pass stops at the first store failure; one
   * pass runs at a time (`JournalWriteBack`).
   */
  writeBack(): Promise<WriteBackResult> {
    return this.parts.writeBack.run();
  }

  /** Whether the journal holds anything not written back. */
  hasPendingWrites(): boolean {
    return this.parts.persistence.hasPendingWrites();
  }

  /**
   * The id of the call a carrier opened, from memory or the store; undefined when neither knows it
   * (logged), the event then journaled by the carrier's id: the call may reach the store later.
   */
  private callOpenedBy(carrier: string, carrierCallId: string, record: CallEventRecord): Promise<string | undefined> {
    const context = { carrier, carrierCallId };
    return this.guarded(
      { operation: 'callEnded', context },
      async (budget) => {
        const known = await this.parts.persistence.openedBy(carrier, carrierCallId, budget);
        if (known) return known.id;
        this.parts.logger.warn('end of a carrier call this service does not know: journaled', context);
        await this.parts.persistence.journalEvent({ carrier, carrierCallId }, record);
        return undefined;
      },
      () => undefined,
    );
  }

  /** A callee leg picked up (`answered`), or a human took it (`confirmed`), unless the plan waits for something else. */
  private onPickUp(input: LegAnsweredInput, pickUp: PickUp): Promise<CallInstruction> {
    const { operation, key, outcome, unless } = pickUp;
    const record: CallEventRecord = {
      key,
      change: { type: 'leg-outcome', step: input.step, outcome },
      unless,
      fact: { kind: 'leg-answered', step: input.step, at: this.at(input.at), carrierLegId: input.carrierLegId ?? null },
    };
    return this.onEvent({ operation, callId: input.callId, record }, () => NOTHING);
  }

  /**
   * Applies one carrier event to the call, storing the change with compare-and-set. When the store
   * is away (or the call's earlier changes still wait in the journal) the event is applied to this
   * instance's copy and journaled behind them; an event for a call this instance cannot read is
   * journaled too (the call may have been opened elsewhere) and the caller gets `lost()`.
   */
  private onEvent(
    { operation, callId, record }: CallEvent,
    lost: () => CallInstruction,
    observers: {
      readonly claimed?: (took: boolean) => void;
      /** The call each attempt applies the event to (the last one is the call it was written onto). */
      readonly appliedTo?: (before: StoredCall) => void;
    } = {},
  ): Promise<CallInstruction> {
    const { claimed, appliedTo } = observers;
    const key = record.key;
    return this.guarded(
      { operation, context: { callId, key } },
      async (budget) => {
        for (let attempt = 1; ; attempt++) {
          const current = await this.parts.persistence.current(callId, budget);
          if (!current) {
            this.parts.logger.warn('event for a call this service does not know: journaled', { callId, key });
            await this.parts.persistence.journalEvent({ callId }, record);
            return lost();
          }
          const before = current.call;
          appliedTo?.(before);
          const context = record.change ? await this.parts.cap.onEvent(before.state, record.change, budget) : {};
          const applied = this.parts.applier.applied(before, record, context);
          const { next, instruction, changed } = applied;
          claimed?.(applied.claimed);
          if (!changed) return instruction;
          const written = await this.parts.persistence.persist({ next, current, record }, budget);
          if (written === 'conflict') {
            if (attempt < this.parts.settings.saveAttempts) continue;
            this.parts.logger.error('call changed by others on every attempt: answering without storing', {
              callId,
              key,
            });
            return instruction;
          }
          this.parts.reporter.count(before.state, next.state);
          await this.parts.reporter.notify(before, next);
          await this.parts.cap.settle(before.state, next.state);
          return instruction;
        }
      },
      lost,
    );
  }

  /** A lost call's caller at the step of a leg event: the last resort. */
  private rescue(input: LegEndedInput | ConfirmationInput): CallInstruction {
    const { callId, step, hotlineNumber } = input;
    return this.parts.fallbacks.rescue({ callId, carrierCallId: null, step, hotlineNumber });
  }

  /** Runs `work` within a fresh time budget; any failure is logged and answered with `fallback()`. */
  private async guarded<T>(
    { operation, context }: Operation,
    work: (budget: TimeBudget) => Promise<T>,
    fallback: () => T,
  ): Promise<T> {
    const budget = new TimeBudget(this.parts.timer, this.parts.settings.budgetMs);
    try {
      return await work(budget);
    } catch (error) {
      // The context and the error's message may hold the carrier's text: they go in a warning; the error line has none of it.
      this.parts.logger.error(`${operation} failed: answering with a fallback`, {
        operation,
        errorName: error instanceof Error ? error.name : typeof error,
      });
      this.parts.logger.warn(`${operation} failed: what it was given`, { ...context, ...errorContext(error) });
      return fallback();
    } finally {
      budget.close();
    }
  }

  private at(at: Instant | undefined): Instant {
    return at ?? this.parts.clock.now();
  }
}
