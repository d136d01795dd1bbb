import { Id, Instant } from '../shared';

/** Where a request stands at an instant. Every status but `open` is final. */
export type CallbackStatus = 'open' | 'done' | 'max-attempts-reached' | 'expired' | 'cancelled';

export type ClosedCallbackStatus = Exclude<CallbackStatus, 'open'>;

const CLOSED_CODES = {
  done: 'CALLBACK_DONE',
  'max-attempts-reached': 'CALLBACK_MAX_ATTEMPTS_REACHED',
  expired: 'CALLBACK_EXPIRED',
  cancelled: 'CALLBACK_CANCELLED',
} as const;

const CLOSED_MESSAGES: Record<ClosedCallbackStatus, string> = {
  done: 'the caller was already reached',
  'max-attempts-reached': 'every allowed attempt was already made',
  expired: 'the processing delay is over',
  cancelled: 'the request was cancelled',
};

/** An expected refusal of a callback transition; `code` is stable, clients switch on it. */
export type CallbackRefusal =
  | {
      readonly code: (typeof CLOSED_CODES)[ClosedCallbackStatus];
      readonly message: string;
      readonly status: ClosedCallbackStatus;
    }
  | {
      /** Another agent holds a claim that has not lapsed yet. */
      readonly code: 'CALLBACK_CLAIMED';
      readonly message: string;
      readonly agentId: Id;
      readonly until: Instant;
    }
  | {
      /** Still inside the minimum delay after the last attempt; `null` when no attempt fits before expiry. */
      readonly code: 'CALLBACK_NOT_DUE';
      readonly message: string;
      readonly nextAttemptAt: Instant | null;
    };

export type CallbackRefusalCode = CallbackRefusal['code'];

export const closedRefusal = (status: ClosedCallbackStatus): CallbackRefusal => ({
  code: CLOSED_CODES[status],
  message: `The callback request is closed: ${CLOSED_MESSAGES[status]}.`,
  status,
});

export const claimedRefusal = (agentId: Id, until: Instant): CallbackRefusal => ({
  code: 'CALLBACK_CLAIMED',
  message: `Agent ${agentId} is working on this callback request.`,
  agentId,
  until,
});

export const notDueRefusal = (nextAttemptAt: Instant | null): CallbackRefusal => ({
  code: 'CALLBACK_NOT_DUE',
  message:
    nextAttemptAt === null
      ? 'No further attempt fits before the request expires.'
      : 'The minimum delay since the last attempt has not passed yet.',
  nextAttemptAt,
});
