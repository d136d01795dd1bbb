import {
  CarrierPort,
  DialRequest,
  Id,
  LegOutcome,
  PermanentDeliveryError,
  PhoneNumber,
  Prompt,
  RecordingCarrier,
  SmsCarrier,
} from '@dutyline/domain';
import { wavTone } from './wav-tone';

export interface SimulatedCarrierOptions {
  /** How each dial to a number ends, in order; then `defaultOutcome`. Keys are E.164. */
  readonly outcomes?: Readonly<Record<string, readonly LegOutcome[]>>;
  /** @defaultValue 'confirmed' */
  readonly defaultOutcome?: LegOutcome;
  /** Numbers (E.164) whose text messages are refused for good. */
  readonly refuseSmsTo?: readonly string[];
  /** Told how each dialled leg ended, just after `dial` resolves (a carrier would post an event). */
  readonly onLegOutcome?: (leg: SimulatedLeg) => void;
  /** Receives one line per thing done. */
  readonly onLine?: (text: string) => void;
  /** Length of the tone a fetched recording holds. @defaultValue 2 */
  readonly recordingSeconds?: number;
}

export interface SimulatedLeg {
  readonly legId: string;
  readonly request: DialRequest;
  readonly outcome: LegOutcome;
}

export interface SimulatedSms {
  readonly messageId: string;
  readonly to: string;
  readonly from: string;
  readonly text: string;
}

/** References of recordings the simulator produces start with this. */
export const SIMULATED_RECORDING_PREFIX = 'sim-rec-';

/**
 * The carrier of the embedded default: outbound calls with scripted outcomes, text messages and
 * voicemail recordings kept in memory and told line by line. Nothing leaves the process.
 * Failure contract as the ports say: an SMS to a refused number rejects with `PermanentDeliveryError`;
 * fetching a recording this simulator did not make rejects (not found).
 */
export class SimulatedCarrier implements CarrierPort, SmsCarrier, RecordingCarrier {
  readonly legs: SimulatedLeg[] = [];
  readonly sms: SimulatedSms[] = [];
  readonly transfers: { readonly callId: Id; readonly to: string }[] = [];
  readonly hangups: Id[] = [];
  readonly recordings: {
    readonly callId: Id;
    readonly reference: string;
    readonly greeting: Prompt | null;
    readonly maxSeconds: number;
  }[] = [];
  private readonly scripted = new Map<string, LegOutcome[]>();

  constructor(private readonly options: SimulatedCarrierOptions = {}) {
    for (const [number, outcomes] of Object.entries(options.outcomes ?? {})) this.scripted.set(number, [...outcomes]);
  }

  async dial(request: DialRequest): Promise<{ legId: string }> {
    const outcome = this.scripted.get(request.to.e164)?.shift() ?? this.options.defaultOutcome ?? 'confirmed';
    const leg: SimulatedLeg = { legId: `sim-leg-${this.legs.length + 1}`, request, outcome };
    this.legs.push(leg);
    const announcement = request.confirmation?.kind === 'text' ? `, announcing "${request.confirmation.text}"` : '';
    this.say(
      `Call ${request.callId}: dial ${request.to.e164} from ${request.from.e164} for ${request.ringTimeoutSeconds} s${announcement}: ${outcome}`,
    );
    if (this.options.onLegOutcome) queueMicrotask(() => this.options.onLegOutcome?.(leg));
    return { legId: leg.legId };
  }

  async transfer(callId: Id, to: PhoneNumber): Promise<void> {
    this.transfers.push({ callId, to: to.e164 });
    this.say(`Call ${callId}: transferred to ${to.e164}`);
  }

  async hangup(callId: Id): Promise<void> {
    this.hangups.push(callId);
    this.say(`Call ${callId}: hung up`);
  }

  async sendSms(to: PhoneNumber, from: PhoneNumber, text: string): Promise<{ messageId: string }> {
    if (this.options.refuseSmsTo?.includes(to.e164)) {
      this.say(`SMS to ${to.e164} refused`);
      throw new PermanentDeliveryError(`the simulated network refuses text messages to ${to.e164}`);
    }
    const message: SimulatedSms = { messageId: `sim-sms-${this.sms.length + 1}`, to: to.e164, from: from.e164, text };
    this.sms.push(message);
    this.say(`SMS ${message.messageId} from ${from.e164} to ${to.e164}: ${text}`);
    return { messageId: message.messageId };
  }

  async record(callId: Id, options: { greeting: Prompt | null; maxSeconds: number }): Promise<void> {
    const reference = `${SIMULATED_RECORDING_PREFIX}${callId}-${this.recordings.length + 1}`;
    this.recordings.push({ callId, reference, ...options });
    this.say(`Call ${callId}: recording ${reference} (up to ${options.maxSeconds} s)`);
  }

  /** Any reference this simulator hands out (`sim-rec-…`, also those of simulated inbound calls) is a short tone. */
  async fetchRecording(reference: string): Promise<{ audio: Buffer; contentType: string }> {
    if (!reference.startsWith(SIMULATED_RECORDING_PREFIX)) throw new Error(`no simulated recording ${reference}`);
    return { audio: wavTone({ seconds: this.options.recordingSeconds ?? 2 }), contentType: 'audio/wav' };
  }

  private say(text: string): void {
    this.options.onLine?.(text);
  }
}
