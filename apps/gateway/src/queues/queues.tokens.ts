import type { JobQueueInspector } from '@dutyline/domain';
import { token } from '../platform/injection-token';

/**
 * The admin's view of the background jobs. Provided (globally) by the notification wiring: the
 * `inspector` of `startEmbeddedNotifications(...)` in the embedded default, or of
 * `connectNotificationProducer(...)` (a `BullMqJobQueue`) with Redis.
 */
export const QUEUE_INSPECTOR = token<JobQueueInspector>('JobQueueInspector');
