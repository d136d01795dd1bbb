import {
  CallbackOutcome,
  CarrierPort,
  Id,
  PhoneNumber,
  Result,
  err,
  ok,
  recordCallbackAttempt,
  releaseCallbackClaim,
} from '@dutyline/domain';
import { CallLogger, errorContext } from '../shared';
import { CALLBACK_PROMPTS } from './callback-prompts';
import { CallbackRecords } from './callback-records';
import { CallbackCall, StoredCallbackRequest, agentLegCallId } from './stored-callback-request';

/** Who holds the claim while the automatic dialler works a request. */
export const DIALLER_ID = 'dialler';

export interface CallbackLegsDeps {
  readonly records: CallbackRecords;
  /** Called on only once the dialler has checked there is one. */
  readonly carrier: CarrierPort | null;
  readonly logger: CallLogger;
}

/**
 * The legs of a callback call, for the dialler: rings the people to call back in turn (a leg the carrier
 * refuses or the person does not take passes to the next one), notes how the caller's leg ended, and closes
 * a call the carrier never reported the end of. Every change is compare-and-set on the stored request.
 */
export class CallbackLegs {
  constructor(private readonly deps: CallbackLegsDeps) {}

  /** Rings the current target of the record's call; a leg the carrier refuses passes to the next one. The record once placed, else null. */
  async dial(record: StoredCallbackRequest): Promise<StoredCallbackRequest | null> {
    let current: StoredCallbackRequest | null = record;
    while (current?.call && current.call.phase === 'agent') {
      const call: CallbackCall = current.call;
      const target = call.targets[call.target];
      try {
        await this.deps.carrier!.dial({
          callId: agentLegCallId(call, call.target),
          to: PhoneNumber.fromE164(target.number, 'to'),
          from: PhoneNumber.fromE164(call.from, 'from'),
          ringTimeoutSeconds: target.ringTimeoutSeconds,
          confirmation: CALLBACK_PROMPTS.agentAnnouncement(call.serviceName, current.request.number, call.language),
        });
        return current;
      } catch (error) {
        this.deps.logger.warn('the carrier did not place a callback leg: passing to the next person', {
          requestId: current.request.id,
          callId: call.id,
          leg: call.target,
          ...errorContext(error),
        });
        const next = await this.advance(call.id, call.target);
        current = next?.dialNext ? next.record : null;
      }
    }
    return null;
  }

  /** The agent leg `leg` of call `callId` did not take the call; rings the next person if there is one. */
  async agentMissed(callId: Id, leg: number): Promise<CallbackCall | null> {
    const moved = await this.advance(callId, leg);
    if (moved?.dialNext) await this.dial(moved.record);
    return moved?.call ?? null;
  }

  /** Moves past the agent leg `leg` (when it is still the current one). */
  private async advance(
    callId: Id,
    leg: number,
  ): Promise<{ record: StoredCallbackRequest; call: CallbackCall; dialNext: boolean } | null> {
    const seen: { call?: CallbackCall } = {};
    const changed = await this.deps.records.updateByCall(callId, (record, now) => {
      const call = record.call;
      if (!call || !isCurrentAgentLeg(call, callId, leg)) return ok(null);
      seen.call = call;
      if (call.kind === 'automatic' && call.target + 1 < call.targets.length)
        return ok({ ...record, call: { ...call, target: call.target + 1 } });
      if (call.kind === 'click-to-call') return ok({ ...record, call: null });
      return attempted(record, agentUnavailable(now, 'nobody on duty took the callback'));
    });
    const call = seen.call;
    if (!changed?.ok || !call) return null;
    return {
      record: changed.value,
      call,
      dialNext: changed.value.call?.id === callId && changed.value.call.target === call.target + 1,
    };
  }

  /** Records how the caller's leg ended and closes the call; the call as it was, or null when it was not waiting for the caller. */
  async callerLegOver(callId: Id, outcome: CallbackOutcome): Promise<CallbackCall | null> {
    const seen: { call?: CallbackCall } = {};
    const changed = await this.deps.records.updateByCall(callId, (record, now) => {
      const call = record.call;
      if (!call || call.id !== callId || call.phase !== 'caller') return ok(null);
      seen.call = call;
      return attempted(record, { at: now, outcome, by: call.agentId, comment: null });
    });
    return changed?.ok ? (seen.call ?? null) : null;
  }

  /** A call the carrier never reported the end of: closed without spending the caller's attempts. */
  async closeLostCall(record: StoredCallbackRequest): Promise<'lost-call' | 'taken'> {
    const lost = record.call!;
    this.deps.logger.warn('a callback call never reported its end: closing it', {
      requestId: record.request.id,
      callId: lost.id,
    });
    const closed = await this.deps.records.update(
      { accountId: record.accountId, id: record.request.id },
      (current, now) => {
        if (current.call?.id !== lost.id) return err('taken' as const);
        if (lost.kind === 'click-to-call') return ok({ ...current, call: null });
        return attempted(current, agentUnavailable(now, 'the carrier never reported how the call ended'));
      },
    );
    return closed.ok ? 'lost-call' : 'taken';
  }
}

/**
 * The record with an attempt noted and the call closed. The dialler's claim is given back first, so
 * the attempt is not refused as held by another. A refusal (expired meanwhile…) just closes the call.
 */
export function attempted(
  record: StoredCallbackRequest,
  attempt: { at: number; outcome: CallbackOutcome; by: Id | null; comment: string | null },
  stillCurrent = true,
): Result<StoredCallbackRequest, 'taken'> {
  if (!stillCurrent) return err('taken');
  const released =
    record.request.claim?.agentId === DIALLER_ID ? releaseCallbackClaim(record.request, DIALLER_ID, attempt.at) : null;
  const base = released?.ok ? released.value : record.request;
  const noted = recordCallbackAttempt(base, attempt);
  return ok({ ...record, request: noted.ok ? noted.value : base, call: null });
}

/** An attempt that reached nobody to call back: it spends none of the caller's attempts. */
export const agentUnavailable = (at: number, comment: string) =>
  ({ at, outcome: 'agent-unavailable', by: null, comment }) as const;

export const isCurrentAgentLeg = (call: CallbackCall | null, callId: Id, leg: number): boolean =>
  call !== null && call.id === callId && call.phase === 'agent' && call.target === leg;
