import { CallbackRequest, CallbackServiceRef, Id, Instant } from '@dutyline/domain';

/** One number rung for the person who is to call the caller back, in ringing order. */
export interface CallbackAgentTarget {
  /** Null for a number given by hand (an agent's click-to-call phone that is not in the directory). */
  readonly personId: Id | null;
  readonly personName: string;
  /** E.164 */
  readonly number: string;
  readonly ringTimeoutSeconds: number;
}

/**
 * The outbound call working on a request now: first the person who calls back (the people on duty in
 * turn, or the agent who clicked "call back"), who must press 1, then the caller, bridged. Plain JSON.
 * The carrier knows each leg by a call id of its own: `<id>_<n>` for the n-th agent leg, `<id>` for the
 * caller's leg (see `agentLegCallId`).
 */
export interface CallbackCall {
  readonly id: Id;
  /** `automatic`: placed by the worker; `click-to-call`: an agent asked for it. */
  readonly kind: 'automatic' | 'click-to-call';
  /** The agent who asked (click-to-call); null for the automatic dialler. */
  readonly agentId: Id | null;
  /** Who holds the request's claim while the call runs. */
  readonly holder: Id;
  readonly startedAt: Instant;
  readonly targets: readonly CallbackAgentTarget[];
  /** Index in `targets` of the leg ringing now. */
  readonly target: number;
  /** `agent`: an agent leg rings or announces; `caller`: the caller's leg rings; `connected`: they talk. */
  readonly phase: 'agent' | 'caller' | 'connected';
  /** E.164 the call is placed from (the hotline's number). */
  readonly from: string;
  /** BCP-47 language of what the agent hears. */
  readonly language: string;
  /** How the service is named to the agent. */
  readonly serviceName: string;
}

/** A callback request as the store keeps it: the domain's request and what only the application needs. */
export interface StoredCallbackRequest {
  readonly accountId: Id;
  /** The service it belongs to (`request.serviceId` is its id). */
  readonly service: CallbackServiceRef;
  /** The hotline whose number calls back and whose country reads keyed numbers. */
  readonly viaHotlineId: Id;
  readonly request: CallbackRequest;
  readonly call: CallbackCall | null;
  /** Set by the store: 1 once created, one more on each save. */
  readonly version: number;
}

/** The carrier's call id for agent leg `n` of `call`. */
export const agentLegCallId = (call: Pick<CallbackCall, 'id'>, n: number): string => `${call.id}_${n}`;

/** The callback call id and the agent leg a carrier call id names (`undefined` leg: the caller's). */
export function parseCallbackCallId(carrierCallId: string): { callId: Id; leg: number | undefined } {
  const match = /^(.+)_(\d{1,3})$/.exec(carrierCallId);
  return match ? { callId: match[1], leg: Number(match[2]) } : { callId: carrierCallId, leg: undefined };
}
