export {
  EMPTY_GAP_ALERT_STATE,
  type AnnouncedGap,
  type Delivery,
  type DeliveryEnd,
  type DeliveryKind,
  type DeliveryLedger,
  type DeliveryStatus,
  type DeliveryStep,
  type DocumentWrite,
  type GapAlertState,
  type GapAlertStateStore,
  type GapNotice,
  type GapNoticeKind,
  type HotlineDocument,
  type HotlineDocumentStore,
  type HotlineKey,
  type NewDelivery,
  type OwedNotificationsJournal,
  type VoicemailLinkRequest,
  type VoicemailLinkResolver,
  type VoicemailLinks,
  type VoicemailLinkTarget,
  type WatchedHotlines,
} from './ports';
export { NOTIFICATION_JOB_NAMES, type NotificationJobQueue, type NotificationJobs } from './notification-jobs';
export {
  createNotificationServices,
  type NotificationPorts,
  type NotificationServiceOptions,
  type NotificationServices,
} from './notification-services';
export {
  startNotificationProcessing,
  type NotificationProcessing,
  type NotificationProcessingOptions,
} from './notification-processing';
export { type NotificationLogger } from './notification-handlers';
export { DocumentGapAlertStates, DocumentNotificationSettings } from './document-notification-stores';
export { ScheduleChangeTriggers, type ScheduleChangeTriggersDeps } from './schedule-change-triggers';
export { NotificationProducer, type NotificationProducerDeps } from './notification-producer';
export { NotificationReconciler, type ReconcileReport } from './notification-reconciler';
export { GapAlerts } from './gap-alerts';
export { GapCheckRunner } from './gap-check-runner';
export { UnansweredCallAlert } from './unanswered-call-alert';
export { VoicemailDelivery, textOnce } from './voicemail-delivery';
export { firstMobile, recipientsOf, type Recipients } from './notification-recipients';
