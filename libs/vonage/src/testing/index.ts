export { FakeVonageApi, type FakeVonageApiOptions } from './fake-vonage-api';
export { nativeVonageSdk } from './native-vonage-sdk';
export { signVonageWebhook, testApplicationKeys } from './vonage-test-keys';
export {
  answerPayload,
  callEventPayload,
  inputEventPayload,
  machineEventPayload,
  recordEventPayload,
} from './vonage-payloads';
