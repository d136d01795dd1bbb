import {
  Id,
  Instant,
  PhoneNumber,
  Result,
  TimeZone,
  assertId,
  assertInstant,
  err,
  invalid,
  ok,
  requireText,
  validatingUnder,
} from '../shared';
import { callbackExpiry } from './callback-expiry';
import {
  CallbackPolicy,
  CallbackPolicyInput,
  agentRetryDelayMs,
  callbackPolicy,
  claimDurationMs,
  minDelayBetweenAttemptsMs,
} from './callback-policy';
import {
  CallbackRefusal,
  CallbackStatus,
  ClosedCallbackStatus,
  claimedRefusal,
  closedRefusal,
  notDueRefusal,
} from './callback-refusal';

/** How the number was obtained: the caller's line identity, keyed in by the caller, or typed by an agent. */
export type CallbackSource = 'caller-id' | 'keyed' | 'agent';
export const CALLBACK_SOURCES: readonly CallbackSource[] = ['caller-id', 'keyed', 'agent'];

/**
 * How one attempt ended. `agent-unavailable` means the person on duty, not the caller, did not pick up
 * (automatic mode): it is kept in the history but spends none of the caller's attempts.
 */
export type CallbackOutcome = 'answered' | 'no-answer' | 'busy' | 'failed' | 'agent-unavailable';
export const CALLBACK_OUTCOMES: readonly CallbackOutcome[] = [
  'answered',
  'no-answer',
  'busy',
  'failed',
  'agent-unavailable',
];

export interface CallbackAttempt {
  readonly at: Instant;
  readonly outcome: CallbackOutcome;
  /** The agent who dialled; `null` for the automatic dialler. */
  readonly by: Id | null;
  readonly comment: string | null;
}

export interface CallbackComment {
  readonly at: Instant;
  readonly by: Id | null;
  readonly text: string;
}

/** An agent working on the request; it lapses at `until` (exclusive) unless renewed. */
export interface CallbackClaim {
  readonly agentId: Id;
  readonly at: Instant;
  readonly until: Instant;
}

export interface CallbackCancellation {
  readonly at: Instant;
  readonly by: Id | null;
  readonly reason: string | null;
}

/**
 * A caller's number left to be called back by a service (F19–F21). Plain JSON data: status, remaining
 * attempts and the next attempt are derived from it by the functions of this module, at an instant.
 */
export interface CallbackRequest {
  readonly id: Id;
  readonly serviceId: Id;
  /** IANA name of the service's zone when the request was opened; expiry days are counted in it. */
  readonly serviceZone: string;
  /** E.164. */
  readonly number: string;
  readonly source: CallbackSource;
  readonly createdAt: Instant;
  /** The service's settings as they were when the request was opened. */
  readonly policy: CallbackPolicy;
  /** Last local day (`YYYY-MM-DD`) the request may be worked; see ADR 0003. */
  readonly lastDay: string;
  /** Expired from this instant on. Fixed at opening, so later tz-database updates cannot move it. */
  readonly expiresAt: Instant;
  /** In the order they were made. */
  readonly attempts: readonly CallbackAttempt[];
  readonly comments: readonly CallbackComment[];
  /** When the same caller asked again while this request was open. */
  readonly repeatRequests: readonly Instant[];
  readonly claim: CallbackClaim | null;
  readonly cancellation: CallbackCancellation | null;
}

export interface OpenCallbackRequestInput {
  id: Id;
  serviceId: Id;
  serviceZone: TimeZone | string;
  number: PhoneNumber | string;
  source: CallbackSource | string;
  createdAt: Instant;
  /** The service's current settings; validated again, under `policy`. */
  policy: CallbackPolicy | CallbackPolicyInput;
}

/** Numbers a callback is never placed to, whoever keyed them: calling them would cost the account. */
const REFUSED_NUMBER_TYPES = new Set(['PREMIUM_RATE']);

export function callbackNumber(value: PhoneNumber | string, field = 'number'): PhoneNumber {
  const number = value instanceof PhoneNumber ? value : PhoneNumber.fromE164(value, field);
  if (REFUSED_NUMBER_TYPES.has(number.type)) {
    invalid('CALLBACK_NUMBER_NOT_ALLOWED', field, `${number.e164} is a premium-rate number and is never called back`);
  }
  return number;
}

