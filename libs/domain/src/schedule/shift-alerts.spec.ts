import { directoryOf } from '../directory/team';
import { TimeZone, ValidationError, formatInstant, parseInstant } from '../shared';
import { aPerson, aSlot, aTeam, anOverride, personRef, teamRef } from '../testing';
import { ScheduleIndex } from './schedule-index';
import {
  ShiftAlertSettingsInput,
  currentDutyStart,
  dutyStarts,
  plannedShiftAlerts,
  shiftAckCheckId,
  shiftAlertSettings,
} from './shift-alerts';
import { Override, Slot } from './slot';

const H = 'hotline-sa';
const paris = TimeZone.of('Europe/Paris');
const alice = aPerson({ id: 'alice' });
const bob = aPerson({ id: 'bob' });
const carol = aPerson({ id: 'carol' });
const dave = aPerson({ id: 'dave' });
const crew = aTeam([carol, dave], { id: 'crew' });
const directory = directoryOf([alice, bob, carol, dave], [crew]);
const at = parseInstant;

const slot = (start: string, end: string, ...people: { id: string }[]): Slot =>
  aSlot(H, { start, end, assignees: people.map(personRef) });

/** `alice L0 <start> → <end>` per duty start in the range. */
function starts(slots: Slot[], overrides: Override[], range: [string, string]): string[] {
  const schedule = ScheduleIndex.build(paris, slots, overrides);
  return dutyStarts({ hotlineId: H, schedule, directory, from: at(range[0]), to: at(range[1]) }).map(
    (d) => `${d.personId} L${d.level} ${formatInstant(d.start)} → ${formatInstant(d.end)}`,
  );
}

const WIDE: [string, string] = ['2026-01-01T00:00Z', '2027-01-01T00:00Z'];

