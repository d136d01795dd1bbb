import type { JobQueueInspector } from '@dutyline/domain';
import { token } from '../platform/injection-token';

/**
 * The admin's view of the background jobs, provided (globally) by the NotificationsModule: the
 * in-process queue in the embedded default, the `BullMqJobQueue` with Redis.
 */
export const QUEUE_INSPECTOR = token<JobQueueInspector>('JobQueueInspector');
