import { Clock, Instant } from '@dutyline/domain';
import { CallInstruction, EndedLegOutcome, InboundCalls } from './inbound-calls';
import { NetworkAction, describeAction, networkActionsFor } from './network-action';

/** One line of a simulated call's transcript. */
export interface TranscriptLine {
  readonly at: Instant;
  /** Seconds since the call arrived. */
  readonly offsetSeconds: number;
  readonly text: string;
}

/**
 * Where the simulated call stands, as the network sees it:
 * `menu` (the caller hears a menu or is asked to key a number), `ringing` (a leg rings), `picked-up` (the leg answered, machine detection has not spoken yet),
 * `announcing` (the callee hears "press 1"), `connected`, `voicemail`, `message`, `silent` (the
 * service left the caller with nothing to hear: a defect), `over`.
 */
export type SimulatedCallStatus =
  'menu' | 'ringing' | 'picked-up' | 'announcing' | 'connected' | 'voicemail' | 'message' | 'silent' | 'over';

type RingAction = Extract<NetworkAction, { action: 'ring' }>;
type GatherAction = Extract<NetworkAction, { action: 'gather' }>;

export interface SimulatorLineOptions {
  /** The carrier name calls are logged under. @defaultValue 'simulator' */
  readonly carrier?: string;
  /** Receives each transcript line as it happens (the command line prints them). */
  readonly onLine?: (line: TranscriptLine) => void;
}

/**
 * The simulator's telephone line: places inbound calls on the inbound call service and delivers the
 * network's events for them, one at a time, as a carrier's webhooks would. Time is simulated: it
 * starts at the clock's instant and moves only with `wait`.
 */
export class SimulatorLine {
  private placed = 0;

  constructor(
    private readonly inbound: InboundCalls,
    private readonly clock: Clock,
    private readonly options: SimulatorLineOptions = {},
  ) {}

  /** A call from `from` (null: withheld) to the number `to` arrives. */
  async placeCall(input: {
    readonly to: string;
    readonly from: string | null;
    readonly at?: Instant;
    readonly carrierCallId?: string;
  }): Promise<SimulatedCall> {
    this.placed += 1;
    const call = new SimulatedCall(this.inbound, {
      carrier: this.options.carrier ?? 'simulator',
      carrierCallId: input.carrierCallId ?? `sim-call-${input.at ?? this.clock.now()}-${this.placed}`,
      to: input.to,
      from: input.from,
      start: input.at ?? this.clock.now(),
      onLine: this.options.onLine,
    });
    await call.arrive();
    return call;
  }
}

interface SimulatedCallSettings {
  readonly carrier: string;
  readonly carrierCallId: string;
  readonly to: string;
  readonly from: string | null;
  readonly start: Instant;
  readonly onLine?: (line: TranscriptLine) => void;
}

/**
 * One simulated call. Each method is an event of the network, sent to the inbound call service the
 * way a carrier adapter would (with the call id and step the last instruction carried); it returns
 * the network actions the reply stands for, and writes them to the transcript.
 */
export class SimulatedCall {
  readonly transcript: TranscriptLine[] = [];
  status: SimulatedCallStatus = 'ringing';
  /** The call id the service gave; null when it opened none (unknown number). */
  callId: string | null = null;
  /** The leg rung last (of a group ringing together: the next one the script plays). */
  leg: RingAction | null = null;
  /** The legs ringing now: one, or a group rung together (F26). */
  ringing: RingAction[] = [];
  /** The menu the caller hears, while `status` is `menu`. */
  menu: GatherAction | null = null;
  /** What the network did on the last event. */
  lastActions: NetworkAction[] = [];
  /** How the call went, in a sentence, once known. */
  outcome = 'in progress';
  private elapsedMs = 0;
  /** When each ringing leg started to ring, by step. */
  private readonly ringStartedMs = new Map<number, number>();
  private lastEvent: (() => Promise<CallInstruction>) | null = null;
  private readonly settings: SimulatedCallSettings;

  constructor(
    private readonly inbound: InboundCalls,
    settings: SimulatedCallSettings,
  ) {
    this.settings = settings;
  }

  get carrierCallId(): string {
    return this.settings.carrierCallId;
  }

  get elapsedSeconds(): number {
    return this.elapsedMs / 1000;
  }

  /** Simulated time passes. */
  wait(seconds: number): void {
    this.elapsedMs += Math.round(seconds * 1000);
  }

