import { Id, Instant } from '../shared';
import { CallbackStatus } from './callback-refusal';
import {
  CallbackAttempt,
  CallbackComment,
  CallbackRequest,
  CallbackSource,
  closingEvent,
  countsAsCallbackAttempt,
  isAvailableToAgentAt,
  isVisibleToAgentsAt,
  liveClaimAt,
  callbackNextAttemptAt,
  callbackRemainingAttempts,
  callbackStatusAt,
} from './callback-request';

/** One line of the callback list (F21), as seen at an instant. Plain JSON data. */
export interface CallbackListEntry {
  readonly id: Id;
  readonly serviceId: Id;
  readonly number: string;
  readonly source: CallbackSource;
  readonly createdAt: Instant;
  readonly status: CallbackStatus;
  readonly remainingAttempts: number;
  readonly maxAttempts: number;
  /** `null` when no further attempt will be made. */
  readonly nextAttemptAt: Instant | null;
  readonly expiresAt: Instant;
  /** Last local day it may be worked, in the service zone. */
  readonly lastDay: string;
  readonly visibleToAgents: boolean;
  /** The agent holding a live claim, if any. */
  readonly claimedBy: Id | null;
  readonly claimedUntil: Instant | null;
  /** Oldest first; `counted` is false for attempts that spent none of the caller's (agent unavailable). */
  readonly attempts: readonly (CallbackAttempt & { readonly counted: boolean })[];
  readonly comments: readonly CallbackComment[];
  readonly repeatRequests: readonly Instant[];
}

export function callbackListEntry(request: CallbackRequest, at: Instant): CallbackListEntry {
  const status = callbackStatusAt(request, at);
  const claim = liveClaimAt(request, at);
  return {
    id: request.id,
    serviceId: request.serviceId,
    number: request.number,
    source: request.source,
    createdAt: request.createdAt,
    status,
    remainingAttempts: callbackRemainingAttempts(request),
    maxAttempts: request.policy.maxAttempts,
    nextAttemptAt: status === 'open' ? callbackNextAttemptAt(request) : null,
    expiresAt: request.expiresAt,
    lastDay: request.lastDay,
    visibleToAgents: isVisibleToAgentsAt(request, at),
    claimedBy: claim?.agentId ?? null,
    claimedUntil: claim?.until ?? null,
    attempts: request.attempts.map((a) => ({ ...a, counted: countsAsCallbackAttempt(a.outcome) })),
    comments: request.comments,
    repeatRequests: request.repeatRequests,
  };
}

/**
 * The requests agents see at `at`, longest waiting first (by next attempt, then creation). With
 * `agentId`, requests another agent holds are left out of that agent's list.
 */
export function visibleToAgentsAt(requests: Iterable<CallbackRequest>, at: Instant, agentId?: Id): CallbackRequest[] {
  const shown = [...requests].filter((r) =>
    agentId === undefined ? isVisibleToAgentsAt(r, at) : isAvailableToAgentAt(r, agentId, at),
  );
  const key = (r: CallbackRequest) => callbackNextAttemptAt(r) ?? r.expiresAt;
  return shown.sort((a, b) => key(a) - key(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The next instant a worker should look at the request, or `null` once an answer, the last attempt or a
 * cancellation closed it. It is the next attempt (automatic mode: dial; manual mode: it reappears in
 * agents' lists), pushed back to the end of a live agent claim in automatic mode; when no attempt fits
 * any more it is the expiry. A job that finds `callbackStatusAt(request, now)` not open simply stops.
 */
export function callbackNextDueAt(request: CallbackRequest): Instant | null {
  if (closingEvent(request)) return null;
  const next = callbackNextAttemptAt(request);
  if (next === null) return request.expiresAt;
  const claim = request.claim;
  if (request.policy.mode === 'automatic' && claim && claim.until > next)
    return Math.min(claim.until, request.expiresAt);
  return next;
}

/** A job running at `at` should dial now: automatic mode, due, open and not held by an agent. */
export function shouldDialAt(request: CallbackRequest, at: Instant): boolean {
  return request.policy.mode === 'automatic' && isVisibleToAgentsAt(request, at) && liveClaimAt(request, at) === null;
}

/**
 * A deterministic queue job id for the request's next due instant: enqueuing it twice keeps one job,
 * and a job for an instant that is no longer due is stale and does nothing. `null` when nothing is due.
 */
export function callbackJobId(request: CallbackRequest): string | null {
  const due = callbackNextDueAt(request);
  return due === null ? null : `callback-${request.id}-${due}`;
}
