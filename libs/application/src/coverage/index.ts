export * from './coverage.queries';
