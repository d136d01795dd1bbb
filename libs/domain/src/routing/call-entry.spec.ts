import { TimeZone, parseInstant } from '../shared';
import { CallEntry, CallEntryInput, callEntry, entryTargetHotlines } from './call-entry';
import { EntryKeys, EntryStep, routeCall } from './route-call';

const paris = TimeZone.of('Europe/Paris');
const MAIN = '+33140000000';
const RECEPTION = '+33140000001';
const NIGHT = '+33140000002';
const at = (iso: string) => parseInstant(iso, 'at');

const heating = { kind: 'hotline', hotlineId: 'heating' };
const lifts = { kind: 'hotline', hotlineId: 'lifts' };
const reception = { kind: 'hotline', hotlineId: 'reception' };

const menuEntry = callEntry({
  hotlineId: 'main',
  front: {
    kind: 'menu',
    prompt: { text: 'Press 1 for heating, 2 for lifts' },
    choices: [
      { key: '1', label: 'Heating', target: heating },
      { key: '2', label: 'Lifts', target: lifts },
      { key: '9', label: 'On-call', target: { kind: 'line' } },
    ],
    defaultTarget: { kind: 'line' },
  },
});

const postcodeEntry = callEntry({
  hotlineId: 'main',
  front: {
    kind: 'keyed',
    prompt: { text: 'Key your postcode', language: 'fr-FR' },
    maxDigits: 5,
    matches: [
      { prefix: '75', target: heating },
      { from: '92000', to: '92999', target: lifts },
      { from: '01000', to: '01999', target: reception },
    ],
    defaultTarget: { kind: 'line' },
    timeoutSeconds: 8,
  },
});

/** Office hours (Mon–Fri 08:00–18:00) go to reception; the night number to the front; else the line. */
const rulesEntry = callEntry({
  hotlineId: 'main',
  extraNumbers: [RECEPTION, NIGHT],
  rules: [
    { dialled: NIGHT, target: { kind: 'front' } },
    {
      hours: { windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '18:00' }] },
      target: reception,
    },
    { dialled: RECEPTION, hours: { windows: [{ days: ['SAT', 'SUN'], start: '02:00', end: '03:00' }] }, target: lifts },
  ],
  front: menuInput(),
});

function menuInput(): Extract<CallEntryInput['front'], { kind: 'menu' }> {
  return {
    kind: 'menu',
    prompt: { text: 'Press 1 for heating' },
    choices: [{ key: '1', label: 'Heating', target: heating }],
    defaultTarget: { kind: 'line' },
  };
}

const route = (entry: CallEntry, when: string, options: { dialled?: string; keys?: EntryKeys } = {}): EntryStep =>
  routeCall({ entry, dialled: options.dialled ?? MAIN, at: at(when), zone: paris, keys: options.keys });

const asked = (stage: string) => expect.objectContaining({ kind: 'ask', stage });
const routed = (hotlineId: string, path: object, dialled = MAIN) =>
  ({ kind: 'route', hotlineId, route: { dialled, entryHotlineId: 'main', ...path } }) as const;

describe('routeCall: a menu in front of the line', () => {
  const WED = '2026-06-10T10:00:00Z';

  it('asks on answer, one key at most, the prompt in the hotline language by default', () => {
    expect(route(menuEntry, WED)).toEqual({
      kind: 'ask',
      stage: 'front:1',
      prompt: { kind: 'text', text: 'Press 1 for heating, 2 for lifts', language: 'en-GB' },
      maxDigits: 1,
      timeoutSeconds: 5,
      submitOnHash: false,
    });
  });

  it.each([
    ['1', 'front:1', routed('heating', { via: 'menu', key: '1' })],
    ['2', 'front:2', routed('lifts', { via: 'menu', key: '2' })],
    ['9', 'front:1', routed('main', { via: 'menu', key: '9' })],
    ['', 'front:1', asked('front:2')],
    [null, 'front:1', asked('front:2')],
    ['7', 'front:1', asked('front:2')],
    ['', 'front:2', routed('main', { via: 'default' })],
    ['7', 'front:2', routed('main', { via: 'default', key: '7' })],
    ['7', 'garbage', routed('main', { via: 'default', key: '7' })],
    ['1', 'garbage', routed('heating', { via: 'menu', key: '1' })],
  ])('keys %p at stage %s', (digits, stage, expected) => {
    expect(route(menuEntry, WED, { keys: { stage, digits } })).toEqual(expected);
  });
});

