export * from './slot';
