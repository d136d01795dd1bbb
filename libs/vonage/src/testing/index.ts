export * from './vonage-test-keys';
export * from './vonage-payloads';
