export * from './shared';
export * from './directory';
export * from './schedule';
export * from './ports';
