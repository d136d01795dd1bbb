import {
  CallbackOutcome,
  CarrierPort,
  Clock,
  HotlineRepository,
  Id,
  IdGenerator,
  LegOutcome,
  PhoneNumber,
  Prompt,
  Result,
  callbackNextDueAt,
  claimCallback,
  err,
  liveClaimAt,
  ok,
  shouldDialAt,
} from '@dutyline/domain';
import { NotFoundRefusal } from '../shared';
import { CallbackAgent } from './callback-agent';
import { DIALLER_ID, CallbackLegs, agentUnavailable, attempted, isCurrentAgentLeg } from './callback-legs';
import { CALLBACK_PROMPTS } from './callback-prompts';
import { CallbackRecords } from './callback-records';
import { CallBackRefusal, CallbackWorkRefusal } from './callback-refusals';
import { CallbackTargets } from './callback-targets';
import { CallbackAttemptJob } from './ports';
import {
  CallbackAgentTarget,
  CallbackCall,
  StoredCallbackRequest,
  parseCallbackCallId,
} from './stored-callback-request';

/*
 * The outbound side of callbacks, carrier-neutral. A callback call rings the person who is to call back
 * first (`CarrierPort.dial` with an announcement: they must press 1), then the caller, bridged. The
 * carrier adapter reports each leg here and carries out the instruction it gets back.
 */

/** What the carrier adapter does next on the agent's leg. */
export type CallbackCallInstruction =
  /** Ring the caller from `from` and join them to the agent; report the caller's leg as `callId`. */
  | {
      readonly kind: 'connect-caller';
      readonly callId: Id;
      readonly to: string;
      readonly from: string;
      readonly ringTimeoutSeconds: number;
    }
  /** Say `prompt` to the agent, then hang the agent's leg up. */
  | { readonly kind: 'release-agent'; readonly prompt: Prompt }
  | { readonly kind: 'nothing' };

const NOTHING: CallbackCallInstruction = { kind: 'nothing' };

/** What a callback job found and did. */
export type CallbackAttemptOutcome =
  /** The request is gone, or is now due at another instant (the job is stale). */
  | 'stale'
  /** The first person on duty is being rung. */
  | 'dialling'
  /** Nobody is on duty: noted as an attempt that spends nothing, tried again soon. */
  | 'nobody-on-duty'
  /** A call placed earlier never reported its end (its claim lapsed): closed so the request goes on. */
  | 'lost-call'
  /** Open but nothing to dial (expired, or held by an agent): the next job is scheduled. */
  | 'nothing-due'
  /** Another worker took the request first. */
  | 'taken';

export interface CallbackDiallerDeps {
  readonly records: CallbackRecords;
  /** Null: no carrier configured; automatic attempts and click-to-call are refused. */
  readonly carrier: CarrierPort | null;
  readonly hotlines: HotlineRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Rings and follows the legs of the calls placed. */
  readonly legs: CallbackLegs;
  /** Whom a call rings, and the service name it announces. */
  readonly targets: CallbackTargets;
}

export interface CallbackDiallerOptions {
  /** How long the caller's phone rings. @defaultValue 30 */
  readonly callerRingTimeoutSeconds?: number;
  /** How long an agent's own phone rings for click-to-call. @defaultValue 30 */
  readonly agentRingTimeoutSeconds?: number;
  /** @defaultValue '1' */
  readonly acceptKey?: string;
}

/**
 * Places callback calls and follows them (F20, automatic mode; click-to-call for agents). An automatic
 * attempt rings the people the service's plan would ring for an inbound call (on-call levels in order,
 * then the supervisors); one who does not answer or does not press 1 passes it to the next. When nobody
 * takes it, an `agent-unavailable` attempt is noted (it spends none of the caller's attempts) and the
 * request is tried again after the policy's agent retry delay. The caller's leg decides the attempt: an
 * answer closes the request as done; busy, no answer or failure is counted, and the next attempt waits
 * the minimum delay. While a call runs, the dialler holds the request's claim; if the carrier never
 * reports its end, the claim lapses and the job due then closes the call.
 * Every change is compare-and-set; events repeated or for a leg that is no longer current change nothing.
 */
export class CallbackDialler {
  private readonly options: Required<CallbackDiallerOptions>;

