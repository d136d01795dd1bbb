export {
  InMemoryCallbackIntakeStore,
  InMemoryCallbackRequestStore,
  RecordingCallbackJobs,
  RecordingCarrier,
} from './in-memory-callback-stores';
export { callbackWorld, type CallbackWorld, type CallbackWorldOptions } from './callback-world';
