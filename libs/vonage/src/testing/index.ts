export * from './vonage-payloads';
