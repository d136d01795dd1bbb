import { Module } from '@nestjs/common';
import { QueuesResolver } from './queues.resolver';

/** `queueDepths`, `failedJobs` and `retryFailedJob` for admins, over QUEUE_INSPECTOR (the NotificationsModule's queue). */
@Module({ providers: [QueuesResolver] })
export class QueuesModule {}
