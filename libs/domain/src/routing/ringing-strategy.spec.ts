import { AssigneeRef, RingingStrategy, directoryOf, hotline } from '../directory';
import { ScheduleIndex } from '../schedule/schedule-index';
import { LocalDateTime, TimeZone, ValidationError, parseInstant } from '../shared';
import { aHotline, aTeam, aSlot, personRef, teamRef } from '../testing';
import { CallPlan, LevelRotation, callPlan, planCall } from './call-plan';
import { alice, bob, carol, dan, eve, mute } from './routing.fixtures';

const AT = parseInstant('2026-03-29T01:30:00Z');
const trio = aTeam([alice, bob, carol], { id: 'trio', name: 'Trio' });
const duo = aTeam([bob, mute, carol], { id: 'duo', name: 'Duo with a mute member' });
const directory = directoryOf([alice, bob, carol, dan, eve, mute], [trio, duo]);

/** `Name/label@level` for on-call numbers (`*g` when grouped), `Name@sup` for supervisors, the kind otherwise. */
const shown = (plan: CallPlan): string[] =>
  plan.steps.map((step) => {
    if (step.kind !== 'dial') return step.kind;
    if (step.via === 'supervisor') return `${step.personName}@sup`;
    return `${step.personName}/${step.label}@${step.level}${step.group === undefined ? '' : `*g${step.group}`}`;
  });

const plan = (levels: AssigneeRef[], strategies: RingingStrategy[], rotation?: LevelRotation) =>
  shown(
    callPlan({
      hotline: aHotline({ id: 'hl-strategies', supervisorIds: ['dan'], levelStrategies: strategies }),
      onCall: { levels, slotId: 'slot-1', overrideIds: [] },
      directory,
      at: AT,
      rotation,
    }),
  );

