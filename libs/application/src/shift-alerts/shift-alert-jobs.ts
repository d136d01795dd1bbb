import { Id, Instant, JobQueuePort, formatInstant } from '@dutyline/domain';

/** Sends the alert of one duty start, if the current schedule still has it. The job id is the duty's id. */
export interface ShiftAlertSendJob {
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly personId: Id;
  readonly dutyStart: Instant;
}

/** Tells the supervisors when the alert `alertId` was not acknowledged in time. */
export interface ShiftAckCheckJob {
  readonly accountId: Id;
  readonly alertId: string;
}

/** Reconciles one hotline's alerts for the horizon; a periodic one enqueues the next period's. */
export interface ShiftAlertPlanJob {
  readonly accountId: Id;
  readonly hotlineId: Id;
  /** Set on the self-rescheduling plan: the start of its period. */
  readonly periodStart: Instant | null;
}

/** The shift-start alert jobs (F27): name → payload. A queue of their own (BullMQ: one queue per name). */
export interface ShiftAlertJobs {
  'shift-alert.send': ShiftAlertSendJob;
  'shift-alert.ack-check': ShiftAckCheckJob;
  'shift-alerts.plan': ShiftAlertPlanJob;
}

export type ShiftAlertJobQueue = JobQueuePort<ShiftAlertJobs>;

export const SHIFT_ALERT_JOB_NAMES: readonly (keyof ShiftAlertJobs)[] = [
  'shift-alert.send',
  'shift-alert.ack-check',
  'shift-alerts.plan',
];

/** How far ahead alerts are queued. @defaultValue 48 h */
export const DEFAULT_SHIFT_ALERT_HORIZON_MS = 48 * 3_600_000;
/** How often each hotline is planned again (well inside the horizon). @defaultValue 1 h */
export const DEFAULT_SHIFT_ALERT_PLAN_INTERVAL_MS = 3_600_000;
/** Schedule edits within this window share one plan. @defaultValue 5 s */
export const DEFAULT_SHIFT_ALERT_PLAN_DEBOUNCE_MS = 5_000;

/** `shift-plan:<account>:<hotline>:<period start>`: one periodic plan per hotline and period. */
export const periodicPlanId = (hotline: { accountId: Id; hotlineId: Id }, periodStart: Instant): string =>
  `shift-plan:${hotline.accountId}:${hotline.hotlineId}:${formatInstant(periodStart)}`;

/** `shift-plan:<account>:<hotline>:soon:<bucket>`: one plan per hotline and debounce window after changes. */
export const soonPlanId = (hotline: { accountId: Id; hotlineId: Id }, bucketStart: Instant): string =>
  `shift-plan:${hotline.accountId}:${hotline.hotlineId}:soon:${formatInstant(bucketStart)}`;
