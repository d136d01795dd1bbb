export * from './coverage.queries';
export * from './coverage-problems';
