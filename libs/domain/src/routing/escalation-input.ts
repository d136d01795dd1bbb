import { LegOutcome } from '../ports/carrier.port';
import { invalid } from '../shared';
import { CallPlan, CallStep } from './call-plan';

/* What the escalation takes in, checked: a plan's shape and the carrier's events. */

/** What the carrier reported. `step` names the dial step the leg was placed for. */
export type EscalationEvent =
  | { readonly type: 'leg-outcome'; readonly step: number; readonly outcome: LegOutcome }
  | { readonly type: 'caller-hung-up' }
  | { readonly type: 'voicemail-recorded'; readonly recording: string }
  | { readonly type: 'call-completed' };

const LEG_OUTCOMES: readonly LegOutcome[] = [
  'confirmed',
  'answered',
  'busy',
  'no-answer',
  'failed',
  'rejected',
  'machine',
  'declined',
  'not-confirmed',
];

const isFinal = (step: CallStep): boolean => step.kind === 'voicemail' || step.kind === 'message';

/** A plan ends with exactly one voicemail or message step, so a caller never meets silence. */
export function checkPlan(plan: CallPlan): void {
  if (!Array.isArray(plan?.steps) || plan.steps.length === 0)
    invalid('INVALID_PLAN', 'plan.steps', 'a call plan needs steps');
  plan.steps.forEach((step, i) => {
    const field = `plan.steps[${i}]`;
    if (step?.kind !== 'dial' && step?.kind !== 'voicemail' && step?.kind !== 'message') {
      invalid('INVALID_PLAN', `${field}.kind`, `"${step?.kind}" is not one of dial, voicemail, message`);
    }
    if (isFinal(step) !== (i === plan.steps.length - 1)) {
      invalid('INVALID_PLAN', field, 'a call plan ends with exactly one voicemail or message step, and has no other');
    }
  });
}

export function checkEvent(event: EscalationEvent): void {
  switch (event?.type) {
    case 'leg-outcome':
      if (!Number.isSafeInteger(event.step) || event.step < 0)
        invalid('INVALID_EVENT', 'event.step', 'a step is a whole number from 0');
      if (!LEG_OUTCOMES.includes(event.outcome)) {
        invalid('INVALID_EVENT', 'event.outcome', `"${event.outcome}" is not one of ${LEG_OUTCOMES.join(', ')}`);
      }
      return;
    case 'voicemail-recorded':
      if (typeof event.recording !== 'string' || event.recording.trim() === '') {
        invalid('INVALID_EVENT', 'event.recording', 'a recorded voicemail names its recording');
      }
      return;
    case 'caller-hung-up':
    case 'call-completed':
      return;
    default:
      invalid('INVALID_EVENT', 'event.type', `"${(event as { type?: unknown })?.type}" is not a call event`);
  }
}
