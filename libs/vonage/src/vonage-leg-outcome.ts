import { LegOutcome } from '@dutyline/domain';
import { VonageEvent, VonageInputEvent } from './vonage-webhook.parser';

/**
 * What an event means for the leg we dialled:
 * - `none`: progress only (started, ringing, human, …): reply `[]`/204, nothing changes;
 * - `outcome`: the leg has an outcome the escalation must act on (busy → next target, answered, machine, …);
 * - `ended`: the leg or call is over without a routing decision (completed, cancelled by the caller): log it.
 */
export type VonageLegDecision =
  { readonly kind: 'none' } | { readonly kind: 'outcome'; readonly outcome: LegOutcome } | { readonly kind: 'ended' };

const NONE: VonageLegDecision = { kind: 'none' };
const ENDED: VonageLegDecision = { kind: 'ended' };
const outcome = (value: LegOutcome): VonageLegDecision => ({ kind: 'outcome', outcome: value });

/** For `failed` legs, the SIP code tells more than the status: 486 is a busy phone, not a broken route. */
const FAILED_BY_SIP_CODE: Readonly<Record<number, LegOutcome>> = {
  408: 'no-answer',
  480: 'no-answer',
  486: 'busy',
  600: 'busy',
  603: 'rejected',
};

export function legDecisionFor(event: VonageEvent): VonageLegDecision {
  switch (event.kind) {
    case 'machine-detection':
      // A machine on a forwarded leg counts as not answered; a human changes nothing.
      return event.status === 'machine' ? outcome('machine') : NONE;
    case 'ncco-error':
    case 'transfer':
    case 'unrecognised':
      return NONE;
    case 'call-status':
      switch (event.status) {
        case 'started':
        case 'ringing':
        case 'input':
        case 'transfer':
          return NONE;
        case 'answered':
          return outcome('answered');
        case 'busy':
          return outcome('busy');
        case 'timeout':
        case 'unanswered':
          return outcome('no-answer');
        case 'rejected':
          return outcome('rejected');
        case 'failed':
          return outcome((event.sipCode !== null && FAILED_BY_SIP_CODE[event.sipCode]) || 'failed');
        case 'completed':
        case 'cancelled':
        case 'disconnected':
          return ENDED;
      }
  }
}

/**
 * The callee's answer to "press 1 to take this call": the accepting key confirms, no key in time is
 * `not-confirmed` (a mobile's own voicemail never presses 1), any other key declines.
 */
export function confirmationOutcome(input: VonageInputEvent, acceptKey = '1'): LegOutcome {
  if (input.digits === '') return 'not-confirmed';
  return input.digits === acceptKey ? 'confirmed' : 'declined';
}
