export {
  type CallbackMode,
  CALLBACK_MODES,
  type CallbackPolicy,
  type CallbackPolicyInput,
  DEFAULT_CALLBACK_POLICY,
  callbackPolicy,
  minDelayBetweenAttemptsMs,
  claimDurationMs,
  agentRetryDelayMs,
} from './callback-policy';
export { type CallbackExpiry, callbackExpiry } from './callback-expiry';
export {
  type CallbackStatus,
  type ClosedCallbackStatus,
  type CallbackRefusal,
  type CallbackRefusalCode,
} from './callback-refusal';
export {
  type CallbackSource,
  CALLBACK_SOURCES,
  type CallbackOutcome,
  CALLBACK_OUTCOMES,
  type CallbackAttempt,
  type CallbackComment,
  type CallbackClaim,
  type CallbackCancellation,
  type CallbackRequest,
  type OpenCallbackRequestInput,
  callbackNumber,
  openCallbackRequest,
  countsAsCallbackAttempt,
  closingEvent,
  callbackStatusAt,
  callbackRemainingAttempts,
  callbackNextAttemptAt,
  isVisibleToAgentsAt,
  liveClaimAt,
  isAvailableToAgentAt,
  claimCallback,
  releaseCallbackClaim,
  type AttemptInput,
  recordCallbackAttempt,
  addCallbackComment,
  noteRepeatRequest,
  cancelCallback,
} from './callback-request';
export { findMergeTarget, type CallbackIntake, receiveCallbackRequest } from './callback-intake';
export {
  type CallbackListEntry,
  callbackListEntry,
  visibleToAgentsAt,
  callbackNextDueAt,
  shouldDialAt,
  callbackJobId,
} from './callback-list';
export {
  type CallbackCountry,
  type CallbackNumberRules,
  type CallbackNumberRefusalCode,
  type CallbackNumberRefusal,
  MAX_ALLOWED_COUNTRIES,
  allowedCallbackCountries,
  callbackNumberRules,
  checkCallbackNumber,
} from './callback-number-rules';
export {
  type CallbackServiceRef,
  type CallbackSettings,
  type CallbackSettingsRepository,
} from './callback-settings-repository.port';
