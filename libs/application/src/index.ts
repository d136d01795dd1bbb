// The application layer, by feature: each line is one feature's entry (its index), naming what the apps
// and adapters use. Features reach each other only through these indexes (docs/adr/0007-one-entry-per-feature.md).

// The shared kernel: who is calling, refusals, audit, paging, time inputs, logging.
export {
  allItems,
  type AuditChange,
  AuditRecorder,
  type Caller,
  type CallLogger,
  errorContext,
  type LogContext,
  notificationSettings,
  notificationSettingsInput,
  type NotificationSettingsStore,
  readDirectory,
  silentCallLogger,
  systemCaller,
} from './shared';

// People, teams and their numbers.
export { DirectoryService } from './directory';

// Hotlines: numbers, languages, scenarios.
export { HotlineService, type NewHotline } from './hotlines';

// On-call patterns (weeknights, weekends…) to apply to a schedule.
export { type PatternDefinition, PatternService } from './patterns';

// The schedule: slots, overrides, copies, patterns applied.
export { ScheduleService, type ScheduleWrite } from './schedule';

// Who is on duty now, and the change log routing caches follow.
export { type ChangeLog, type LoggedChange, RoutingQueries, readLevelRotation } from './routing';

// How calls enter a hotline: extra numbers, rules, a menu or keyed number (F25).
export {
  CallEntryService,
  type CallEntryChanges,
  type CallEntryView,
  type ExtraNumberTakenRefusal,
} from './call-entries';

// Coverage: the 24/7 picture and its gaps.
export { CoverageQueries, type CoverageReport } from './coverage';

// Inbound calls: answer, escalate, fall back; the call log.
export {
  ACTIVE_CALL_HOLD_MS,
  type ActiveCallHold,
  type ActiveCalls,
  apologyPrompt,
  type CallEntryLookup,
  type CallEvents,
  type CallFilter,
  type CallInstruction,
  type CallJournal,
  type CallJournalEntry,
  CallLogService,
  type CallLogStatistics,
  type CallPlanner,
  callRecordOf,
  type CallStore,
  createCalls,
  DEFAULT_EMERGENCY_RING_TIMEOUT_SECONDS,
  type DialInstruction,
  e164OrNull,
  type EndedLegOutcome,
  type GatherInstruction,
  type HotlineLookup,
  type InboundCallOptions,
  type InboundCalls,
  InboundCallService,
  type PlacedLegCalls,
  type PlanningOptions,
  InProcessActiveCalls,
  type KeysInput,
  LastKnownPlans,
  lastResortFor,
  type LastResortSettings,
  type LegToDrop,
  type LineStatus,
  type StoredCall,
  systemTimer,
  TimeBudget,
  type Timer,
  withEnqueueBudget,
} from './calls';

// Callbacks: a caller leaves a number, agents call back under per-service rules.
export {
  CALLBACK_JOB_NAMES,
  type CallbackAgent,
  type CallbackAttemptJob,
  type CallbackCallInstruction,
  type CallbackDialler,
  type CallbackIntakeChanges,
  type CallbackIntakeSettings,
  type CallbackIntakeSettingsStore,
  type CallbackIntakeView,
  type CallbackJobQueue,
  type CallbackJobs,
  type CallbackRequestView,
  type Callbacks,
  CallbackSettingsService,
  type CallbackSettingsView,
  type CaptureInstruction,
  type CaptureStage,
  createCallbacks,
  type OfferMoment,
  parseCallbackCallId,
} from './callbacks';

// Notifications: voicemail e-mails, unanswered-call and gap alerts.
export {
  createNotificationServices,
  type DeliveryKind,
  type DeliveryLedger,
  DocumentGapAlertStates,
  DocumentNotificationSettings,
  GapAlerts,
  type GapAlertStateStore,
  GapCheckRunner,
  type NewDelivery,
  NOTIFICATION_JOB_NAMES,
  type NotificationJobQueue,
  type NotificationJobs,
  type NotificationLogger,
  type NotificationPorts,
  type NotificationProcessing,
  NotificationProducer,
  NotificationReconciler,
  type NotificationServices,
  type ReconcileReport,
  ScheduleChangeTriggers,
  startNotificationProcessing,
  UnansweredCallAlert,
  VoicemailDelivery,
  type VoicemailLinkResolver,
  type VoicemailLinks,
  type WatchedHotlines,
} from './notifications';

// Shift-start alerts ("prise de poste"): settings, planner, sender, acknowledgement.
export {
  createShiftAlertServices,
  MAX_SHIFT_ALERT_RANGE_DAYS,
  SHIFT_ALERT_JOB_NAMES,
  type ShiftAckAnswer,
  type ShiftAlertJobs,
  type ShiftAlertPorts,
  type ShiftAlertServices,
  type ShiftAlertSettingsChange,
  ShiftAlertSettingsService,
  type ShiftAlertSettingsView,
  registerShiftAlertHandlers,
  type ShiftAlertJobQueue,
  startShiftAlertProcessing,
} from './shift-alerts';

// Accounts: opening, administration, export.
export { AccountAdministration, type AccountChangeAnnouncer, type Announcement, exportAccount } from './accounts';

// Calendar feeds of a person's duty.
export { CalendarFeeds } from './calendar';

// Metrics: counted ports and outcomes.
export {
  type CountedCallOutcome,
  type CountedLegOutcome,
  countedMailer,
  countedSms,
  type MessageChannel,
  type Metrics,
  timedJobHost,
} from './metrics';

// The composition of the request-side features over one set of ports.
export { type Application, createApplication } from './application';
