import { callEventPayload, inputEventPayload, machineEventPayload } from './testing';
import { confirmationOutcome, legDecisionFor } from './vonage-leg-outcome';
import { parseEventWebhook, parseInputWebhook } from './vonage-webhook.parser';

const decisionFor = (payload: Record<string, unknown>) => legDecisionFor(parseEventWebhook(payload));

describe('legDecisionFor: Vonage statuses → the domain LegOutcome', () => {
  it.each([
    // status, detail, sip_code → outcome
    ['answered', undefined, undefined, 'answered'],
    ['busy', undefined, 486, 'busy'],
    ['timeout', undefined, undefined, 'no-answer'],
    ['unanswered', 'unavailable', 480, 'no-answer'],
    ['unanswered', 'timeout', undefined, 'no-answer'],
    ['unanswered', 'carrier_timeout', undefined, 'no-answer'],
    ['rejected', 'declined', 603, 'rejected'],
    ['rejected', 'invalid_number', 404, 'rejected'],
    ['rejected', 'restricted', undefined, 'rejected'],
    ['failed', 'cannot_route', undefined, 'failed'],
    ['failed', 'number_out_of_service', 404, 'failed'],
    ['failed', 'internal_error', 500, 'failed'],
    ['failed', undefined, 486, 'busy'],
    ['failed', undefined, 600, 'busy'],
    ['failed', undefined, 480, 'no-answer'],
    ['failed', undefined, 408, 'no-answer'],
    ['failed', undefined, 603, 'rejected'],
    ['machine', undefined, undefined, 'machine'],
  ])('%s (detail %s, SIP %s) → %s', (status, detail, sipCode, outcome) => {
    expect(decisionFor(callEventPayload(status, { detail, sip_code: sipCode }))).toEqual({ kind: 'outcome', outcome });
  });

  it.each([['started'], ['ringing'], ['human'], ['input'], ['transfer'], ['a-status-from-the-future']])(
    '%s → nothing to do',
    (status) => {
      expect(decisionFor(callEventPayload(status))).toEqual({ kind: 'none' });
    },
  );

  it.each([['completed'], ['cancelled'], ['disconnected']])(
    '%s → the leg ended without a routing decision',
    (status) => {
      expect(decisionFor(callEventPayload(status))).toEqual({ kind: 'ended' });
    },
  );

  it.each([
    [machineEventPayload('machine'), { kind: 'outcome', outcome: 'machine' }],
    [machineEventPayload('machine', { sub_state: 'beep_start' }), { kind: 'outcome', outcome: 'machine' }],
    [machineEventPayload('machine', { sub_state: 'beep_timeout' }), { kind: 'outcome', outcome: 'machine' }],
    [machineEventPayload('human'), { kind: 'none' }],
  ])('machine detection %j → %j (a machine counts as not answered)', (payload, decision) => {
    expect(decisionFor(payload)).toEqual(decision);
  });

  it.each([
    [{ reason: 'Invalid NCCO.', conversation_uuid: 'CON-1' }],
    [{ uuid: 'leg-1', conversation_uuid_from: 'CON-1', conversation_uuid_to: 'CON-2' }],
  ])('NCCO errors and transfers need no routing decision (%j)', (payload) => {
    expect(decisionFor(payload)).toEqual({ kind: 'none' });
  });

  it('gives the same decision for the same event delivered twice', () => {
    const busy = callEventPayload('busy');

    expect(decisionFor(busy)).toEqual(decisionFor({ ...busy }));
  });
});

describe('confirmationOutcome: "press 1 to take this call"', () => {
  it.each([
    ['1', 'confirmed'],
    ['', 'not-confirmed'],
    ['2', 'declined'],
    ['#', 'declined'],
  ])('key %p → %s', (digits, outcome) => {
    expect(confirmationOutcome(parseInputWebhook(inputEventPayload(digits)))).toBe(outcome);
  });

  it('accepts another key when told', () => {
    expect(confirmationOutcome(parseInputWebhook(inputEventPayload('5')), '5')).toBe('confirmed');
  });
});