describe('ringing strategies per level (F26)', () => {
  it.each<[string, AssigneeRef[], RingingStrategy[], LevelRotation | undefined, string[]]>([
    [
      'no strategies: every level in order, no groups',
      [teamRef(trio)],
      [],
      { 0: 2 },
      ['Alice/mobile@0', 'Alice/home@0', 'Bob/mobile@0', 'Carol/mobile@0', 'Carol/abroad@0', 'Dan@sup', 'voicemail'],
    ],
    [
      'balanced, counter 0: the first person first',
      [teamRef(trio)],
      ['balanced'],
      { 0: 0 },
      ['Alice/mobile@0', 'Alice/home@0', 'Bob/mobile@0', 'Carol/mobile@0', 'Carol/abroad@0', 'Dan@sup', 'voicemail'],
    ],
    [
      'balanced, counter 1: the second person first, the first last',
      [teamRef(trio)],
      ['balanced'],
      { 0: 1 },
      ['Bob/mobile@0', 'Carol/mobile@0', 'Carol/abroad@0', 'Alice/mobile@0', 'Alice/home@0', 'Dan@sup', 'voicemail'],
    ],
    [
      'balanced, counter 5 of 3 people: the third first (5 mod 3)',
      [teamRef(trio)],
      ['balanced'],
      { 0: 5 },
      ['Carol/mobile@0', 'Carol/abroad@0', 'Alice/mobile@0', 'Alice/home@0', 'Bob/mobile@0', 'Dan@sup', 'voicemail'],
    ],
    [
      'balanced without a counter: the first person first',
      [teamRef(trio)],
      ['balanced'],
      undefined,
      ['Alice/mobile@0', 'Alice/home@0', 'Bob/mobile@0', 'Carol/mobile@0', 'Carol/abroad@0', 'Dan@sup', 'voicemail'],
    ],
    [
      'balanced counts only the people the level can ring (a member with every number off is left out)',
      [teamRef(duo)],
      ['balanced'],
      { 0: 1 },
      ['Carol/mobile@0', 'Carol/abroad@0', 'Bob/mobile@0', 'Dan@sup', 'voicemail'],
    ],
    [
      'balanced counts only people not already rung at an earlier level',
      [personRef(bob), teamRef(trio)],
      ['in-order', 'balanced'],
      { 1: 1 },
      ['Bob/mobile@0', 'Carol/mobile@1', 'Carol/abroad@1', 'Alice/mobile@1', 'Alice/home@1', 'Dan@sup', 'voicemail'],
    ],
    [
      'a counter for an in-order level changes nothing',
      [teamRef(trio)],
      ['in-order'],
      { 0: 1 },
      ['Alice/mobile@0', 'Alice/home@0', 'Bob/mobile@0', 'Carol/mobile@0', 'Carol/abroad@0', 'Dan@sup', 'voicemail'],
    ],
    [
      'all at once: every enabled number of the level in one group, supervisors never grouped',
      [teamRef(trio)],
      ['all-at-once'],
      undefined,
      [
        'Alice/mobile@0*g0',
        'Alice/home@0*g0',
        'Bob/mobile@0*g0',
        'Carol/mobile@0*g0',
        'Carol/abroad@0*g0',
        'Dan@sup',
        'voicemail',
      ],
    ],
    [
      'one strategy per level; levels past the list in order',
      [teamRef(duo), personRef(alice), personRef(eve)],
      ['all-at-once', 'balanced'],
      { 1: 7 },
      [
        'Bob/mobile@0*g0',
        'Carol/mobile@0*g0',
        'Carol/abroad@0*g0',
        'Alice/mobile@1',
        'Alice/home@1',
        'Eve/mobile@2',
        'Dan@sup',
        'voicemail',
      ],
    ],
  ])('%s', (_name, levels, strategies, rotation, expected) => {
    expect(plan(levels, strategies, rotation)).toEqual(expected);
  });

  it('a negative or fractional counter is taken as its place in the round, or 0', () => {
    expect(plan([teamRef(trio)], ['balanced'], { 0: -1 })[0]).toBe('Carol/mobile@0');
    expect(plan([teamRef(trio)], ['balanced'], { 0: 1.5 })[0]).toBe('Alice/mobile@0');
  });

  it('successive counters give each person of the level the first ring in turn', () => {
    const firsts = [0, 1, 2, 3, 4, 5].map((counter) => plan([teamRef(trio)], ['balanced'], { 0: counter })[0]);
    expect(firsts).toEqual([
      'Alice/mobile@0',
      'Bob/mobile@0',
      'Carol/mobile@0',
      'Alice/mobile@0',
      'Bob/mobile@0',
      'Carol/mobile@0',
    ]);
  });

  it.each([
    // the nights the clocks change in Paris: a slot across the change, a call in the skipped/repeated hour
    ['2026-03-28T20:00', '2026-03-29T08:00', '2026-03-29T00:30:00Z'],
    ['2026-10-24T20:00', '2026-10-25T08:00', '2026-10-25T00:30:00Z'],
    ['2026-10-24T20:00', '2026-10-25T08:00', '2026-10-25T01:30:00Z'],
  ])('Europe/Paris, slot %s to %s: a call at %s rotates the team on duty', (start, end, call) => {
    const zone = TimeZone.of('Europe/Paris');
    const at = parseInstant(call);
    const index = ScheduleIndex.build(zone, [aSlot('hl-dst', { start, end, assignees: [teamRef(trio)] })], []);
    const hotline = aHotline({ id: 'hl-dst', levelStrategies: ['balanced'], scenario: [{ kind: 'voicemail' }] });
    const steps = planCall({ hotline, schedule: index, directory, at, rotation: { 0: 2 } });
    expect(zone.toInstant(LocalDateTime.parse(start)) <= at).toBe(true);
    expect(shown(steps)).toEqual([
      'Carol/mobile@0',
      'Carol/abroad@0',
      'Alice/mobile@0',
      'Alice/home@0',
      'Bob/mobile@0',
      'voicemail',
    ]);
  });
});

describe('hotline levelStrategies', () => {
  const base = { id: 'hl', accountId: 'acc', name: 'Line', number: '+33140000000', timeZone: 'Europe/Paris' };

  it('defaults to none: every level in order', () => {
    expect(hotline(base).levelStrategies).toEqual([]);
  });

  it('keeps the strategies in level order', () => {
    expect(hotline({ ...base, levelStrategies: ['balanced', 'in-order', 'all-at-once'] }).levelStrategies).toEqual([
      'balanced',
      'in-order',
      'all-at-once',
    ]);
  });

  it('refuses an unknown strategy, naming its level', () => {
    const attempt = () => hotline({ ...base, levelStrategies: ['balanced', 'in-order', 'random'] });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'levelStrategies[2]', code: 'INVALID_RINGING_STRATEGY' }));
  });
});
