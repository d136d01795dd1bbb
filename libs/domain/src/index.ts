export * from './shared';
export * from './directory';
export * from './schedule';
export * from './routing';
export * from './coverage';
export * from './callback';
export * from './ports';
export * from './calendar';
