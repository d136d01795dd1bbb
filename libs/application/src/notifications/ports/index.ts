export * from './notification-settings.port';
export * from './delivery-ledger.port';
export * from './gap-alert-state.port';
export * from './voicemail-links.port';
export * from './hotline-documents.port';
export * from './owed-notifications-journal.port';
