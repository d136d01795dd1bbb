import {
  CallbackListEntry,
  CallbackMode,
  CallbackPolicy,
  CallbackServiceRef,
  Instant,
  callbackListEntry,
  liveClaimAt,
} from '@dutyline/domain';
import { StoredCallbackRequest } from './stored-callback-request';

/** A callback request as the list and the detail show it (F21), read at an instant. */
export interface CallbackRequestView extends CallbackListEntry {
  readonly service: CallbackServiceRef;
  readonly mode: CallbackMode;
  /** The rules it was opened under (later settings changes do not apply to it). */
  readonly policy: CallbackPolicy;
  /** An outbound call (automatic or click-to-call) is working on it now. */
  readonly callInProgress: boolean;
}

/** The stored request as clients see it at `at`. */
export function callbackRequestView(record: StoredCallbackRequest, at: Instant): CallbackRequestView {
  return {
    ...callbackListEntry(record.request, at),
    service: record.service,
    mode: record.request.policy.mode,
    policy: record.request.policy,
    callInProgress: record.call !== null && liveClaimAt(record.request, at) !== null,
  };
}