export function openCallbackRequest(input: OpenCallbackRequestInput): CallbackRequest {
  const zone =
    input.serviceZone instanceof TimeZone ? input.serviceZone : TimeZone.of(input.serviceZone, 'serviceZone');
  if (!CALLBACK_SOURCES.includes(input.source as CallbackSource)) {
    invalid(
      'INVALID_CALLBACK_SOURCE',
      'source',
      `source is one of ${CALLBACK_SOURCES.join(', ')}, not "${String(input.source)}"`,
    );
  }
  const createdAt = assertInstant(input.createdAt, 'createdAt');
  const policy = validatingUnder('policy', () => callbackPolicy(input.policy ?? {}));
  return {
    id: assertId(input.id, 'id'),
    serviceId: assertId(input.serviceId, 'serviceId'),
    serviceZone: zone.name,
    number: callbackNumber(input.number).e164,
    source: input.source as CallbackSource,
    createdAt,
    policy,
    ...callbackExpiry(createdAt, zone, policy.maxProcessingDays),
    attempts: [],
    comments: [],
    repeatRequests: [],
    claim: null,
    cancellation: null,
  };
}

/** Whether an attempt with this outcome spends one of the caller's attempts. */
export const countsAsCallbackAttempt = (outcome: CallbackOutcome): boolean => outcome !== 'agent-unavailable';

/**
 * The recorded event that closed the request, if any: its answer, its last allowed attempt or its
 * cancellation. Expiry is not recorded: it follows from `expiresAt` and the instant asked about.
 */
export function closingEvent(request: CallbackRequest): { status: ClosedCallbackStatus; at: Instant } | null {
  let counted = 0;
  for (const attempt of request.attempts) {
    if (attempt.outcome === 'answered') return { status: 'done', at: attempt.at };
    if (countsAsCallbackAttempt(attempt.outcome) && ++counted >= request.policy.maxAttempts) {
      return { status: 'max-attempts-reached', at: attempt.at };
    }
  }
  return request.cancellation ? { status: 'cancelled', at: request.cancellation.at } : null;
}

/**
 * The status at `at`. A request closes on its answer, its last allowed attempt or its cancellation,
 * from the instant that was recorded; otherwise it is expired from `expiresAt` on (inclusive).
 */
export function callbackStatusAt(request: CallbackRequest, at: Instant): CallbackStatus {
  const closure = closingEvent(request);
  if (closure && closure.at <= at) return closure.status;
  return at >= request.expiresAt ? 'expired' : 'open';
}

/** Attempts left to the caller (never negative); `agent-unavailable` attempts are not spent. */
export function callbackRemainingAttempts(request: CallbackRequest): number {
  const spent = request.attempts.filter((a) => countsAsCallbackAttempt(a.outcome)).length;
  return Math.max(0, request.policy.maxAttempts - spent);
}

/**
 * The first instant the next attempt may be made: at once for a new request, the minimum delay after an
 * attempt the caller did not answer, or the agent retry delay after the person on duty did not answer.
 * `null` when the request is closed or that instant falls on or after its expiry.
 */
export function callbackNextAttemptAt(request: CallbackRequest): Instant | null {
  if (closingEvent(request)) return null;
  const last = request.attempts[request.attempts.length - 1];
  const next = !last
    ? request.createdAt
    : last.at +
      (countsAsCallbackAttempt(last.outcome)
        ? minDelayBetweenAttemptsMs(request.policy)
        : agentRetryDelayMs(request.policy));
  return next < request.expiresAt ? next : null;
}

/** Open and past the minimum delay: agents see it in their list (hidden before, visible exactly at it). */
export function isVisibleToAgentsAt(request: CallbackRequest, at: Instant): boolean {
  const next = callbackNextAttemptAt(request);
  return next !== null && at >= next && callbackStatusAt(request, at) === 'open';
}

/** The claim still holding at `at`, if any. */
export function liveClaimAt(request: CallbackRequest, at: Instant): CallbackClaim | null {
  return request.claim && at < request.claim.until ? request.claim : null;
}

/** Visible, and not held by another agent's live claim. */
export function isAvailableToAgentAt(request: CallbackRequest, agentId: Id, at: Instant): boolean {
  const held = liveClaimAt(request, at);
  return isVisibleToAgentsAt(request, at) && (!held || held.agentId === agentId);
}

function checkedInstant(request: CallbackRequest, at: Instant): Instant {
  assertInstant(at, 'at');
  if (at < request.createdAt) invalid('BEFORE_CALLBACK_REQUEST', 'at', 'this happens before the request was opened');
  return at;
}

const optionalId = (value: Id | null | undefined, field: string): Id | null =>
  value === undefined || value === null ? null : assertId(value, field);

const optionalText = (value: string | null | undefined, field: string, maxLength: number): string | null =>
  value === undefined || value === null ? null : requireText(value, field, maxLength);

/** Refuses work on a request that is closed at `at`, whether by a recorded event or by its expiry. */
function refusalIfClosed(request: CallbackRequest, at: Instant): CallbackRefusal | null {
  const status = closingEvent(request)?.status ?? (at >= request.expiresAt ? 'expired' : 'open');
  return status === 'open' ? null : closedRefusal(status);
}