  /** How long `leg` still rings before its ring timeout (legs of a group ring together). */
  secondsLeftToRing(leg: RingAction): number {
    const started = this.ringStartedMs.get(leg.step) ?? this.elapsedMs;
    return Math.max(0, leg.ringTimeoutSeconds - (this.elapsedMs - started) / 1000);
  }

  /** The call reaches the hotline number. */
  async arrive(): Promise<NetworkAction[]> {
    const { to, from, carrier, carrierCallId } = this.settings;
    this.say(`Incoming call from ${from ?? 'a withheld number'} to ${to}`);
    const at = this.now();
    return this.send(() => this.inbound.answer({ carrier, hotlineNumber: to, caller: from, carrierCallId, at }), true);
  }

  /** The caller keys `digits` at the menu; null: lets it time out. */
  keyIn(digits: string | null): Promise<NetworkAction[]> {
    const menu = this.menu;
    if (!menu) throw new Error('no menu to key in: none was played');
    this.say(digits ? `Caller keys ${digits}` : 'Caller keys nothing');
    const { to, from, carrier, carrierCallId } = this.settings;
    const at = this.now();
    const keys = { carrier, hotlineNumber: to, caller: from, carrierCallId, stage: menu.stage, at };
    return this.send(() => this.inbound.keys({ ...keys, digits: digits ?? '', timedOut: !digits }), true);
  }

  /** The leg rung last picks up; when it must confirm, the callee hears the announcement. */
  async pickUp(): Promise<NetworkAction[]> {
    const leg = this.requireLeg('pick up');
    this.say(`${leg.who} picks up`);
    const at = this.now();
    const actions = await this.send(
      () => this.inbound.legAnswered({ ...this.ref(leg), at, carrierLegId: legIdOf(leg) }),
      false,
    );
    if (this.status !== 'ringing') return actions;
    if (!leg.confirm) {
      this.status = 'picked-up';
      return actions;
    }
    const prompt = await this.inbound.calleePrompt(this.ref(leg));
    return [...actions, ...this.follow(prompt, false)];
  }

  /** Machine detection says a person answered the leg. */
  humanDetected(): Promise<NetworkAction[]> {
    const leg = this.requireLeg('detect a human on');
    this.say(`Machine detection: a person answered ${leg.who}`);
    const at = this.now();
    return this.send(() => this.inbound.humanAnswered({ ...this.ref(leg), at, carrierLegId: legIdOf(leg) }), false);
  }

  /** The leg rung last ends without taking the call. */
  legEnds(outcome: EndedLegOutcome): Promise<NetworkAction[]> {
    const leg = this.requireLeg('end');
    this.stopRinging(leg.step);
    this.say(`${leg.who}: ${outcome === 'machine' ? 'an answering machine (detected)' : outcome}`);
    const at = this.now();
    return this.send(() => this.inbound.legEnded({ ...this.ref(leg), outcome, at, carrierLegId: legIdOf(leg) }), true);
  }

  /** The callee keys `digits` after the announcement. */
  pressKeys(digits: string): Promise<NetworkAction[]> {
    const leg = this.requireLeg('press keys on');
    this.say(`${leg.who} presses ${digits}`);
    const at = this.now();
    return this.send(() => this.inbound.confirmation({ ...this.ref(leg), digits, at }), true);
  }

  /** The callee lets the announcement time out. */
  noKey(): Promise<NetworkAction[]> {
    const leg = this.requireLeg('time out on');
    this.say(`${leg.who}: no key pressed`);
    const at = this.now();
    return this.send(() => this.inbound.confirmation({ ...this.ref(leg), digits: '', timedOut: true, at }), true);
  }

  /** The caller's voicemail was recorded. */
  async recorded(reference = `sim-rec-${this.callId ?? this.carrierCallId}`): Promise<NetworkAction[]> {
    this.say(`Voicemail recorded: ${reference}`);
    this.outcome = `voicemail recorded (${reference})`;
    const callId = this.requireCallId();
    const at = this.now();
    return this.send(() => this.inbound.recording({ callId, reference, at }), false);
  }

  /** The caller hangs up. */
  async hangUp(): Promise<NetworkAction[]> {
    this.say('Caller hangs up');
    if (this.status === 'ringing' || this.status === 'picked-up' || this.status === 'announcing') {
      this.outcome = `caller hung up while ${this.leg?.who ?? 'the line'} rang`;
    } else if (this.status === 'voicemail' && !this.outcome.startsWith('voicemail recorded')) {
      this.outcome = 'caller hung up without leaving a voicemail';
    }
    this.status = 'over';
    if (this.callId === null) return [];
    const callId = this.callId;
    const at = this.now();
    const durationSeconds = Math.round(this.elapsedSeconds);
    return this.send(() => this.inbound.callEnded({ callId, at, durationSeconds }), false);
  }

