import { CallLeg, CallRecord, parseInstant } from '@dutyline/domain';

type LegFacts = Pick<CallLeg, 'step' | 'personId' | 'personName' | 'number' | 'via' | 'outcome'>;

const leg = ({ step, personId, personName, number, via, outcome }: LegFacts): CallLeg => {
  const startedAt = parseInstant('2027-03-28T01:14:00Z') + step * 20_000;
  return {
    step,
    personId,
    personName,
    number,
    label: 'mobile',
    via,
    level: via === 'on-call' ? step : null,
    teamId: null,
    startedAt,
    answeredAt: null,
    endedAt: startedAt + 20_000,
    ringSeconds: 20,
    outcome,
    detail: null,
    sipCode: null,
  };
};

/**
 * A call to "Maintenance on-call" on the night clocks go forward in Paris (01:15 UTC is 03:15 CEST):
 * alice (on duty) did not answer, bob (on duty, level 2) was busy, the boss (supervisor) did not
 * answer, and the caller left a voicemail.
 */
export function aVoicemailCall(overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'call-1',
    accountId: 'acct-test',
    hotlineId: 'hl',
    hotlineName: 'Maintenance on-call',
    hotlineNumber: '+33140000000',
    carrier: 'vonage',
    carrierCallId: 'CON-1',
    caller: '+33698765432',
    planSource: 'schedule',
    startedAt: parseInstant('2027-03-28T01:15:00Z'),
    answeredAt: null,
    endedAt: parseInstant('2027-03-28T01:17:00Z'),
    outcome: 'voicemail',
    answeredBy: null,
    timeToAnswerSeconds: null,
    durationSeconds: 120,
    voicemailRecording: 'https://api.nexmo.com/v1/files/rec-1',
    legs: [
      leg({
        step: 0,
        personId: 'alice',
        personName: 'Alice Martin',
        number: '+33612345678',
        via: 'on-call',
        outcome: 'no-answer',
      }),
      leg({
        step: 1,
        personId: 'bob',
        personName: 'Bob Durand',
        number: '+33687654321',
        via: 'on-call',
        outcome: 'busy',
      }),
      leg({
        step: 2,
        personId: 'boss',
        personName: 'Claire Boss',
        number: '+33611112222',
        via: 'supervisor',
        outcome: 'no-answer',
      }),
    ],
    comments: [],
    ...overrides,
  };
}
