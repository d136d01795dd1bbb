export { InMemoryShiftAlertLedger, InMemoryShiftAlertSettings } from './in-memory-shift-alert-stores';
export { TimedJobQueue } from './timed-job-queue';
