import { AssigneeRef, NoAnswerStepInput } from '../directory';
import { OnCall } from '../schedule/slot';
import { Instant, parseInstant } from '../shared';
import { aHotline, personRef, teamRef } from '../testing';
import { CallPlan, CallStep, callPlan, planCall } from './call-plan';
import { confirmationPrompt } from './confirmation-prompt';
import { OnCallSource } from './on-call-source';
import { alice, bob, carol, crew, directory, eve, ghosts, mute } from './routing.fixtures';

const AT = parseInstant('2027-03-28T01:30:00Z');
const onCall = (levels: AssigneeRef[], slotId: string | null = 'slot-1', overrideIds: string[] = []): OnCall => ({
  levels,
  slotId,
  overrideIds,
});
const hotlineWith = (scenario?: NoAnswerStepInput[], supervisorIds = ['dan', 'eve']) =>
  aHotline({ id: 'hl-1', name: 'Maintenance on-call', supervisorIds, scenario });

/** `Name/label@level` for on-call numbers, `Name/label@sup` for supervisors, the kind otherwise. */
const show = (step: CallStep): string => {
  if (step.kind === 'dial') return `${step.personName}/${step.label}@${step.via === 'supervisor' ? 'sup' : step.level}`;
  if (step.kind === 'voicemail') return step.greeting ? 'voicemail+greeting' : 'voicemail';
  return 'message';
};
const shown = (plan: CallPlan) => plan.steps.map(show);

