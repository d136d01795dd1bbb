export * from './callback-policy';
export * from './callback-expiry';
export type { CallbackRefusal, CallbackRefusalCode, CallbackStatus, ClosedCallbackStatus } from './callback-refusal';
export * from './callback-request';
export * from './callback-intake';
export * from './callback-list';
export * from './callback-number-rules';
