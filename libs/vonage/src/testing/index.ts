export * from './fake-vonage-api';
export * from './native-vonage-sdk';
export * from './vonage-test-keys';
export * from './vonage-payloads';
