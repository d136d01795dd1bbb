// The callbacks feature (F19–F21): requests taken in during calls or by agents, worked by hand or dialled
// automatically, and the per-service settings. `createCallbacks` wires it; adapters implement `./ports`.
export { createCallbacks, type CallbackOptions, type Callbacks } from './callbacks';
export {
  type CallbackAttemptJob,
  type CallbackCaller,
  type CallbackIntakeSettings,
  type CallbackIntakeSettingsStore,
  type CallbackJobName,
  type CallbackJobQueue,
  type CallbackJobs,
  type CallbackPorts,
  type CallbackRequestFilter,
  type CallbackRequestStore,
  type CallbackRouting,
} from './ports';
export { CALLBACK_JOB_NAMES } from './callback-jobs';
export {
  parseCallbackCallId,
  type CallbackAgentTarget,
  type CallbackCall,
  type StoredCallbackRequest,
} from './stored-callback-request';
export { type CallbackAgent, type CallbackAgentIdentity, type CallbackScope } from './callback-agent';
export { type CallBackRefusal, type CallbackWorkRefusal, type NoHotlineRefusal } from './callback-refusals';
export { type CallbackListFilter, type CallbackRequestService } from './callback-request.service';
export { type CallbackIntakeResult } from './callback-request-intake';
export { type CallbackRequestView } from './callback-request-view';
export {
  type CallbackIntakeChanges,
  type CallbackIntakeService,
  type CallbackIntakeView,
} from './callback-intake.service';
export {
  type CallbackAttemptOutcome,
  type CallbackCallInstruction,
  type CallbackDialler,
  type CallbackDiallerOptions,
} from './callback-dialler';
export {
  type CallbackCapture,
  type CallbackCaptureOptions,
  type CaptureInstruction,
  type CaptureStage,
  type OfferMoment,
} from './callback-capture';
export {
  CallbackSettingsService,
  type CallbackSettingsServiceDeps,
  type CallbackSettingsView,
} from './callback-settings.service';
