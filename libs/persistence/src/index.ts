export {
  DEFAULT_SQLITE_PATH,
  MIGRATIONS_TABLE,
  createDataSource,
  isMariaDbUrl,
  runMigrations,
  type DatabaseConfig,
} from './database/create-data-source';
export { MIGRATIONS } from './migrations';
export { poolUsage, type PoolUsage } from './database/pool-usage';
export { accountTablesChildrenFirst, deleteAccount } from './database/account-deletion';
export { SqlBulkLoad, type BulkAccount, type RowCounts } from './database/bulk-load';
export { sqlRepositories, type SqlRepositories } from './repositories';
export {
  SqlDeliveryLedger,
  type NewStoredDelivery,
  type StoredDelivery,
  type StoredDeliveryStatus,
} from './repositories/notification-delivery.repository';
export { SqlHotlineDocuments, type HotlineDocument, type HotlineRef } from './repositories/hotline-document.repository';
export {
  SqlVoicemailLinks,
  type StoredVoicemailLink,
  type VoicemailLinkSettings,
} from './repositories/voicemail-link.repository';
export { SqlCallStore, type SqlCallFilter } from './repositories/call.repository';
export type { CallDocument } from './mappers/call.mapper';
export {
  SqlCallbackIntakeSettingsStore,
  SqlCallbackRequestStore,
  type SqlCallbackRequestFilter,
} from './repositories/callback-request.repository';
export type { CallbackIntakeDocument, CallbackRequestDocument } from './mappers/callback.mapper';
export { SqlCalendarFeedTokens, type CalendarFeedTokenSettings } from './repositories/calendar-feed-token.repository';
export { SqlOneTimeTokenRepository } from './repositories/one-time-token.repository';
export { SqlChangeLog } from './repositories/change-log.repository';
export { SqlCallEntryRepository } from './repositories/call-entry.repository';
export { SqlShiftAlertLedger, SqlShiftAlertSettings } from './repositories/shift-alert.repository';
export { JsonLinesJournal } from './journal/json-lines-journal';
export { SequencedFileJournal, type SequencedEntry } from './journal/sequenced-file-journal';
