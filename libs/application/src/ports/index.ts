export * from './pattern.repository.port';
export * from './callback-settings.repository.port';
export * from './schedule-version.port';
