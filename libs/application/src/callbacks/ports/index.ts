export * from './callback-stores.port';
