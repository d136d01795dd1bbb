export * from './in-memory-callback-stores';
export * from './callback-world';