describe('routeCall: a keyed postcode', () => {
  const WED = '2026-06-10T10:00:00Z';

  it('asks for up to 5 digits ending with # as well', () => {
    expect(route(postcodeEntry, WED)).toEqual(
      expect.objectContaining({ stage: 'front:1', maxDigits: 5, timeoutSeconds: 8, submitOnHash: true }),
    );
  });

  it.each([
    ['75011', 'front:1', routed('heating', { via: 'keyed', keyed: '75011' })],
    ['75', 'front:1', routed('heating', { via: 'keyed', keyed: '75' })],
    ['92100#', 'front:1', routed('lifts', { via: 'keyed', keyed: '92100' })],
    ['92000', 'front:1', routed('lifts', { via: 'keyed', keyed: '92000' })],
    ['92999', 'front:1', routed('lifts', { via: 'keyed', keyed: '92999' })],
    ['01500', 'front:1', routed('reception', { via: 'keyed', keyed: '01500' })],
    ['1500', 'front:1', asked('front:2')],
    ['93000', 'front:1', asked('front:2')],
    ['750111', 'front:1', asked('front:2')],
    ['', 'front:1', asked('front:2')],
    ['93000', 'front:2', routed('main', { via: 'default', keyed: '93000' })],
    ['', 'front:2', routed('main', { via: 'default' })],
  ])('keyed %p at stage %s', (digits, stage, expected) => {
    expect(route(postcodeEntry, WED, { keys: { stage, digits } })).toEqual(expected);
  });
});

describe('routeCall: rules by number dialled and period (Europe/Paris)', () => {
  it.each([
    // Wednesday 09:59 Paris in summer (UTC+2): office hours
    ['2026-06-10T07:59:00Z', MAIN, routed('reception', { via: 'rule', ruleIndex: 1 })],
    ['2026-06-10T05:59:00Z', MAIN, asked('front:1')],
    ['2026-06-10T15:59:00Z', MAIN, routed('reception', { via: 'rule', ruleIndex: 1 })],
    ['2026-06-10T16:00:00Z', MAIN, asked('front:1')],
    ['2026-06-10T16:00:00Z', NIGHT, asked('front:1')],
    // Friday 27 March 2026 17:30 Paris (UTC+1) is office hours; 18:00 is not
    ['2026-03-27T16:30:00Z', MAIN, routed('reception', { via: 'rule', ruleIndex: 1 })],
    ['2026-03-27T17:00:00Z', MAIN, asked('front:1')],
    // Monday 30 March, after the spring change (UTC+2): 08:00 Paris is 06:00Z
    ['2026-03-30T05:59:00Z', MAIN, asked('front:1')],
    ['2026-03-30T06:00:00Z', MAIN, routed('reception', { via: 'rule', ruleIndex: 1 })],
    // Sunday 29 March: 02:00–03:00 does not exist in Paris, so the weekend-night rule never matches
    ['2026-03-29T00:30:00Z', RECEPTION, asked('front:1')],
    ['2026-03-29T01:00:00Z', RECEPTION, asked('front:1')],
    // Sunday 25 October: the hour 02:00–03:00 Paris happens twice, so the window lasts 00:00Z–02:00Z
    ['2026-10-25T00:30:00Z', RECEPTION, routed('lifts', { via: 'rule', ruleIndex: 2 }, RECEPTION)],
    ['2026-10-25T01:30:00Z', RECEPTION, routed('lifts', { via: 'rule', ruleIndex: 2 }, RECEPTION)],
    ['2026-10-25T02:00:00Z', RECEPTION, asked('front:1')],
    ['2026-10-25T00:30:00Z', MAIN, asked('front:1')],
    ['2026-10-24T23:59:00Z', RECEPTION, asked('front:1')],
    // Monday 26 October (UTC+1): 08:00 Paris is 07:00Z
    ['2026-10-26T06:59:00Z', MAIN, asked('front:1')],
    ['2026-10-26T07:00:00Z', MAIN, routed('reception', { via: 'rule', ruleIndex: 1 })],
    ['2026-10-26T07:00:00Z', NIGHT, asked('front:1')],
  ])('%s dialling %s', (when, dialled, expected) => {
    expect(route(rulesEntry, when, { dialled })).toEqual(expected);
  });

  it('goes straight to the line without rules or front, or when a front rule has no front', () => {
    const bare = callEntry({ hotlineId: 'main' });
    expect(route(bare, '2026-06-10T10:00:00Z')).toEqual(routed('main', { via: 'direct' }));
    expect(route(bare, '2026-06-10T10:00:00Z', { keys: { stage: 'front:1', digits: '1' } })).toEqual(
      routed('main', { via: 'default' }),
    );
  });

  it('a rule naming neither number nor period catches every call', () => {
    const catchAll = callEntry({ hotlineId: 'main', rules: [{ target: lifts }] });
    expect(route(catchAll, '2026-10-25T01:30:00Z')).toEqual(routed('lifts', { via: 'rule', ruleIndex: 0 }));
  });
});