describe('dutyStarts', () => {
  it.each<[string, Slot[], Override[], string[]]>([
    [
      'a 22:00–06:00 duty the night clocks go forward (2026-03-29) lasts 7 h',
      [slot('2026-03-28T22:00', '2026-03-29T06:00', alice)],
      [],
      ['alice L0 2026-03-28T21:00:00.000Z → 2026-03-29T04:00:00.000Z'],
    ],
    [
      'a 22:00–06:00 duty the night clocks go back (2026-10-25) lasts 9 h',
      [slot('2026-10-24T22:00', '2026-10-25T06:00', alice)],
      [],
      ['alice L0 2026-10-24T20:00:00.000Z → 2026-10-25T05:00:00.000Z'],
    ],
    [
      'a duty starting in the skipped hour starts when the clocks jump',
      [slot('2026-03-29T02:30', '2026-03-29T08:00', alice)],
      [],
      ['alice L0 2026-03-29T01:00:00.000Z → 2026-03-29T06:00:00.000Z'],
    ],
    [
      'a duty starting in the repeated hour starts at its first occurrence',
      [slot('2026-10-25T02:30', '2026-10-25T08:00', alice)],
      [],
      ['alice L0 2026-10-25T00:30:00.000Z → 2026-10-25T07:00:00.000Z'],
    ],
    [
      'adjacent slots: someone staying on duty has one start; a level change does not end it',
      [slot('2026-03-28T18:00', '2026-03-28T22:00', alice), slot('2026-03-28T22:00', '2026-03-29T06:00', bob, alice)],
      [],
      [
        'alice L0 2026-03-28T17:00:00.000Z → 2026-03-29T04:00:00.000Z',
        'bob L0 2026-03-28T21:00:00.000Z → 2026-03-29T04:00:00.000Z',
      ],
    ],
    [
      'a team expands to its members, each with their own start',
      [aSlot(H, { start: '2026-10-24T22:00', end: '2026-10-25T06:00', assignees: [personRef(alice), teamRef(crew)] })],
      [],
      [
        'alice L0 2026-10-24T20:00:00.000Z → 2026-10-25T05:00:00.000Z',
        'carol L1 2026-10-24T20:00:00.000Z → 2026-10-25T05:00:00.000Z',
        'dave L1 2026-10-24T20:00:00.000Z → 2026-10-25T05:00:00.000Z',
      ],
    ],
    [
      'an override over the spring night splits the duty: the person back on duty gets a new start',
      [slot('2026-03-28T22:00', '2026-03-29T06:00', alice)],
      [anOverride(H, { start: '2026-03-28T23:00Z', end: '2026-03-29T01:00Z', assignees: [personRef(bob)] })],
      [
        'alice L0 2026-03-28T21:00:00.000Z → 2026-03-28T23:00:00.000Z',
        'bob L0 2026-03-28T23:00:00.000Z → 2026-03-29T01:00:00.000Z',
        'alice L0 2026-03-29T01:00:00.000Z → 2026-03-29T04:00:00.000Z',
      ],
    ],
    [
      'a level override on the autumn night adds its person only',
      [slot('2026-10-24T22:00', '2026-10-25T06:00', alice)],
      [
        anOverride(H, {
          start: '2026-10-25T00:30Z',
          end: '2026-10-25T02:00Z',
          assignees: [personRef(bob)],
          level: 1,
        }),
      ],
      [
        'alice L0 2026-10-24T20:00:00.000Z → 2026-10-25T05:00:00.000Z',
        'bob L1 2026-10-25T00:30:00.000Z → 2026-10-25T02:00:00.000Z',
      ],
    ],
    [
      'an override outside any slot is a duty of its own',
      [],
      [anOverride(H, { start: '2026-06-01T08:00Z', end: '2026-06-01T12:00Z', assignees: [personRef(carol)] })],
      ['carol L0 2026-06-01T08:00:00.000Z → 2026-06-01T12:00:00.000Z'],
    ],
    [
      'an assignee the directory does not know is skipped',
      [aSlot(H, { start: '2026-06-01T08:00', end: '2026-06-01T12:00', assignees: [{ kind: 'person', id: 'ghost' }] })],
      [],
      [],
    ],
  ])('%s', (_case, slots, overrides, expected) => {
    expect(starts(slots, overrides, WIDE)).toEqual(expected);
  });

  it('lists only starts inside the range: a duty begun before it has none', () => {
    const night = [slot('2026-03-28T22:00', '2026-03-29T06:00', alice)];
    expect(starts(night, [], ['2026-03-28T21:00:01Z', '2026-03-30T00:00Z'])).toEqual([]);
    expect(starts(night, [], ['2026-03-28T21:00Z', '2026-03-28T21:00:01Z'])).toHaveLength(1);
    expect(starts(night, [], ['2026-03-28T00:00Z', '2026-03-28T21:00Z'])).toEqual([]);
  });

  it('names each start deterministically', () => {
    const schedule = ScheduleIndex.build(paris, [slot('2026-10-24T22:00', '2026-10-25T06:00', alice)], []);
    const [duty] = dutyStarts({ hotlineId: H, schedule, directory, from: at(WIDE[0]), to: at(WIDE[1]) });
    expect(duty.id).toBe('shift-alert:hotline-sa:alice:2026-10-24T20:00:00.000Z');
    expect(shiftAckCheckId(duty.id)).toBe('shift-ack-check:hotline-sa:alice:2026-10-24T20:00:00.000Z');
  });
});

describe('plannedShiftAlerts', () => {
  const settings = shiftAlertSettings({
    hotlineId: H,
    enabled: true,
    minutesBefore: 30,
    channels: ['sms'],
    acknowledge: { withinMinutes: 15 },
  });
  const nights = ScheduleIndex.build(
    paris,
    [slot('2026-03-28T22:00', '2026-03-29T06:00', alice), slot('2026-10-24T22:00', '2026-10-25T06:00', bob)],
    [],
  );
  const planned = (from: string, to: string, enabled = true) =>
    plannedShiftAlerts({
      settings: { ...settings, enabled },
      schedule: nights,
      directory,
      from: at(from),
      to: at(to),
    }).map((p) => `${p.duty.personId} ${formatInstant(p.alertAt)} ${p.ackCheckAt && formatInstant(p.ackCheckAt)}`);

  it.each([
    // window of alert instants, expected alerts
    ['2026-03-28T00:00Z', '2026-03-29T00:00Z', ['alice 2026-03-28T20:30:00.000Z 2026-03-28T20:45:00.000Z']],
    ['2026-03-28T20:30Z', '2026-03-28T20:30:01Z', ['alice 2026-03-28T20:30:00.000Z 2026-03-28T20:45:00.000Z']],
    ['2026-03-28T20:30:01Z', '2026-03-29T00:00Z', []],
    ['2026-10-24T00:00Z', '2026-10-25T00:00Z', ['bob 2026-10-24T19:30:00.000Z 2026-10-24T19:45:00.000Z']],
    // the alert instant is before the window even though the duty starts inside it
    ['2026-10-24T19:45Z', '2026-10-25T00:00Z', []],
  ])('alerts at instants in [%s, %s)', (from, to, expected) => {
    expect(planned(from, to)).toEqual(expected);
  });

  it('plans nothing when disabled; no acknowledgement check when none is asked', () => {
    expect(planned('2026-01-01T00:00Z', '2027-01-01T00:00Z', false)).toEqual([]);
    const noAck = plannedShiftAlerts({
      settings: { ...settings, acknowledge: null },
      schedule: nights,
      directory,
      from: at('2026-03-28T00:00Z'),
      to: at('2026-03-29T00:00Z'),
    });
    expect(noAck.map((p) => p.ackCheckAt)).toEqual([null]);
  });
});

