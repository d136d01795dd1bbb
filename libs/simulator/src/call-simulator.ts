import { Clock, Instant, invalid } from '@dutyline/domain';
import { InboundCalls } from './inbound-calls';
import { SimulatedCall, SimulatorLine, SimulatorLineOptions, TranscriptLine, formatTranscript } from './simulated-call';

/**
 * What happens on the network, in order, each time the simulated call needs a decision:
 * for a ringing leg `busy`, `no-answer`, `failed`, `rejected`, `machine`, `answer` (picks up and
 * confirms), `decline` (picks up and presses another key), `no-confirm` (picks up, presses nothing),
 * `hangup` (the caller gives up); for the voicemail `record` or `hangup`.
 */
export type ScriptedOutcome =
  'busy' | 'no-answer' | 'failed' | 'rejected' | 'machine' | 'answer' | 'decline' | 'no-confirm' | 'record' | 'hangup';

const RING_OUTCOMES: readonly ScriptedOutcome[] = [
  'busy',
  'no-answer',
  'failed',
  'rejected',
  'machine',
  'answer',
  'decline',
  'no-confirm',
  'hangup',
];
const VOICEMAIL_OUTCOMES: readonly ScriptedOutcome[] = ['record', 'hangup'];
export const SCRIPTED_OUTCOMES: readonly ScriptedOutcome[] = [...RING_OUTCOMES, 'record'];

/** `busy,no-answer,answer` (or a list) → outcomes; an unknown word is refused at `outcomes[i]`. */
export function parseOutcomes(input: string | readonly string[], field = 'outcomes'): ScriptedOutcome[] {
  const words =
    typeof input === 'string'
      ? input
          .split(',')
          .map((w) => w.trim())
          .filter((w) => w !== '')
      : input;
  return words.map((word, i) => {
    if (!SCRIPTED_OUTCOMES.includes(word as ScriptedOutcome)) {
      invalid('INVALID_OUTCOME', `${field}[${i}]`, `"${word}" is not one of ${SCRIPTED_OUTCOMES.join(', ')}`);
    }
    return word as ScriptedOutcome;
  });
}

export interface SimulationRequest {
  /** The hotline number called. */
  readonly to: string;
  /** The caller; null for a withheld number. */
  readonly from: string | null;
  /** When outcomes run out, rings go unanswered and a voicemail caller hangs up without a message. */
  readonly outcomes: readonly ScriptedOutcome[];
  /** @defaultValue the clock's instant */
  readonly at?: Instant;
  /** How long a connected caller talks before hanging up. @defaultValue 60 */
  readonly talkSeconds?: number;
  /** What the caller keys at each menu or keyed number, in order (`''`: nothing); run out: nothing. @defaultValue none */
  readonly keys?: readonly string[];
}

export interface SimulationResult {
  readonly callId: string | null;
  /** `answered by Alice (mobile, level 1) after 9 s`, `voicemail recorded (…)`, … */
  readonly outcome: string;
  readonly durationSeconds: number;
  /** The service left the caller with nothing to hear at some point: a defect. */
  readonly silence: boolean;
  /** Outcomes of the script not used. */
  readonly unusedOutcomes: readonly ScriptedOutcome[];
  readonly transcript: readonly TranscriptLine[];
  /** The transcript as printable text, ending with the outcome. */
  readonly text: string;
}

/** At most this many decisions in one simulated call: a script can never loop forever. */
const MAX_DECISIONS = 200;

/**
 * Runs a whole call on the inbound call service — the very one the carriers drive — with scripted
 * outcomes per dialled leg, and tells step by step who was rung, at which number, for how long, what
 * happened and what came next (F24; `npm run call`, GraphQL `simulateCall`).
 */
export class CallSimulator {
  private readonly line: SimulatorLine;

  constructor(inbound: InboundCalls, clock: Clock, options: SimulatorLineOptions = {}) {
    this.line = new SimulatorLine(inbound, clock, options);
  }