describe('callEntry validation', () => {
  const front = menuInput();
  it.each<[string, Partial<CallEntryInput>, string, string]>([
    ['a bad extra number', { extraNumbers: ['0140000000'] }, 'INVALID_PHONE_NUMBER', 'extraNumbers[0]'],
    ['a repeated extra number', { extraNumbers: [RECEPTION, RECEPTION] }, 'DUPLICATE_NUMBER', 'extraNumbers[1]'],
    [
      'a window without an end',
      {
        rules: [
          { target: { kind: 'line' } },
          { hours: { windows: [{ days: ['MON'], start: '25:00', end: '18:00' }] }, target: { kind: 'line' } },
        ],
      },
      'INVALID_LOCAL_TIME',
      'rules[1].hours.windows[0].start',
    ],
    ['a rule to a missing front', { rules: [{ target: { kind: 'front' } }] }, 'NO_FRONT', 'rules[0].target.kind'],
    ['an unknown target', { rules: [{ target: { kind: 'queue' } }] }, 'INVALID_TARGET', 'rules[0].target.kind'],
    [
      'a target at itself',
      { rules: [{ target: { kind: 'hotline', hotlineId: 'main' } }] },
      'SELF_TARGET',
      'rules[0].target.hotlineId',
    ],
    [
      'a duplicate key',
      {
        front: {
          ...front,
          choices: [...front.choices, { key: '2', label: 'B', target: lifts }, { key: '1', label: 'C', target: lifts }],
        },
      },
      'DUPLICATE_KEY',
      'front.choices[2].key',
    ],
    [
      'a star key',
      { front: { ...front, choices: [{ key: '*', label: 'A', target: lifts }] } },
      'INVALID_KEY',
      'front.choices[0].key',
    ],
    ['a menu without choices', { front: { ...front, choices: [] } }, 'REQUIRED', 'front.choices'],
    ['a menu without prompt', { front: { ...front, prompt: {} } }, 'INVALID_PROMPT', 'front.prompt'],
    ['a long timeout', { front: { ...front, timeoutSeconds: 11 } }, 'INVALID_TIMEOUT', 'front.timeoutSeconds'],
    [
      'a range longer than the digits',
      {
        front: {
          kind: 'keyed',
          prompt: { text: 'Postcode' },
          maxDigits: 5,
          matches: [
            { prefix: '75', target: lifts },
            { from: '920000', to: '929999', target: lifts },
          ],
          defaultTarget: { kind: 'line' },
        },
      },
      'INVALID_DIGITS',
      'front.matches[1].from',
    ],
    [
      'a range upside down',
      {
        front: {
          kind: 'keyed',
          prompt: { text: 'Postcode' },
          maxDigits: 5,
          matches: [{ from: '92999', to: '92000', target: lifts }],
          defaultTarget: { kind: 'line' },
        },
      },
      'INVALID_RANGE',
      'front.matches[0].to',
    ],
  ])('refuses %s', (_, input, code, field) => {
    expect(() => callEntry({ hotlineId: 'main', ...input })).toThrow(
      expect.objectContaining({ name: 'ValidationError', code, field }),
    );
  });

  it('names the other hotlines it sends calls to, with their fields', () => {
    expect(entryTargetHotlines(rulesEntry)).toEqual([
      { hotlineId: 'reception', field: 'rules[1].target.hotlineId' },
      { hotlineId: 'lifts', field: 'rules[2].target.hotlineId' },
      { hotlineId: 'heating', field: 'front.choices[0].target.hotlineId' },
    ]);
  });
});
