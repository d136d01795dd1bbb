import { callRecordOf } from '@dutyline/application';
import { callEntry } from '@dutyline/domain';
import { CallSimulator, ScriptedOutcome, parseOutcomes } from './call-simulator';
import { InboundCalls } from './inbound-calls';
import { CALLER, HOTLINE, boilerRoom } from './simulator.fixtures';

const simulate = async (
  outcomes: ScriptedOutcome[],
  options: Parameters<typeof boilerRoom> = [],
  from: string | null = CALLER,
) => {
  const rig = boilerRoom(...options);
  const result = await new CallSimulator(rig.service, rig.clock).run({ to: HOTLINE, from, outcomes });
  return { rig, result };
};

describe('call simulator: a readable transcript of each step', () => {
  it('busy, no answer, then answered', async () => {
    const { result } = await simulate(['busy', 'no-answer', 'answer']);
    expect(result.text).toBe(
      [
        '[00:00] Incoming call from +33612345678 to +33140000000',
        '[00:00]   Step 1: ring Alice (mobile, level 1) at +33611111111 for 20 s, shown as +33140000000 (press 1 required)',
        '[00:02] Alice (mobile, level 1): busy',
        '[00:02]   Step 2: ring Alice (home, level 1) at +33142000001 for 30 s, shown as +33140000000 (press 1 required)',
        '[00:32] Alice (home, level 1): no-answer',
        '[00:32]   Step 3: ring Bob (mobile, level 2) at +33622222222 for 15 s, shown as +33140000000 (press 1 required)',
        '[00:38] Bob (mobile, level 2) picks up',
        '[00:38]   Nothing to do',
        '[00:38]   Announcement to the callee: "Call for Boiler room from 3 3 6 1 2 3 4 5 6 7 8. Press 1 to take it." (waits 5 s for 1)',
        '[00:41] Bob (mobile, level 2) presses 1',
        '[00:41]   Caller connected to +33622222222',
        '[01:41] Caller hangs up',
        '[01:41]   Nothing to do',
        'Outcome: answered by Bob (mobile, level 2) after 41 s; the call lasted 101 s.',
      ].join('\n'),
    );
    expect(result).toMatchObject({ callId: 'call-1', silence: false, unusedOutcomes: [] });
  });

  it.each<[string, ScriptedOutcome[], Parameters<typeof boilerRoom>, string]>([
    ['answered at once', ['answer'], [], 'answered by Alice (mobile, level 1) after 9 s'],
    [
      'nobody answers, the supervisor neither, a voicemail is left',
      ['no-answer', 'failed', 'rejected', 'busy', 'record'],
      [],
      'voicemail recorded (sim-rec-call-1)',
    ],
    [
      'outcomes run out: rings go unanswered, the caller leaves no message',
      [],
      [],
      'caller hung up without leaving a voicemail',
    ],
    [
      'the callee does not press 1, the next one declines, the third confirms',
      ['no-confirm', 'decline', 'answer'],
      [],
      'answered by Bob (mobile, level 2) after 28 s',
    ],
    [
      'an answering machine, detected',
      ['machine', 'answer'],
      [{ requireAnswerConfirmation: false }, { service: { machineDetection: true } }],
      'answered by Alice (home, level 1) after 19 s',
    ],
    [
      'an answering machine, caught by the confirmation',
      ['machine', 'answer'],
      [],
      'answered by Alice (home, level 1) after 27 s',
    ],
    [
      'an answering machine with neither confirmation nor detection',
      ['machine'],
      [{ requireAnswerConfirmation: false }],
      'answered by Alice (mobile, level 1) after 8 s, but by an answering machine',
    ],
    [
      'declined without confirmation: the callee rejects the call',
      ['decline', 'answer'],
      [{ requireAnswerConfirmation: false }],
      'answered by Alice (home, level 1) after 12 s',
    ],
    ['the caller gives up while it rings', ['busy', 'hangup'], [], 'caller hung up while Alice (home, level 1) rang'],
    [
      'a closing message',
      ['busy', 'busy', 'busy', 'busy'],
      [{ scenario: [{ kind: 'supervisors' }, { kind: 'message', message: { text: 'Call back tomorrow.' } }] }],
      'closing message played',
    ],
  ])('%s', async (_name, outcomes, options, outcome) => {
    const { result } = await simulate(outcomes, options);
    expect(result.outcome).toBe(outcome);
    expect(result.silence).toBe(false);
  });

  it("logs the call as the carriers' calls are logged", async () => {
    const { rig, result } = await simulate(['busy', 'answer']);
    expect(callRecordOf(rig.store.peek(result.callId!)!)).toMatchObject({
      carrier: 'simulator',
      caller: CALLER,
      outcome: 'answered',
      answeredBy: { personId: 'alice', number: '+33142000001' },
      timeToAnswerSeconds: 11,
      durationSeconds: 71,
      legs: [
        { outcome: 'busy', ringSeconds: 2 },
        { outcome: 'confirmed', ringSeconds: 6 },
      ],
    });
  });

  it('announces a withheld caller as such', async () => {
    const { result } = await simulate(['answer'], [], null);
    expect(result.text).toContain('Incoming call from a withheld number');
    expect(result.text).toContain('Call for Boiler room from a withheld number. Press 1 to take it.');
  });

  it('says when the number is not in service', async () => {
    const rig = boilerRoom();
    const result = await new CallSimulator(rig.service, rig.clock).run({
      to: '+33199999999',
      from: CALLER,
      outcomes: ['answer'],
    });
    expect(result).toMatchObject({ callId: null, outcome: 'number not in service', unusedOutcomes: ['answer'] });
  });

  it('prints each line as it happens', async () => {
    const rig = boilerRoom();
    const lines: string[] = [];
    await new CallSimulator(rig.service, rig.clock, { onLine: (line) => lines.push(line.text) }).run({
      to: HOTLINE,
      from: CALLER,
      outcomes: ['answer'],
    });
    expect(lines[0]).toBe('Incoming call from +33612345678 to +33140000000');
    expect(lines).toContain('  Caller connected to +33611111111');
  });

  it('flags silence when the service leaves the caller with nothing', async () => {
    const rig = boilerRoom();
    const mute: InboundCalls = { ...bound(rig.service), legEnded: async () => ({ kind: 'nothing' }) };
    const result = await new CallSimulator(mute, rig.clock).run({ to: HOTLINE, from: CALLER, outcomes: ['busy'] });
    expect(result).toMatchObject({ silence: true, outcome: 'SILENCE: the caller was left with nothing to hear' });
  });

  it('refuses an outcome that does not fit the moment, naming it', async () => {
    const rig = boilerRoom();
    await expect(
      new CallSimulator(rig.service, rig.clock).run({ to: HOTLINE, from: CALLER, outcomes: ['busy', 'record'] }),
    ).rejects.toMatchObject({ name: 'ValidationError', code: 'INVALID_OUTCOME', field: 'outcomes[1]' });
  });
});

