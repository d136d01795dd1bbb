export * from './account-administration';
export * from './account-export';
