import type { CarrierPort, RecordingCarrier, SmsCarrier } from '@dutyline/domain';
import type { VonageVoiceApi } from '@dutyline/vonage';
import { token } from '../platform/injection-token';

/** Places and steers outbound calls: Vonage when configured, else the simulator. */
export const CARRIER = token<CarrierPort>('CarrierPort');
/** Sends text messages (F13): Vonage's SMS API when its API key is configured, else the simulator. */
export const SMS_CARRIER = token<SmsCarrier>('SmsCarrier');
/** Records callers and downloads recordings. */
export const RECORDING_CARRIER = token<RecordingCarrier>('RecordingCarrier');
/** The Vonage REST client itself (hang up or transfer a leg by its uuid); null on the simulator. */
export const VONAGE_VOICE_API = token<VonageVoiceApi | null>('VonageVoiceApi');
