export { type ShiftAlertPorts } from './ports';
export {
  DEFAULT_SHIFT_ALERT_HORIZON_MS,
  DEFAULT_SHIFT_ALERT_PLAN_INTERVAL_MS,
  SHIFT_ALERT_JOB_NAMES,
  type ShiftAckCheckJob,
  type ShiftAlertJobQueue,
  type ShiftAlertJobs,
  type ShiftAlertPlanJob,
  type ShiftAlertSendJob,
} from './shift-alert-jobs';
export { ShiftAlertPlanner, type ShiftAlertPlanOutcome, type ShiftAlertPlannerOptions } from './shift-alert-planner';
export { ShiftAlertSender, type ShiftAckCheckOutcome, type ShiftAlertSendOutcome } from './shift-alert-sender';
export {
  MAX_SHIFT_ALERT_RANGE_DAYS,
  ShiftAlertSettingsService,
  type ShiftAckAnswer,
  type ShiftAlertSettingsChange,
  type ShiftAlertSettingsView,
} from './shift-alert-settings.service';
export {
  createShiftAlertServices,
  registerShiftAlertHandlers,
  startShiftAlertProcessing,
  type ShiftAlertServices,
} from './shift-alert-services';
export { shiftAlertText, unacknowledgedText } from './shift-alert-text';
