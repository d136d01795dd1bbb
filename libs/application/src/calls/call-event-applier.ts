import {
  EscalationAction,
  EscalationContext,
  EscalationEvent,
  EscalationState,
  onEscalationEvent,
  updateCallTimeline,
} from '@dutyline/domain';
import { CallInstruction } from './call-instruction';
import { CallInstructionRenderer, replay } from './call-instruction-renderer';
import { CallEventRecord } from './ports';
import { StoredCall } from './stored-call';

/** A call after one event: the call, the reply the event gets, and whether anything is to be stored. */
export interface AppliedEvent {
  readonly next: StoredCall;
  readonly instruction: CallInstruction;
  readonly changed: boolean;
  /** Whether this event took its `claim` (false: absent, or taken before). */
  readonly claimed: boolean;
}

const NO_ACTION: EscalationAction = { type: 'none' };

/**
 * Decides what a carrier event does to a call: what it means under the call's plan, the escalation's
 * next state and action, the timeline. The same event applied again changes nothing and gets the reply
 * it got the first time; a stale one gets nothing.
 */
export class CallEventApplier {
  constructor(
    private readonly renderer: CallInstructionRenderer,
    private readonly machineDetection: boolean,
  ) {}

  /**
   * The call after the event `record`, the reply it gets, and whether anything is to be stored;
   * `context` names the persons at their cap on simultaneous calls (not rung).
   */
  applied(before: StoredCall, record: CallEventRecord, context: EscalationContext = {}): AppliedEvent {
    const event = this.meaningOf(record, before.state);
    const { state, action } = event
      ? onEscalationEvent(before.state, event, context)
      : { state: before.state, action: NO_ACTION };
    const timeline = record.fact
      ? updateCallTimeline(before.timeline, { before: before.state, after: state, fact: record.fact })
      : before.timeline;
    const moved = action.type !== 'none';
    const claims = before.claims ?? [];
    const claimed = record.claim !== undefined && !claims.includes(record.claim);
    const after: StoredCall = {
      ...before,
      state,
      timeline,
      ...(claimed ? { claims: [...claims, record.claim!] } : {}),
    };
    const instruction = moved
      ? this.renderer.render({ call: after, previous: before.state, action, greeting: null })
      : replay(before, record.key);
    const changed = claimed || state !== before.state || JSON.stringify(timeline) !== JSON.stringify(before.timeline);
    return {
      next: { ...after, lastReply: moved ? { key: record.key, instruction } : before.lastReply },
      instruction,
      changed,
      claimed,
    };
  }

  private meaningOf(record: CallEventRecord, state: EscalationState): EscalationEvent | null {
    if (record.unless === 'awaiting-verdict' && this.machineDetection && !state.plan.requireAnswerConfirmation)
      return null;
    if (record.unless === 'confirmation-required' && state.plan.requireAnswerConfirmation) return null;
    return record.change;
  }
}
