export * from './manual-clock';
export * from './sequential-ids';
export * from './builders';