/** Refuses work on a request another agent holds at `at`. */
function refusalIfHeldByAnother(request: CallbackRequest, agentId: Id | null, at: Instant): CallbackRefusal | null {
  const held = liveClaimAt(request, at);
  return held && held.agentId !== agentId ? claimedRefusal(held.agentId, held.until) : null;
}

function refusalIfNotDue(request: CallbackRequest, at: Instant): CallbackRefusal | null {
  const next = callbackNextAttemptAt(request);
  return next === null || at < next ? notDueRefusal(next) : null;
}

const firstRefusal = (...checks: (() => CallbackRefusal | null)[]): CallbackRefusal | null => {
  for (const check of checks) {
    const refusal = check();
    if (refusal) return refusal;
  }
  return null;
};

/**
 * An agent takes the request for `claimMinutes` (renewed when the same agent claims again). Refused when
 * the request is closed, hidden by the minimum delay, or held by another agent's live claim.
 */
export function claimCallback(
  request: CallbackRequest,
  agentId: Id,
  at: Instant,
): Result<CallbackRequest, CallbackRefusal> {
  assertId(agentId, 'agentId');
  checkedInstant(request, at);
  const refusal = firstRefusal(
    () => refusalIfClosed(request, at),
    () => refusalIfHeldByAnother(request, agentId, at),
    () => refusalIfNotDue(request, at),
  );
  if (refusal) return err(refusal);
  return ok({ ...request, claim: { agentId, at, until: at + claimDurationMs(request.policy) } });
}

/** Gives the request back. Refused only while another agent's claim holds; releasing nothing is fine. */
export function releaseCallbackClaim(
  request: CallbackRequest,
  agentId: Id,
  at: Instant,
): Result<CallbackRequest, CallbackRefusal> {
  assertId(agentId, 'agentId');
  checkedInstant(request, at);
  const refusal = refusalIfHeldByAnother(request, agentId, at);
  if (refusal) return err(refusal);
  return ok({ ...request, claim: null });
}

export interface AttemptInput {
  at: Instant;
  outcome: CallbackOutcome | string;
  /** The agent who dialled; omit for the automatic dialler. */
  by?: Id | null;
  comment?: string | null;
}

/**
 * Records how an attempt ended and frees the claim. Refused when the request is closed or expired at
 * `at`, when another agent holds it, or before the next attempt is due.
 */
export function recordCallbackAttempt(
  request: CallbackRequest,
  input: AttemptInput,
): Result<CallbackRequest, CallbackRefusal> {
  const at = checkedInstant(request, input.at);
  if (!CALLBACK_OUTCOMES.includes(input.outcome as CallbackOutcome)) {
    invalid(
      'INVALID_CALLBACK_OUTCOME',
      'outcome',
      `outcome is one of ${CALLBACK_OUTCOMES.join(', ')}, not "${String(input.outcome)}"`,
    );
  }
  const attempt: CallbackAttempt = {
    at,
    outcome: input.outcome as CallbackOutcome,
    by: optionalId(input.by, 'by'),
    comment: optionalText(input.comment, 'comment', 1000),
  };
  const refusal = firstRefusal(
    () => refusalIfClosed(request, at),
    () => refusalIfHeldByAnother(request, attempt.by, at),
    () => refusalIfNotDue(request, at),
  );
  if (refusal) return err(refusal);
  return ok({ ...request, attempts: [...request.attempts, attempt], claim: null });
}

/** A remark on the request, at any time, open or closed. */
export function addCallbackComment(
  request: CallbackRequest,
  input: { at: Instant; by?: Id | null; text: string },
): CallbackRequest {
  const comment: CallbackComment = {
    at: checkedInstant(request, input.at),
    by: optionalId(input.by, 'by'),
    text: requireText(input.text, 'text', 1000),
  };
  return { ...request, comments: [...request.comments, comment] };
}

/** The same caller asked again: noted on the open request, which keeps its attempts, delay and expiry. */
export function noteRepeatRequest(request: CallbackRequest, at: Instant): Result<CallbackRequest, CallbackRefusal> {
  checkedInstant(request, at);
  const refusal = refusalIfClosed(request, at);
  if (refusal) return err(refusal);
  return ok({ ...request, repeatRequests: [...request.repeatRequests, at] });
}

/** Withdraws an open request (the caller was reached another way, a mistake…); frees the claim. */
export function cancelCallback(
  request: CallbackRequest,
  input: { at: Instant; by?: Id | null; reason?: string | null },
): Result<CallbackRequest, CallbackRefusal> {
  const cancellation: CallbackCancellation = {
    at: checkedInstant(request, input.at),
    by: optionalId(input.by, 'by'),
    reason: optionalText(input.reason, 'reason', 500),
  };
  const refusal = refusalIfClosed(request, cancellation.at);
  if (refusal) return err(refusal);
  return ok({ ...request, cancellation, claim: null });
}
