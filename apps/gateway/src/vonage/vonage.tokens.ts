import { token } from '../platform/injection-token';
import type { VonageCallAdapter } from './vonage-call-adapter';
import type { VonageSettings } from './vonage-settings';
import type { VonageWebhookSignatures } from './vonage-webhook-signatures';
import type { WebhookTokenIds } from './webhook-token-ids';

/*
 * The Vonage webhook wiring (VonageModule). The REST client it hangs legs up with is the
 * CarrierModule's `VONAGE_VOICE_API` (behind the cluster's shared rate limiter).
 */
export const VONAGE_SETTINGS = token<VonageSettings>('VonageSettings');
/** Vonage's webhooks in, NCCOs out; framework-free, so a benchmark or the test kit can drive it too. */
export const VONAGE_CALL_ADAPTER = token<VonageCallAdapter>('VonageCallAdapter');
/** The signed-webhook check every `/vonage/*` route applies. */
export const VONAGE_SIGNATURES = token<VonageWebhookSignatures>('VonageWebhookSignatures');
/** The signed webhook tokens already used: in Redis with `REDIS_URL` (every instance), else in this process. */
export const VONAGE_TOKEN_IDS = token<WebhookTokenIds>('VonageWebhookTokenIds');
