import {
  CarrierPort,
  DialRequest,
  Id,
  PermanentDeliveryError,
  PhoneNumber,
  Prompt,
  RecordingCarrier,
  SmsCarrier,
  keepWithin,
} from '@dutyline/domain';
import { connect, notify, phoneEndpoint } from './vonage-ncco.actions';
import { answerConfirmationNcco, voicemailNcco } from './vonage-ncco.builder';
import type { VonageVoiceApi } from './vonage-voice.api';

/** The webhook paths outbound calls report to, under `PUBLIC_URL`; each carries `?call=<callId>`. */
export const OUTBOUND_WEBHOOKS = {
  /** Every status event of an outbound leg. */
  event: '/vonage/outbound/event',
  /** The callee picked up (no confirmation asked): the reply is the NCCO that follows. */
  answered: '/vonage/outbound/answered',
  /** The key the callee pressed after the announcement. */
  confirmation: '/vonage/outbound/confirmation',
  /** The recording made by `record`. */
  recording: '/vonage/outbound/recording',
} as const;

export interface VonageCarrierOptions {
  /** `PUBLIC_URL`: where Vonage reaches the gateway; without it `dial` and `record` refuse. */
  readonly publicUrl: string | null;
  /** Whether the SMS credentials are configured. */
  readonly sms: boolean;
  /** Outbound calls remembered for `transfer`/`hangup`/`record`. @defaultValue 10000 */
  readonly capacity?: number;
}

/** The leg dialled for a call id, and the number it was dialled from. */
interface DialledLeg {
  readonly uuid: string;
  readonly from: PhoneNumber;
}

const VONAGE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The domain's carrier ports on Vonage's REST API (through the rate-limited client), for the gateway
 * and the worker alike: outbound legs report to the gateway's `OUTBOUND_WEBHOOKS` at `publicUrl`. The
 * calls this instance dialled are remembered by call id; `transfer`, `hangup` and `record` also take a
 * Vonage call uuid as the call id, which is how another instance (or a webhook) names a leg.
 * Failure contract as the ports say; a call id neither dialled here nor a uuid is refused at once.
 */
export class VonageCarrier implements CarrierPort, SmsCarrier, RecordingCarrier {
  private readonly legs = new Map<Id, DialledLeg>();
  private readonly capacity: number;

  constructor(
    private readonly client: VonageVoiceApi,
    private readonly options: VonageCarrierOptions,
  ) {
    this.capacity = options.capacity ?? 10_000;
  }

  /** Rings `to`; when it picks up, the callee hears the confirmation (then `confirmation` is told the key) or `answered` is asked what next. */
  async dial(request: DialRequest): Promise<{ legId: string }> {
    const url = (path: string) => this.webhook(path, request.callId);
    const ncco = request.confirmation
      ? answerConfirmationNcco({ announcement: request.confirmation, eventUrl: url(OUTBOUND_WEBHOOKS.confirmation) })
      : [
          notify({ callId: request.callId, event: 'answered' }, url(OUTBOUND_WEBHOOKS.answered), {
            eventMethod: 'POST',
          }),
        ];
    const call = await this.client.createCall({
      to: request.to,
      from: request.from,
      ncco,
      eventUrl: url(OUTBOUND_WEBHOOKS.event),
      ringingTimer: Math.min(120, Math.max(1, request.ringTimeoutSeconds)),
    });
    this.legs.delete(request.callId);
    this.legs.set(request.callId, { uuid: call.uuid, from: request.from });
    keepWithin(this.legs, this.capacity);
    return { legId: call.uuid };
  }

  async transfer(callId: Id, to: PhoneNumber): Promise<void> {
    const leg = this.leg(callId);
    await this.client.transfer(leg.uuid, [connect(phoneEndpoint(to), leg.from ? { from: leg.from } : {})]);
  }

  async hangup(callId: Id): Promise<void> {
    await this.client.hangup(this.leg(callId).uuid);
  }

  /** Replaces what the call does with the greeting and a recording reported to `recording`. */
  async record(callId: Id, options: { greeting: Prompt | null; maxSeconds: number }): Promise<void> {
    const { uuid } = this.leg(callId);
    await this.client.transfer(
      uuid,
      voicemailNcco({
        greeting: options.greeting,
        maxSeconds: options.maxSeconds,
        eventUrl: this.webhook(OUTBOUND_WEBHOOKS.recording, callId),
      }),
    );
  }

  fetchRecording(reference: string): Promise<{ audio: Buffer; contentType: string }> {
    return this.client.fetchRecording(reference);
  }

  sendSms(to: PhoneNumber, from: PhoneNumber, text: string): Promise<{ messageId: string }> {
    if (!this.options.sms)
      return Promise.reject(new PermanentDeliveryError('text messages need VONAGE_API_KEY and VONAGE_API_SECRET'));
    return this.client.sendSms(to, from, text);
  }

  private leg(callId: Id): { uuid: string; from: PhoneNumber | null } {
    const known = this.legs.get(callId);
    if (known) return known;
    if (VONAGE_UUID.test(callId)) return { uuid: callId, from: null };
    throw new Error(`call ${callId} was not dialled by this instance and is not a Vonage call uuid`);
  }

  private webhook(path: string, callId: Id): string {
    if (this.options.publicUrl === null)
      throw new Error('outbound calls need PUBLIC_URL: the address Vonage reaches the gateway at');
    return `${this.options.publicUrl.replace(/\/+$/, '')}${path}?call=${encodeURIComponent(callId)}`;
  }
}