  constructor(
    private readonly deps: CallbackDiallerDeps,
    options: CallbackDiallerOptions = {},
  ) {
    this.options = {
      callerRingTimeoutSeconds: options.callerRingTimeoutSeconds ?? 30,
      agentRingTimeoutSeconds: options.agentRingTimeoutSeconds ?? 30,
      acceptKey: options.acceptKey ?? '1',
    };
  }

  // ---- the job -------------------------------------------------------------------------------------------

  /**
   * Runs a `callback.attempt` job: safe to repeat (a job for an instant that is no longer due is stale).
   * Rejects (so the queue retries) when it runs before its instant or the store is unreachable.
   */
  async runAttempt(job: CallbackAttemptJob): Promise<CallbackAttemptOutcome> {
    const { records, clock } = this.deps;
    const record = await records.store.load(job.accountId, job.requestId);
    if (!record || callbackNextDueAt(record.request) !== job.dueAt) return 'stale';
    if (clock.now() < job.dueAt)
      throw new Error(`callback job for ${job.requestId} ran before ${new Date(job.dueAt).toISOString()}`);
    if (record.call) return this.deps.legs.closeLostCall(record);
    if (!shouldDialAt(record.request, clock.now())) {
      await records.schedule(record);
      return 'nothing-due';
    }
    if (!this.deps.carrier) throw new Error('no carrier is configured to place callback calls');
    const targets = await this.deps.targets.targetsFor(record, clock.now());
    const via = await this.deps.hotlines.byId(record.accountId, record.viaHotlineId);
    if (targets.length === 0 || !via) {
      const noted = await records.update({ accountId: record.accountId, id: record.request.id }, (current, now) =>
        attempted(
          current,
          agentUnavailable(now, via ? 'nobody on duty' : 'the hotline calling back was deleted'),
          current.version === record.version,
        ),
      );
      if (!noted.ok) return 'taken';
      return 'nobody-on-duty';
    }
    const serviceName = await this.deps.targets.serviceName(record, via);
    const call: CallbackCall = {
      id: this.deps.ids.next(),
      kind: 'automatic',
      agentId: null,
      holder: DIALLER_ID,
      startedAt: clock.now(),
      targets,
      target: 0,
      phase: 'agent',
      from: via.number.e164,
      language: via.language,
      serviceName,
    };
    const claimed = await records.update({ accountId: record.accountId, id: record.request.id }, (current, now) => {
      if (current.version !== record.version || current.call) return err('taken' as const);
      const held = claimCallback(current.request, DIALLER_ID, now);
      return held.ok ? ok({ ...current, request: held.value, call }) : err('taken' as const);
    });
    if (!claimed.ok) return 'taken';
    await this.deps.legs.dial(claimed.value);
    return 'dialling';
  }

  /** Enqueues the job of every automatic request with something due (worker start; safe to repeat). */
  async reconcile(options: { readonly batchSize?: number } = {}): Promise<{ readonly scheduled: number }> {
    let scheduled = 0;
    for (let after: string | null = null; ;) {
      const page = await this.deps.records.store.dueForDialling({ first: options.batchSize ?? 200, after });
      for (const record of page.items) if (await this.deps.records.schedule(record)) scheduled += 1;
      if (page.nextCursor === null) return { scheduled };
      after = page.nextCursor;
    }
  }

  // ---- click-to-call -------------------------------------------------------------------------------------