describe('callPlan: who is rung, in what order', () => {
  it.each<[string, AssigneeRef[], string[]]>([
    [
      'one person: each enabled number in order, then supervisors and voicemail',
      [personRef(alice)],
      ['Alice/mobile@0', 'Alice/home@0', 'Dan/mobile@sup', 'Eve/mobile@sup', 'voicemail'],
    ],
    [
      'a disabled number in the middle is skipped',
      [personRef(carol)],
      ['Carol/mobile@0', 'Carol/abroad@0', 'Dan/mobile@sup', 'Eve/mobile@sup', 'voicemail'],
    ],
    [
      'a team expands to its members in order',
      [teamRef(crew)],
      ['Bob/mobile@0', 'Carol/mobile@0', 'Carol/abroad@0', 'Dan/mobile@sup', 'Eve/mobile@sup', 'voicemail'],
    ],
    [
      'levels in order',
      [personRef(bob), personRef(alice)],
      ['Bob/mobile@0', 'Alice/mobile@1', 'Alice/home@1', 'Dan/mobile@sup', 'Eve/mobile@sup', 'voicemail'],
    ],
    [
      'the same person on two levels is rung once, at the first',
      [personRef(carol), teamRef(crew)],
      ['Carol/mobile@0', 'Carol/abroad@0', 'Bob/mobile@1', 'Dan/mobile@sup', 'Eve/mobile@sup', 'voicemail'],
    ],
    [
      'a supervisor already on call is not rung again',
      [personRef(eve)],
      ['Eve/mobile@0', 'Dan/mobile@sup', 'voicemail'],
    ],
    [
      'unknown people and teams, and unknown team members, are skipped',
      [personRef({ id: 'nobody' }), teamRef({ id: 'no-team' }), teamRef(ghosts)],
      ['Dan/mobile@2', 'Eve/mobile@sup', 'voicemail'],
    ],
    [
      'someone with every number disabled adds nothing',
      [personRef(mute), personRef(bob)],
      ['Bob/mobile@1', 'Dan/mobile@sup', 'Eve/mobile@sup', 'voicemail'],
    ],
    ['nobody on call: straight to the scenario', [], ['Dan/mobile@sup', 'Eve/mobile@sup', 'voicemail']],
  ])('%s', (_name, levels, expected) => {
    expect(shown(callPlan({ hotline: hotlineWith(), onCall: onCall(levels), directory, at: AT }))).toEqual(expected);
  });

  it.each<[string, NoAnswerStepInput[], string[], string[]]>([
    ['voicemail without supervisors', [{ kind: 'voicemail' }], ['dan', 'eve'], ['Bob/mobile@0', 'voicemail']],
    [
      'voicemail with a greeting',
      [{ kind: 'supervisors' }, { kind: 'voicemail', greeting: { text: 'Leave a message.' } }],
      ['eve'],
      ['Bob/mobile@0', 'Eve/mobile@sup', 'voicemail+greeting'],
    ],
    [
      'a closing message',
      [{ kind: 'message', message: { text: 'Call back later.' } }],
      [],
      ['Bob/mobile@0', 'message'],
    ],
    [
      'supervisors listed but unknown or unreachable',
      [{ kind: 'supervisors' }, { kind: 'voicemail' }],
      ['nobody', 'mute'],
      ['Bob/mobile@0', 'voicemail'],
    ],
  ])('scenario: %s', (_name, scenario, supervisors, expected) => {
    expect(
      shown(
        callPlan({ hotline: hotlineWith(scenario, supervisors), onCall: onCall([personRef(bob)]), directory, at: AT }),
      ),
    ).toEqual(expected);
  });

  it('records each number with its ring timeout, label, person, team and level', () => {
    const plan = callPlan({ hotline: hotlineWith(), onCall: onCall([teamRef(crew)]), directory, at: AT });
    expect(plan.steps.slice(0, 3)).toEqual([
      {
        kind: 'dial',
        number: '+33622222222',
        label: 'mobile',
        ringTimeoutSeconds: 25,
        personId: 'bob',
        personName: 'Bob',
        via: 'on-call',
        level: 0,
        teamId: 'crew',
        maxSimultaneousCalls: 1,
      },
      {
        kind: 'dial',
        number: '+33633333333',
        label: 'mobile',
        ringTimeoutSeconds: 25,
        personId: 'carol',
        personName: 'Carol',
        via: 'on-call',
        level: 0,
        teamId: 'crew',
        maxSimultaneousCalls: 1,
      },
      {
        kind: 'dial',
        number: '+33677777777',
        label: 'abroad',
        ringTimeoutSeconds: 45,
        personId: 'carol',
        personName: 'Carol',
        via: 'on-call',
        level: 0,
        teamId: 'crew',
        maxSimultaneousCalls: 1,
      },
    ]);
    expect(plan.steps[3]).toEqual({
      kind: 'dial',
      number: '+33644444444',
      label: 'mobile',
      ringTimeoutSeconds: 25,
      personId: 'dan',
      personName: 'Dan',
      via: 'supervisor',
      level: null,
      teamId: null,
      maxSimultaneousCalls: 1,
    });
  });

  it('carries the hotline, the instant, what produced it and how to ring, as plain JSON data', () => {
    const hotline = aHotline({
      id: 'hl-2',
      name: 'IT support',
      number: '+33140000000',
      language: 'fr-FR',
      greeting: { text: 'Bonjour' },
      requireAnswerConfirmation: false,
      callerIdMode: 'caller',
      scenario: [{ kind: 'voicemail', greeting: { audioUrl: 'https://example.com/vm.mp3' } }],
    });
    const plan = callPlan({ hotline, onCall: onCall([personRef(bob)], 'slot-9', ['ov-1', 'ov-2']), directory, at: AT });
    expect(plan).toEqual({
      hotline: {
        id: 'hl-2',
        accountId: hotline.accountId,
        name: 'IT support',
        number: '+33140000000',
        language: 'fr-FR',
      },
      at: AT,
      slotId: 'slot-9',
      overrideIds: ['ov-1', 'ov-2'],
      greeting: { kind: 'text', text: 'Bonjour', language: 'fr-FR' },
      requireAnswerConfirmation: false,
      callerIdMode: 'caller',
      steps: [
        {
          kind: 'dial',
          number: '+33622222222',
          label: 'mobile',
          ringTimeoutSeconds: 25,
          personId: 'bob',
          personName: 'Bob',
          via: 'on-call',
          level: 0,
          teamId: null,
          maxSimultaneousCalls: 1,
        },
        { kind: 'voicemail', greeting: { kind: 'audio', url: 'https://example.com/vm.mp3' } },
      ],
    });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('refuses an instant that is not a whole number of milliseconds', () => {
    expect(() => callPlan({ hotline: hotlineWith(), onCall: onCall([]), directory, at: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INSTANT', field: 'at' }),
    );
  });
});

describe('planCall: the schedule at the moment of the call (F9)', () => {
  /** Answers from a fixed table of `[from, levels]`, latest `from` at or before the instant wins. */
  class TableSchedule implements OnCallSource {
    readonly asked: Instant[] = [];
    constructor(private readonly rows: [string, AssigneeRef[]][]) {}
    onCallAt(at: Instant): OnCall {
      this.asked.push(at);
      const row = this.rows.filter(([from]) => parseInstant(from) <= at).pop();
      return onCall(row ? row[1] : [], row ? `slot-from-${row[0]}` : null);
    }
  }

  it.each<[string, string, string]>([
    // zone, a call just after the clocks change, the changeover to the day person at 08:00 local
    ['Europe/Paris', '2027-03-28T01:00:00Z', '2027-03-28T06:00:00Z'],
    ['Europe/Paris', '2027-10-31T01:30:00Z', '2027-10-31T07:00:00Z'],
    ['America/New_York', '2027-03-14T07:00:00Z', '2027-03-14T12:00:00Z'],
    ['Australia/Lord_Howe', '2027-04-03T15:15:00Z', '2027-04-03T21:30:00Z'],
    ['Asia/Tokyo', '2027-03-27T17:00:00Z', '2027-03-27T23:00:00Z'],
  ])('%s: a call at %s and one at %s each follow the schedule at their own instant', (timeZone, night, changeover) => {
    const schedule = new TableSchedule([
      ['2027-01-01T00:00:00Z', [personRef(bob)]],
      [changeover, [personRef(alice)]],
    ]);
    const hotline = aHotline({ timeZone, scenario: [{ kind: 'voicemail' }] });
    const nightPlan = planCall({ hotline, schedule, directory, at: parseInstant(night) });
    const morningPlan = planCall({ hotline, schedule, directory, at: parseInstant(changeover) });
    expect(schedule.asked).toEqual([parseInstant(night), parseInstant(changeover)]);
    expect([nightPlan.at, nightPlan.slotId, shown(nightPlan)]).toEqual([
      parseInstant(night),
      'slot-from-2027-01-01T00:00:00Z',
      ['Bob/mobile@0', 'voicemail'],
    ]);
    expect([morningPlan.at, morningPlan.slotId, shown(morningPlan)]).toEqual([
      parseInstant(changeover),
      `slot-from-${changeover}`,
      ['Alice/mobile@0', 'Alice/home@0', 'voicemail'],
    ]);
  });
});

describe('confirmationPrompt (F15)', () => {
  const plan = (language: string) =>
    callPlan({
      hotline: aHotline({ name: 'Maintenance on-call', language }),
      onCall: onCall([personRef(bob)]),
      directory,
      at: AT,
    });

  it.each<[string | null, string]>([
    ['+33612345678', 'Call for Maintenance on-call from 3 3 6 1 2 3 4 5 6 7 8. Press 1 to take it.'],
    ['15551234567', 'Call for Maintenance on-call from 1 5 5 5 1 2 3 4 5 6 7. Press 1 to take it.'],
    [null, 'Call for Maintenance on-call from a withheld number. Press 1 to take it.'],
    ['', 'Call for Maintenance on-call from a withheld number. Press 1 to take it.'],
    ['anonymous', 'Call for Maintenance on-call from a withheld number. Press 1 to take it.'],
  ])('caller %p', (caller, text) => {
    expect(confirmationPrompt(plan('en-GB'), caller)).toEqual({ kind: 'text', text, language: 'en-GB' });
  });

  it("keeps the hotline's language tag", () => {
    expect(confirmationPrompt(plan('fr-FR'), null).language).toBe('fr-FR');
  });
});
