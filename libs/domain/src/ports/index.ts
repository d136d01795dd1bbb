export { type Clock } from './clock.port';
export { type IdGenerator } from './id-generator.port';
export {
  type LegOutcome,
  type DialRequest,
  type CarrierPort,
  type RecordingCarrier,
  type SmsCarrier,
} from './carrier.port';
export {
  type MailAttachment,
  type MailMessage,
  type MailReceipt,
  PermanentDeliveryError,
  type MailerPort,
} from './mailer.port';
export {
  type JobMap,
  type JobOptions,
  NonRetryableJobError,
  type JobQueuePort,
  type JobCanceller,
  type JobContext,
  type JobHandler,
  type JobProcessorHost,
  type QueueDepth,
  type FailedJob,
  type FailedJobsQuery,
  type FailedJobNotFound,
  type JobQueueInspector,
} from './job-queue.port';
export { type JsonValue, type AuditActor, type AuditEntry, type AuditFilter, type AuditLog } from './audit-log.port';