  /** Claims the request for `agent` and rings `phone`, then (on 1) the caller. */
  async startClickToCall(
    agent: CallbackAgent,
    record: StoredCallbackRequest,
    phone: PhoneNumber,
  ): Promise<Result<StoredCallbackRequest, NotFoundRefusal | CallbackWorkRefusal | CallBackRefusal>> {
    if (!this.deps.carrier) return err(refusal('CARRIER_UNAVAILABLE', 'no carrier is configured to place calls'));
    const via = await this.deps.hotlines.byId(record.accountId, record.viaHotlineId);
    if (!via) return err(refusal('CARRIER_UNAVAILABLE', 'the hotline calling back was deleted'));
    const serviceName = await this.deps.targets.serviceName(record, via);
    const target: CallbackAgentTarget = {
      personId: agent.personId,
      personName: agent.agentId,
      number: phone.e164,
      ringTimeoutSeconds: this.options.agentRingTimeoutSeconds,
    };
    const started = await this.deps.records.update<CallbackWorkRefusal | CallBackRefusal>(
      { accountId: record.accountId, id: record.request.id },
      (current, now) => {
        if (current.call && liveClaimAt(current.request, now))
          return err(refusal('CALL_IN_PROGRESS', 'a call is already working on this request'));
        const claimed = claimCallback(current.request, agent.agentId, now);
        if (!claimed.ok) return err({ ...claimed.error, field: 'id' });
        const call: CallbackCall = {
          id: this.deps.ids.next(),
          kind: 'click-to-call',
          agentId: agent.agentId,
          holder: agent.agentId,
          startedAt: now,
          targets: [target],
          target: 0,
          phase: 'agent',
          from: via.number.e164,
          language: via.language,
          serviceName,
        };
        return ok({ ...current, request: claimed.value, call });
      },
    );
    if (!started.ok) return started;
    const placed = await this.deps.legs.dial(started.value);
    return placed ? ok(placed) : err(refusal('CARRIER_UNAVAILABLE', 'the carrier could not place the call; try again'));
  }

  // ---- what the carrier reports --------------------------------------------------------------------------

  /**
   * The agent leg `carrierCallId` (`<call>_<n>`) ended without the agent taking the call (busy, no answer,
   * failed, rejected, a machine, hung up during the announcement): the next person, or the attempt ends.
   */
  async agentLegEnded(input: {
    readonly carrierCallId: string;
    readonly outcome: LegOutcome;
  }): Promise<CallbackCallInstruction> {
    const { callId, leg } = parseCallbackCallId(input.carrierCallId);
    if (leg === undefined) return NOTHING;
    await this.deps.legs.agentMissed(callId, leg);
    return NOTHING;
  }

  /** The agent's key after the announcement: the accept key puts the caller through; anything else passes it on. */
  async agentConfirmation(input: {
    readonly carrierCallId: string;
    readonly digits: string | null;
    readonly timedOut?: boolean;
  }): Promise<CallbackCallInstruction> {
    const { callId, leg } = parseCallbackCallId(input.carrierCallId);
    if (leg === undefined) return NOTHING;
    if ((input.digits ?? '').trim() !== this.options.acceptKey) {
      const missed = await this.deps.legs.agentMissed(callId, leg);
      return { kind: 'release-agent', prompt: CALLBACK_PROMPTS.goodbye(missed?.language ?? 'en-GB') };
    }
    const changed = await this.deps.records.updateByCall(callId, (record) =>
      isCurrentAgentLeg(record.call, callId, leg)
        ? ok({ ...record, call: { ...record.call!, phase: 'caller' } })
        : ok(null),
    );
    const call = changed?.ok ? changed.value.call : null;
    if (!changed?.ok || !call || call.id !== callId || call.phase !== 'caller' || call.target !== leg) {
      return { kind: 'release-agent', prompt: CALLBACK_PROMPTS.goodbye(call?.language ?? 'en-GB') };
    }
    return {
      kind: 'connect-caller',
      callId,
      to: changed.value.request.number,
      from: call.from,
      ringTimeoutSeconds: this.options.callerRingTimeoutSeconds,
    };
  }

  /** The caller picked up: the request is done. */
  async callerAnswered(input: { readonly callId: Id }): Promise<CallbackCallInstruction> {
    await this.deps.legs.callerLegOver(input.callId, 'answered');
    return NOTHING;
  }

  /** The caller's leg ended without an answer: the attempt is counted, the agent is told and released. */
  async callerLegEnded(input: { readonly callId: Id; readonly outcome: LegOutcome }): Promise<CallbackCallInstruction> {
    const call = await this.deps.legs.callerLegOver(input.callId, callerOutcome(input.outcome));
    return call ? { kind: 'release-agent', prompt: CALLBACK_PROMPTS.callerNotReached(call.language) } : NOTHING;
  }
}

/** A caller's leg that ended without an answer, as the attempt's outcome. */
function callerOutcome(outcome: LegOutcome): CallbackOutcome {
  switch (outcome) {
    case 'answered':
    case 'confirmed':
      return 'answered';
    case 'busy':
      return 'busy';
    case 'failed':
    case 'rejected':
      return 'failed';
    default:
      return 'no-answer';
  }
}

const refusal = (code: CallBackRefusal['code'], message: string): CallBackRefusal => ({ code, message, field: 'id' });