describe('call simulator: reading a script', () => {
  it('reads comma-separated words', () => {
    expect(parseOutcomes('busy, no-answer,answer,')).toEqual(['busy', 'no-answer', 'answer']);
  });

  it('refuses an unknown word, naming it', () => {
    expect(() => parseOutcomes(['busy', 'picked'])).toThrow(
      expect.objectContaining({ code: 'INVALID_OUTCOME', field: 'outcomes[1]' }),
    );
  });
});

describe('call simulator: a menu in front of the line (F25)', () => {
  it('plays the keys of the script: nothing, then 1; the call goes on to the line with the path logged', async () => {
    const rig = boilerRoom();
    rig.entries.put(
      callEntry({
        hotlineId: 'hl-1',
        front: {
          kind: 'menu',
          prompt: { text: 'Press 1 for heating.' },
          choices: [{ key: '1', label: 'Heating', target: { kind: 'line' } }],
          defaultTarget: { kind: 'line' },
        },
      }),
    );
    const result = await new CallSimulator(rig.service, rig.clock).run({
      to: HOTLINE,
      from: CALLER,
      outcomes: ['answer'],
      keys: ['', '1'],
    });
    expect(result.text.split('\n').slice(0, 6)).toEqual([
      '[00:00] Incoming call from +33612345678 to +33140000000',
      '[00:00]   Menu to the caller: "Press 1 for heating." (waits 5 s for up to 1 key(s))',
      '[00:05] Caller keys nothing',
      '[00:05]   Menu to the caller: "Press 1 for heating." (waits 5 s for up to 1 key(s))',
      '[00:08] Caller keys 1',
      '[00:08]   Step 1: ring Alice (mobile, level 1) at +33611111111 for 20 s, shown as +33140000000 (press 1 required)',
    ]);
    expect(result).toMatchObject({ silence: false, outcome: expect.stringMatching(/^answered by Alice/) });
    expect(callRecordOf(rig.store.peek(result.callId!)!).route).toEqual({
      dialled: HOTLINE,
      entryHotlineId: 'hl-1',
      via: 'menu',
      key: '1',
    });
  });

  it("keys running out: the front's default after the repeat", async () => {
    const rig = boilerRoom();
    rig.entries.put(
      callEntry({
        hotlineId: 'hl-1',
        front: {
          kind: 'keyed',
          prompt: { text: 'Key your postcode.' },
          maxDigits: 5,
          matches: [{ prefix: '75', target: { kind: 'line' } }],
          defaultTarget: { kind: 'line' },
        },
      }),
    );
    const result = await new CallSimulator(rig.service, rig.clock).run({
      to: HOTLINE,
      from: CALLER,
      outcomes: ['answer'],
    });
    expect(result.silence).toBe(false);
    expect(callRecordOf(rig.store.peek(result.callId!)!).route).toMatchObject({ via: 'default' });
  });
});

/** The service's methods as plain functions, to override one in a fake. */
function bound(calls: InboundCalls): InboundCalls {
  return {
    answer: (i) => calls.answer(i),
    keys: (i) => calls.keys(i),
    legAnswered: (i) => calls.legAnswered(i),
    humanAnswered: (i) => calls.humanAnswered(i),
    legEnded: (i) => calls.legEnded(i),
    confirmation: (i) => calls.confirmation(i),
    calleePrompt: (i) => calls.calleePrompt(i),
    recording: (i) => calls.recording(i),
    callEnded: (i) => calls.callEnded(i),
  };
}
