export {
  FakeRecordings,
  InMemoryDeliveryLedger,
  InMemoryGapAlertStateStore,
  InMemoryNotificationSettings,
  InMemoryVoicemailLinks,
  RecordingMailer,
  RecordingSms,
} from './in-memory-notification-stores';
export { RecordingJobQueue } from './recording-job-queue';
export { aVoicemailCall } from './call-record.fixtures';
export { InMemoryHotlineDocuments } from './in-memory-hotline-documents';
export { ManualJobHost } from './manual-job-host';
