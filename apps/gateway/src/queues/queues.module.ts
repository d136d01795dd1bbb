import { Module } from '@nestjs/common';
import { QueuesResolver } from './queues.resolver';

/**
 * `queueDepths`, `failedJobs` and `retryFailedJob` for admins. Needs QUEUE_INSPECTOR provided
 * globally by the notification wiring; add the module to FEATURE_MODULES once it is.
 */
@Module({ providers: [QueuesResolver] })
export class QueuesModule {}
