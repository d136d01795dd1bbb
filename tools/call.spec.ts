import { formatLine, parseArguments } from './call';

// The command run against a gateway: apps/gateway/src/calls/call-cli.e2e.spec.ts.

describe('npm run call: arguments', () => {
  it.each<[string[], object]>([
    [
      ['--to', '+33140000000', '--from', '+33612345678', '--outcomes', 'busy,no-answer,answer'],
      { to: '+33140000000', from: '+33612345678', outcomes: ['busy', 'no-answer', 'answer'], at: null },
    ],
    [
      ['--to=hl-1', '--outcomes=answer', '--at', '2027-03-28T01:30:00Z'],
      { to: 'hl-1', from: null, outcomes: ['answer'], at: '2027-03-28T01:30:00Z' },
    ],
    [['--to', '+33140000000'], { outcomes: [], keys: [] }],
    [['--to', '+33140000000', '--keys', '-, 92100#'], { keys: ['', '92100#'] }],
  ])('%j', (argv, expected) => {
    expect(parseArguments(argv)).toMatchObject(expected);
  });

  it.each<[string[], string]>([
    [['--outcomes', 'busy'], '--to is required'],
    [['--to'], '--to needs a value'],
    [['--to', '+33140000000', '--ring', 'twice'], 'unknown argument "--ring"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(message);
  });

  it('prints the seconds since the call arrived before each step', () => {
    expect(formatLine({ offsetSeconds: 26, text: 'Step 2: ring Alice' })).toBe('   +26s  Step 2: ring Alice');
  });
});
