import { Id, Instant, JobQueuePort, formatInstant } from '@dutyline/domain';
import { DeliveryKind, HotlineKey } from './ports';

/** A delivery owed (see `DeliveryLedger`); the job id is the delivery id. */
export interface DeliveryJob {
  readonly deliveryId: string;
  /** Whose it is: an admin sees the failed jobs of their own account only. */
  readonly accountId: Id;
}

/** Checks one hotline's coverage ahead. A periodic check enqueues the next period's first. */
export interface GapCheckJob {
  readonly accountId: Id;
  readonly hotlineId: Id;
  /** Set on the self-rescheduling check: the start of its period. */
  readonly periodStart: Instant | null;
}

/** The background jobs of the notification workers: name → payload. */
export interface NotificationJobs {
  'voicemail.deliver': DeliveryJob;
  'call.unanswered-alert': DeliveryJob;
  'gaps.check': GapCheckJob;
}

export type NotificationJobName = keyof NotificationJobs;
export type NotificationJobQueue = JobQueuePort<NotificationJobs>;

export const NOTIFICATION_JOB_NAMES: readonly NotificationJobName[] = [
  'voicemail.deliver',
  'call.unanswered-alert',
  'gaps.check',
];

export const DELIVERY_JOB_NAMES: Readonly<Record<DeliveryKind, 'voicemail.deliver' | 'call.unanswered-alert'>> = {
  voicemail: 'voicemail.deliver',
  'unanswered-alert': 'call.unanswered-alert',
};

/** @defaultValue one hour */
export const DEFAULT_GAP_CHECK_INTERVAL_MS = 3_600_000;
/** Schedule edits within this window share one immediate check. @defaultValue 10 s */
export const DEFAULT_GAP_CHECK_DEBOUNCE_MS = 10_000;

/**
 * The periods of a hotline's periodic check: every `intervalMs`, shifted by a fixed offset drawn
 * from the hotline id so that hotlines do not all run at the same instant. Every process computes
 * the same period for the same instant, hence the same job id.
 */
export function gapCheckPeriodStart(hotline: HotlineKey, at: Instant, intervalMs: number): Instant {
  const offset = stableHash(`${hotline.accountId}/${hotline.hotlineId}`) % intervalMs;
  return Math.floor((at - offset) / intervalMs) * intervalMs + offset;
}

/** `gaps:<account>:<hotline>:<period start>`: one periodic check per hotline and period. */
export const periodicGapCheckId = (hotline: HotlineKey, periodStart: Instant): string =>
  `gaps:${hotline.accountId}:${hotline.hotlineId}:${formatInstant(periodStart)}`;

/** `gaps:<account>:<hotline>:soon:<bucket>`: one immediate check per hotline and debounce window. */
export const immediateGapCheckId = (hotline: HotlineKey, bucketStart: Instant): string =>
  `gaps:${hotline.accountId}:${hotline.hotlineId}:soon:${formatInstant(bucketStart)}`;

/** FNV-1a, 32 bits: stable across processes and runs. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
