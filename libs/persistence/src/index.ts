export { DEFAULT_SQLITE_PATH, MIGRATIONS_TABLE, createDataSource, isMariaDbUrl, runMigrations } from './database/create-data-source';
export type { DatabaseConfig } from './database/create-data-source';
export { MIGRATIONS } from './migrations';
export * from './repositories';
export * from './repositories/notification-delivery.repository';
export * from './repositories/hotline-document.repository';
export * from './repositories/voicemail-link.repository';
export * from './repositories/call.repository';
export type { CallDocument } from './mappers/call.mapper';
