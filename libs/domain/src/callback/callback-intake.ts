import { Id, Instant, PhoneNumber } from '../shared';
import {
  CallbackRequest,
  OpenCallbackRequestInput,
  callbackNumber,
  noteRepeatRequest,
  openCallbackRequest,
  callbackStatusAt,
} from './callback-request';

/**
 * The request a new one from the same number to the same service should be merged into: the oldest
 * one opened by `at` and still open then. `undefined` means a new request is opened.
 */
export function findMergeTarget(
  requests: Iterable<CallbackRequest>,
  incoming: { serviceId: Id; number: PhoneNumber | string },
  at: Instant,
): CallbackRequest | undefined {
  const e164 = callbackNumber(incoming.number).e164;
  let target: CallbackRequest | undefined;
  for (const request of requests) {
    const sameCaller = request.serviceId === incoming.serviceId && request.number === e164;
    if (!sameCaller || request.createdAt > at || callbackStatusAt(request, at) !== 'open') continue;
    if (!target || request.createdAt < target.createdAt) target = request;
  }
  return target;
}

export type CallbackIntake =
  | { readonly outcome: 'opened'; readonly request: CallbackRequest }
  /** The caller already had an open request; the new ask is noted on it and nothing else is created. */
  | { readonly outcome: 'merged'; readonly request: CallbackRequest };

/** A caller asks to be called back: opens a request, or notes the ask on the one already open. */
export function receiveCallbackRequest(
  existing: Iterable<CallbackRequest>,
  input: OpenCallbackRequestInput,
): CallbackIntake {
  const opened = openCallbackRequest(input);
  const target = findMergeTarget(existing, opened, opened.createdAt);
  if (!target) return { outcome: 'opened', request: opened };
  const noted = noteRepeatRequest(target, opened.createdAt);
  // The target is open at that instant, so noting cannot be refused.
  if (!noted.ok) throw new Error(`a request open at ${opened.createdAt} refused a repeat: ${noted.error.code}`);
  return { outcome: 'merged', request: noted.value };
}