describe('currentDutyStart', () => {
  const start = at('2026-03-28T21:00Z');
  const current = (slots: Slot[], overrides: Override[] = []) =>
    currentDutyStart({
      hotlineId: H,
      schedule: ScheduleIndex.build(paris, slots, overrides),
      directory,
      personId: 'alice',
      start,
    })?.id ?? null;

  it.each<[string, Slot[], Override[], string | null]>([
    [
      'unchanged',
      [slot('2026-03-28T22:00', '2026-03-29T06:00', alice)],
      [],
      'shift-alert:hotline-sa:alice:2026-03-28T21:00:00.000Z',
    ],
    ['moved an hour later', [slot('2026-03-28T23:00', '2026-03-29T06:00', alice)], [], null],
    ['deleted', [], [], null],
    ['given to bob', [slot('2026-03-28T22:00', '2026-03-29T06:00', bob)], [], null],
    [
      'now continuing an earlier duty',
      [slot('2026-03-28T20:00', '2026-03-28T22:00', alice), slot('2026-03-28T22:00', '2026-03-29T06:00', alice)],
      [],
      null,
    ],
    [
      'hidden by an override at its start',
      [slot('2026-03-28T22:00', '2026-03-29T06:00', alice)],
      [anOverride(H, { start: '2026-03-28T21:00Z', end: '2026-03-28T22:00Z', assignees: [personRef(bob)] })],
      null,
    ],
  ])('the duty %s', (_case, slots, overrides, expected) => {
    expect(current(slots, overrides)).toBe(expected);
  });
});

describe('shiftAlertSettings', () => {
  const base: ShiftAlertSettingsInput = { hotlineId: H, enabled: true, minutesBefore: 30, channels: ['sms'] };

  it('fills the defaults: disabled, 30 minutes, by SMS, no acknowledgement', () => {
    expect(shiftAlertSettings({ hotlineId: H })).toEqual({
      hotlineId: H,
      enabled: false,
      minutesBefore: 30,
      channels: ['sms'],
      acknowledge: null,
    });
    expect(shiftAlertSettings({ ...base, channels: ['email', 'sms'], acknowledge: { withinMinutes: 240 } })).toEqual({
      ...base,
      channels: ['email', 'sms'],
      acknowledge: { withinMinutes: 240, by: 'link' },
    });
  });

  it.each<[Partial<ShiftAlertSettingsInput>, string, string]>([
    [{ minutesBefore: 0 }, 'INVALID_MINUTES', 'minutesBefore'],
    [{ minutesBefore: 1441 }, 'INVALID_MINUTES', 'minutesBefore'],
    [{ minutesBefore: 2.5 }, 'INVALID_MINUTES', 'minutesBefore'],
    [{ channels: [] }, 'NO_CHANNEL', 'channels'],
    [{ channels: ['sms', 'fax'] }, 'INVALID_CHANNEL', 'channels[1]'],
    [{ channels: ['email', 'email'] }, 'DUPLICATE_CHANNEL', 'channels[1]'],
    [{ acknowledge: { withinMinutes: 0 } }, 'INVALID_MINUTES', 'acknowledge.withinMinutes'],
    [{ acknowledge: { withinMinutes: 241 } }, 'INVALID_MINUTES', 'acknowledge.withinMinutes'],
    [{ acknowledge: { withinMinutes: 10, by: 'call' } }, 'INVALID_ACKNOWLEDGEMENT', 'acknowledge.by'],
  ])('refuses %j with %s at %s', (change, code, field) => {
    let error: unknown;
    try {
      shiftAlertSettings({ ...base, ...change });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code, field });
  });
});
