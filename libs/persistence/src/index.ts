export {
  DEFAULT_SQLITE_PATH,
  MIGRATIONS_TABLE,
  createDataSource,
  isMariaDbUrl,
  runMigrations,
} from './database/create-data-source';
export type { DatabaseConfig } from './database/create-data-source';
export { MIGRATIONS } from './migrations';
export { poolUsage, type PoolUsage } from './database/pool-usage';
export { accountTablesChildrenFirst, deleteAccount } from './database/account-deletion';
export * from './repositories';
export * from './repositories/notification-delivery.repository';
export * from './repositories/hotline-document.repository';
export * from './repositories/voicemail-link.repository';
export * from './repositories/call.repository';
export type { CallDocument } from './mappers/call.mapper';
export * from './repositories/callback-request.repository';
export * from './repositories/calendar-feed-token.repository';
export * from './repositories/one-time-token.repository';
export type { CallbackIntakeDocument, CallbackRequestDocument } from './mappers/callback.mapper';
export { JsonLinesJournal } from './journal/json-lines-journal';
export { SequencedFileJournal, type SequencedEntry } from './journal/sequenced-file-journal';
export * from './repositories/change-log.repository';