  async run(request: SimulationRequest): Promise<SimulationResult> {
    const script = new Script(request.outcomes);
    const keys = [...(request.keys ?? [])];
    const call = await this.line.placeCall({ to: request.to, from: request.from, at: request.at });
    let silence = false;
    for (let decisions = 0; call.status !== 'over' && decisions < MAX_DECISIONS; decisions++) {
      switch (call.status) {
        case 'menu': {
          const digits = keys.shift() || null;
          call.wait(digits ? 3 : (call.menu?.timeoutSeconds ?? 5));
          await call.keyIn(digits);
          break;
        }
        case 'ringing':
          await this.ring(call, script.next(RING_OUTCOMES, 'no-answer', 'a ringing leg'));
          break;
        case 'voicemail':
          if (script.next(VOICEMAIL_OUTCOMES, 'hangup', 'the voicemail') === 'record') {
            call.wait(20);
            await call.recorded();
          }
          call.wait(1);
          await call.hangUp();
          break;
        case 'connected':
          call.wait(request.talkSeconds ?? 60);
          await call.hangUp();
          break;
        case 'message':
          call.wait(6);
          await call.hangUp();
          break;
        case 'silent':
          silence = true;
          call.wait(10);
          await call.hangUp();
          break;
        case 'picked-up':
        case 'announcing':
          // A ring outcome always settles the leg; reaching here means the service ignored it.
          silence = true;
          await call.hangUp();
          break;
      }
    }
    const durationSeconds = call.elapsedSeconds;
    const outcome = call.outcome;
    const text = `${formatTranscript(call.transcript)}\nOutcome: ${outcome}; the call lasted ${durationSeconds} s.`;
    return {
      callId: call.callId,
      outcome,
      durationSeconds,
      silence,
      unusedOutcomes: script.rest(),
      transcript: call.transcript,
      text,
    };
  }

  /** Plays one scripted outcome on the leg that rings. */
  private async ring(call: SimulatedCall, outcome: ScriptedOutcome): Promise<void> {
    const leg = call.leg!;
    switch (outcome) {
      case 'busy':
        call.wait(2);
        await call.legEnds('busy');
        return;
      case 'failed':
        call.wait(1);
        await call.legEnds('failed');
        return;
      case 'rejected':
        call.wait(4);
        await call.legEnds('rejected');
        return;
      case 'no-answer':
        call.wait(call.secondsLeftToRing(leg));
        await call.legEnds('no-answer');
        return;
      case 'hangup':
        call.wait(5);
        await call.hangUp();
        return;
      case 'machine':
        call.wait(8);
        await call.pickUp();
        await this.afterMachinePickUp(call);
        return;
      case 'answer':
        call.wait(6);
        await call.pickUp();
        if (call.status === 'announcing') {
          call.wait(3);
          await call.pressKeys('1');
        } else if (call.status === 'picked-up') {
          call.wait(2);
          await call.humanDetected();
        }
        return;
      case 'decline':
        call.wait(6);
        if (!leg.confirm) {
          await call.legEnds('rejected');
          return;
        }
        await call.pickUp();
        call.wait(2);
        if (call.status === 'announcing') await call.pressKeys('2');
        return;
      case 'no-confirm':
        call.wait(6);
        await call.pickUp();
        if (call.status === 'announcing') {
          call.wait(5);
          await call.noKey();
        } else if (call.status === 'picked-up') {
          await call.humanDetected();
        }
        return;
      default:
        throw new Error(`${outcome} is not a ring outcome`); // Script.next rules this out
    }
  }

  /** An answering machine took the leg: detection reports it, or it never presses 1, or it takes the call. */
  private async afterMachinePickUp(call: SimulatedCall): Promise<void> {
    const leg = call.leg!;
    if (leg.machineDetection && (call.status === 'picked-up' || call.status === 'announcing')) {
      call.wait(3);
      await call.legEnds('machine');
    } else if (call.status === 'announcing') {
      call.wait(10);
      await call.noKey();
    }
    if (call.status === 'connected') {
      // Without confirmation or detection nothing tells a machine from a person (F15).
      call.note(
        '  The caller is now talking to an answering machine: require confirmation or turn on machine detection',
      );
      call.outcome = `${call.outcome}, but by an answering machine`;
    }
  }
}

/** The outcomes still to play, checked against what the call needs. */
class Script {
  private index = 0;

  constructor(private readonly outcomes: readonly ScriptedOutcome[]) {}

  next(allowed: readonly ScriptedOutcome[], otherwise: ScriptedOutcome, what: string): ScriptedOutcome {
    const outcome = this.outcomes[this.index];
    if (outcome === undefined) return otherwise;
    if (!allowed.includes(outcome)) {
      invalid(
        'INVALID_OUTCOME',
        `outcomes[${this.index}]`,
        `"${outcome}" does not apply to ${what}: use one of ${allowed.join(', ')}`,
      );
    }
    this.index += 1;
    return outcome;
  }

  rest(): ScriptedOutcome[] {
    return this.outcomes.slice(this.index);
  }
}