  /** Writes a remark in the transcript. */
  note(text: string): void {
    this.say(text);
  }

  /** Delivers the last event again, unchanged, as a carrier retrying its webhook; returns the reply's actions. */
  async redeliver(): Promise<NetworkAction[]> {
    if (!this.lastEvent) throw new Error('no event to deliver again');
    this.say('(the network delivers the last event again)');
    const reply = await this.lastEvent();
    const actions = networkActionsFor(reply);
    for (const action of actions) this.say(`  ${describeAction(action)}`);
    this.lastActions = actions;
    return actions;
  }

  private async send(event: () => Promise<CallInstruction>, callerWaits: boolean): Promise<NetworkAction[]> {
    this.lastEvent = event;
    return this.follow(await event(), callerWaits);
  }

  /** Plays the reply on the network; `callerWaits`: the caller hears nothing unless the reply says what next. */
  private follow(reply: CallInstruction, callerWaits: boolean): NetworkAction[] {
    if (this.callId === null && 'callId' in reply && reply.callId) this.callId = reply.callId;
    const actions = networkActionsFor(reply);
    if (actions.some((a) => a.action === 'ring')) this.ringing = [];
    for (const action of actions) {
      this.say(`  ${describeAction(action)}`);
      this.apply(action);
    }
    if (actions.filter((a) => a.action === 'ring').length > 1)
      this.say('  These numbers ring together: the first to take the call wins, the others are hung up');
    const stillRinging = this.ringing.length > 0 && this.status !== 'over' && this.status !== 'connected';
    if (stillRinging && !this.ringing.includes(this.leg!)) {
      // The leg the script played is gone; another of its group still rings.
      this.leg = this.ringing[0];
      this.status = 'ringing';
    }
    const othersRing = stillRinging && this.status === 'ringing';
    if (callerWaits && !othersRing && actions.every((a) => a.action === 'idle') && this.status !== 'over') {
      this.status = 'silent';
      this.outcome = 'SILENCE: the caller was left with nothing to hear';
      this.say('  The caller hears silence');
    }
    this.lastActions = actions;
    return actions;
  }

  private apply(action: NetworkAction): void {
    switch (action.action) {
      case 'gather':
        this.menu = action;
        this.status = 'menu';
        return;
      case 'ring':
        this.ringing.push(action);
        this.ringStartedMs.set(action.step, this.elapsedMs);
        this.leg = this.ringing[0];
        this.status = 'ringing';
        return;
      case 'announce':
        this.status = 'announcing';
        return;
      case 'connect':
        this.leg = this.ringing.find((leg) => leg.step === action.step) ?? this.leg;
        this.ringing = [];
        this.status = 'connected';
        this.outcome = `answered by ${this.leg?.who ?? action.number} after ${this.elapsedSeconds} s`;
        return;
      case 'record':
        this.status = 'voicemail';
        this.outcome = 'voicemail reached';
        return;
      case 'say':
        this.status = 'message';
        this.outcome = action.reason === 'unknown-number' ? 'number not in service' : 'closing message played';
        return;
      case 'hang-up-leg':
        this.stopRinging(action.step);
        return;
      case 'idle':
        return;
    }
  }

  private stopRinging(step: number): void {
    this.ringing = this.ringing.filter((leg) => leg.step !== step);
  }

  private ref(leg: RingAction) {
    return { callId: this.requireCallId(), step: leg.step, hotlineNumber: this.settings.to };
  }

  private requireLeg(what: string): RingAction {
    if (!this.leg) throw new Error(`no leg to ${what}: nothing was rung`);
    return this.leg;
  }

  private requireCallId(): string {
    if (this.callId === null) throw new Error('the service opened no call');
    return this.callId;
  }

  private now(): Instant {
    return this.settings.start + this.elapsedMs;
  }

  private say(text: string): void {
    const line = { at: this.now(), offsetSeconds: this.elapsedSeconds, text };
    this.transcript.push(line);
    this.settings.onLine?.(line);
  }
}

const legIdOf = (leg: RingAction): string => `sim-leg-${leg.step}`;

/** `[01:05] text` */
export function formatTranscript(lines: readonly TranscriptLine[]): string {
  return lines.map((line) => `[${clock(line.offsetSeconds)}] ${line.text}`).join('\n');
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
