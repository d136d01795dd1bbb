export { type Slot, type Override, type OnCall, type OnCallSegment } from './slot';
export {
  type ScheduleChange,
  NO_CHANGE,
  type OverlapMode,
  type OverlapOptions,
  type SlotWriteOptions,
  applyChange,
  changeBetween,
  byStart,
} from './schedule-change';
export {
  type SlotOverlapError,
  type SlotNotFoundError,
  type ScheduleError,
  type ScheduleVersionConflictError,
  checkScheduleVersion,
  slotOverlap,
  slotNotFound,
  SCHEDULE_LIMITS,
  type OverrideEndedError,
} from './schedule-error';
export {
  type LocalDateTimeInput,
  type AssigneeInput,
  type SlotInput,
  createSlots,
  type MoveSlotOptions,
  moveSlot,
  type ResizeSlotOptions,
  resizeSlot,
  deleteSlots,
  setSlotAssignees,
} from './slot-operations';
export {
  type PatternWindow,
  type OnCallPattern,
  type PatternWindowInput,
  type OnCallPatternInput,
  onCallPattern,
  OFFICE_HOURS,
  WEEKNIGHTS,
  WEEKEND,
  PRESET_PATTERNS,
  type ApplyPatternOptions,
  applyPattern,
} from './on-call-pattern';
export {
  type CopyDayOptions,
  copyDay,
  type CopyWeekOptions,
  copyWeek,
  type RepeatWeekOptions,
  repeatWeek,
  type CopyToHotlineOptions,
  copyToHotline,
} from './schedule-copy';
export { type InstantInput, type OverrideInput, override, type OverrideEnding, endOverride } from './override';
export { compareIds, compareOverridePrecedence } from './override-precedence';
export { NOBODY_ON_CALL, ScheduleIndex } from './schedule-index';
export {
  type ScheduleView,
  type ScheduleWrite,
  type OverrideStop,
  type ScheduleRepository,
  type ScheduleVersionReader,
} from './schedule-repository.port';
export { type StoredPattern, type PatternRepository } from './pattern-repository.port';
export {
  type ShiftAlertChannel,
  SHIFT_ALERT_CHANNELS,
  type ShiftAlertAcknowledgement,
  type ShiftAlertSettings,
  type ShiftAlertSettingsInput,
  defaultShiftAlertSettings,
  shiftAlertSettings,
  type DutyStart,
  shiftAlertId,
  shiftAckCheckId,
  type ScheduleTimeline,
  type DutyStartsRequest,
  dutyStarts,
  type PlannedShiftAlert,
  type ShiftAlertPlanRequest,
  plannedShiftAlerts,
  currentDutyStart,
} from './shift-alerts';
export {
  type ShiftAlertSettingsRepository,
  type ShiftAlertRecord,
  type NewShiftAlert,
  type ShiftAckOutcome,
  type ShiftAlertLedger,
} from './shift-alert-repository.port';
