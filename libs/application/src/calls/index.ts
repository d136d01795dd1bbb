export {
  type CallEventRecord,
  type CallEvents,
  type CallFilter,
  type CallJournal,
  type CallJournalEntry,
  type CallLogReader,
  type CallNotice,
  type CallPlanner,
  type CallReference,
  type PlanningOptions,
  type CallStore,
  type HotlineLookup,
  type JournaledEntry,
  type LineStatus,
  type Timer,
} from './ports';
export { systemTimer } from './system-timer';
export { type ActiveCallHold, type ActiveCalls, InProcessActiveCalls } from './active-calls';
export { ACTIVE_CALL_HOLD_MS } from './call-cap-guard';
export {
  NOTHING,
  type AnnounceInstruction,
  type GatherInstruction,
  type BridgeInstruction,
  type CallInstruction,
  type DialInstruction,
  type HangUpLegInstruction,
  type HangUpLegsInstruction,
  type DialGroupInstruction,
  type LegToDrop,
  type MessageInstruction,
  type NothingInstruction,
  type UnknownNumberInstruction,
  type VoicemailInstruction,
} from './call-instruction';
export type {
  AnswerInput,
  CallEndedInput,
  CalleePromptInput,
  ConfirmationInput,
  EndedLegOutcome,
  InboundCalls,
  KeysInput,
  LegAnsweredInput,
  LegEndedInput,
  PlacedLegCalls,
  RecordingInput,
} from './inbound-calls';
export { callRecordOf, type LastReply, type StoredCall } from './stored-call';
export { TimeBudget, TimeBudgetExceededError } from './time-budget';
export { withEnqueueBudget } from './budgeted-job-queue';
export { LastKnownPlans } from './last-known-plans';
export { apologyPrompt } from './caller-prompts';
export {
  DEFAULT_EMERGENCY_RING_TIMEOUT_SECONDS,
  lastResortFor,
  type LastResort,
  type LastResortSettings,
} from './last-resort';
export { e164OrNull } from './phone-text';
export { DialledNumbers, type CallEntryLookup, type DialledHotline } from './call-entry-lookup';
export { CachingHotlineLookup, type CachingHotlineLookupOptions } from './caching-hotline-lookup';
export { callPlannerByNumber } from './call-planner-from-number';
export { createCalls } from './create-calls';
export type { InboundCallDependencies, InboundCallOptions } from './inbound-call-options';
export { InboundCallService } from './inbound-call.service';
export type { WriteBackResult } from './journal-write-back';
export { MemoryCallJournal } from './memory-call-journal';
export { CallLogService, type CallLogOptions, type CallLogStatistics } from './call-log.service';
