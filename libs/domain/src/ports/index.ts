export * from './clock.port';
export * from './id-generator.port';
export * from './carrier.port';
export * from './mailer.port';
export * from './job-queue.port';
export * from './repositories.port';
export * from './one-time-tokens.port';
