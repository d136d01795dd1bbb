export { type OnCallSource } from './on-call-source';
export {
  type DialStep,
  type VoicemailStep,
  type MessageStep,
  type CallStep,
  type FinalStep,
  type CallPlan,
  type CallPlanRequest,
  type LevelRotation,
  callPlan,
  type PlanCallRequest,
  planCall,
} from './call-plan';
export { confirmationPrompt } from './confirmation-prompt';
export { type RingRotation, type RotationCounter } from './ring-rotation.port';
export { cappedPersons, personsAtTheirCap } from './call-cap';
export {
  type EntryTarget,
  type RuleTarget,
  type EntryRule,
  type MenuChoice,
  type Menu,
  type KeyedMatch,
  type KeyedNumber,
  type EntryFront,
  type CallEntry,
  type EntryTargetInput,
  type EntryRuleInput,
  type MenuInput,
  type KeyedNumberInput,
  type CallEntryInput,
  DEFAULT_GATHER_TIMEOUT_SECONDS,
  directEntry,
  callEntry,
  entryTargetHotlines,
} from './call-entry';
export {
  type CallRoute,
  type AskStep,
  type RouteStep,
  type EntryStep,
  type EntryKeys,
  type RouteCallRequest,
  routeCall,
} from './route-call';
export { type StoredCallEntry, type ExtraNumberTaken, type CallEntryRepository } from './call-entry-repository.port';
export {
  type EscalationPhase,
  type LegRecord,
  type Answerer,
  type EscalationOutcome,
  type EscalationState,
  type EscalationEvent,
  type EscalationAction,
  type EscalationTransition,
  type EscalationContext,
  startEscalation,
  onEscalationEvent,
  isEscalationEnded,
  isLegLive,
} from './escalation';
export {
  type LegTimeline,
  type CallTimeline,
  type CallFact,
  startCallTimeline,
  updateCallTimeline,
  type CallOutcome,
  type CallPlanSource,
  type CallLeg,
  type CallComment,
  type CallRecord,
  type CallRecordSource,
  callRecord,
  callTimingsMs,
  callComment,
} from './call-log';
export {
  type DurationSummary,
  type AnswererStatistics,
  type CallStatistics,
  type CallFigures,
  callStatistics,
} from './call-log-statistics';
