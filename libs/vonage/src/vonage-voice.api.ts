import { PhoneNumber, RecordingCarrier, SmsCarrier } from '@dutyline/domain';
import { AdvancedMachineDetectionOptions } from './vonage-ncco.actions';
import { MachineDetectionBehavior, Ncco } from './vonage-ncco.types';

/* What the gateway asks of Vonage's REST APIs, and the settings to reach them (vonage-voice.client.ts talks to them). */

export interface VonageVoiceSettings {
  readonly applicationId: string;
  /** The application's RSA private key (PEM). */
  readonly privateKey: string | Buffer;
  /** Needed for SMS only; give both or neither. */
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** @defaultValue 'https://api.nexmo.com' */
  readonly apiHost?: string;
  /** @defaultValue 'https://rest.nexmo.com' */
  readonly restHost?: string;
  /** Per request. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /**
   * Hosts a recording may be downloaded from with the application's JWT (exactly these, over https,
   * paths under `/v1/files/`); `apiHost` is always trusted as configured (a local fake in tests).
   * @defaultValue VONAGE_RECORDING_HOSTS
   */
  readonly recordingHosts?: readonly string[];
  /** The largest recording downloaded; a longer one is refused. @defaultValue 50 MiB */
  readonly recordingMaxBytes?: number;
}

/**
 * Vonage's Voice API hosts, where `recording_url`s point: the global and regional api*.nexmo.com hosts
 * and the regions' api-*.vonage.com hosts (Application API `VoiceRegion`: na-east, na-west, eu-east,
 * eu-west, apac-sng, apac-australia).
 */
export const VONAGE_RECORDING_HOSTS: readonly string[] = [
  'api.nexmo.com',
  'api-us.nexmo.com',
  'api-eu.nexmo.com',
  'api-ap.nexmo.com',
  'api-us-3.vonage.com',
  'api-us-4.vonage.com',
  'api-eu-3.vonage.com',
  'api-eu-4.vonage.com',
  'api-ap-3.vonage.com',
  'api-ap-4.vonage.com',
];

export interface CreateCallRequest {
  readonly to: PhoneNumber;
  /** One of the account's numbers. */
  readonly from: PhoneNumber;
  readonly ncco: Ncco;
  readonly eventUrl: string;
  /** `continue`/`hangup`: standard detection; an object: advanced detection. */
  readonly machineDetection?: MachineDetectionBehavior | AdvancedMachineDetectionOptions;
  /** Seconds the callee's phone rings (1 to 120). */
  readonly ringingTimer?: number;
}

export interface CreatedCall {
  readonly uuid: string;
  readonly conversationUuid: string | null;
  readonly status: string;
  readonly direction: string;
}

/** Outbound abilities: place and steer calls, send text messages, download recordings. */
export interface VonageVoiceApi extends SmsCarrier, Pick<RecordingCarrier, 'fetchRecording'> {
  createCall(request: CreateCallRequest): Promise<CreatedCall>;
  hangup(uuid: string): Promise<void>;
  /** Replaces the live call's NCCO. */
  transfer(uuid: string, ncco: Ncco): Promise<void>;
}
