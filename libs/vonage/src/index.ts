export type { Ncco, NccoAction } from './vonage-ncco.types';
export {
  connect,
  dtmfInput,
  phoneEndpoint,
  playPrompt,
  talk,
  type AdvancedMachineDetectionOptions,
  type ConnectOptions,
  type DtmfInputOptions,
  type PhoneEndpointOptions,
  type StreamOptions,
  type TalkOptions,
} from './vonage-ncco.actions';
export { phoneNumberFromVonage } from './vonage-number';
export type { WebhookInput } from './vonage-webhook.fields';
export {
  parseAnswerWebhook,
  parseEventWebhook,
  parseFallbackWebhook,
  parseInputWebhook,
  parseRecordWebhook,
  type VonageAnswerRequest,
  type VonageEvent,
  type VonageFallbackRequest,
  type VonageInputEvent,
  type VonageRecordEvent,
} from './vonage-webhook.parser';
export { legDecisionFor, type VonageLegDecision } from './vonage-leg-outcome';
export {
  VonageSignatureVerifier,
  type SignatureRejection,
  type SignedWebhookRequest,
  type VonageSignatureOptions,
  type VonageWebhookClaims,
} from './vonage-signature.verifier';
export {
  InMemoryRateLimiter,
  VONAGE_RATE_LIMITS,
  vonageRateLimits,
  rateLimiterFrom,
  type VonageRateKind,
  type VonageRateLimiter,
} from './vonage-rate-limiter';
export type { CreateCallRequest, CreatedCall, VonageVoiceApi, VonageVoiceSettings } from './vonage-voice.api';
export { VonageApiError, VonageSmsRejectedError } from './vonage-api-errors';
export { createVonageVoiceClient, type VonageSdkModule, type VonageVoiceClientDeps } from './vonage-voice.client';
export {
  releasedCalleeNcco,
  renderForCallee,
  renderForCaller,
  type LegToHangUp,
  type VonageCallUrls,
  type VonageRenderOptions,
  type VonageReply,
} from './vonage-call-instruction.renderer';
export {
  asksKey,
  awaitingVerdictNcco,
  groupAnnouncementNcco,
  groupConversationName,
  groupHoldNcco,
  groupLegCall,
  joinGroupNcco,
  type VonageGroupUrls,
} from './vonage-group-dialling';
export { OUTBOUND_WEBHOOKS, VonageCarrier, type VonageCarrierOptions } from './vonage-carrier';
