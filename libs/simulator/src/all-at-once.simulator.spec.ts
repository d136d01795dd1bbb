import { CallSimulator, ScriptedOutcome } from './call-simulator';
import { CALLER, HOTLINE, boilerRoom } from './simulator.fixtures';

// Level 1 (Alice: mobile and home) all at once (F26); Bob on level 2, Dan supervising.
const simulate = async (outcomes: ScriptedOutcome[], parallelDialing = true) => {
  const rig = boilerRoom({ levelStrategies: ['all-at-once'] }, { service: { parallelDialing } });
  return new CallSimulator(rig.service, rig.clock).run({ to: HOTLINE, from: CALLER, outcomes });
};

describe('call simulator: an all-at-once level', () => {
  it('rings the level together; the second number takes the call and the first is hung up', async () => {
    const result = await simulate(['no-confirm', 'answer']);
    expect(result.text).toBe(
      [
        '[00:00] Incoming call from +33612345678 to +33140000000',
        '[00:00]   Step 1: ring Alice (mobile, level 1) at +33611111111 for 20 s, shown as +33140000000 (press 1 required)',
        '[00:00]   Step 2: ring Alice (home, level 1) at +33142000001 for 30 s, shown as +33140000000 (press 1 required)',
        '[00:00]   These numbers ring together: the first to take the call wins, the others are hung up',
        '[00:06] Alice (mobile, level 1) picks up',
        '[00:06]   Nothing to do',
        '[00:06]   Announcement to the callee: "Call for Boiler room from 3 3 6 1 2 3 4 5 6 7 8. Press 1 to take it." (waits 5 s for 1)',
        '[00:11] Alice (mobile, level 1): no key pressed',
        '[00:11]   Hang up the leg of step 1 (+33611111111)',
        '[00:17] Alice (home, level 1) picks up',
        '[00:17]   Nothing to do',
        '[00:17]   Announcement to the callee: "Call for Boiler room from 3 3 6 1 2 3 4 5 6 7 8. Press 1 to take it." (waits 5 s for 1)',
        '[00:20] Alice (home, level 1) presses 1',
        '[00:20]   Caller connected to +33142000001',
        '[01:20] Caller hangs up',
        '[01:20]   Nothing to do',
        'Outcome: answered by Alice (home, level 1) after 20 s; the call lasted 80 s.',
      ].join('\n'),
    );
    expect(result.silence).toBe(false);
  });

  it('the first to press 1 wins at once; the other ringing number is hung up in the same step', async () => {
    const result = await simulate(['answer']);
    const lines = result.transcript.map((l) => l.text);
    expect(lines.slice(-5)).toEqual([
      'Alice (mobile, level 1) presses 1',
      '  Caller connected to +33611111111',
      '  Hang up the leg of step 2 (+33142000001)',
      'Caller hangs up',
      '  Nothing to do',
    ]);
    expect(result.outcome).toBe('answered by Alice (mobile, level 1) after 9 s');
  });

  it('both unanswered: the group times out together, then level 2 rings', async () => {
    const result = await simulate(['no-answer', 'no-answer', 'answer']);
    const lines = result.transcript.map((l) => `[${l.offsetSeconds}] ${l.text}`);
    expect(lines).toContain('[20] Alice (mobile, level 1): no-answer');
    expect(lines).toContain('[30] Alice (home, level 1): no-answer');
    expect(result.outcome).toBe('answered by Bob (mobile, level 2) after 39 s');
  });

  it('without parallel dialing the same numbers ring one after the other', async () => {
    const result = await simulate(['no-answer', 'answer'], false);
    expect(result.text).not.toContain('ring together');
    expect(result.outcome).toBe('answered by Alice (home, level 1) after 29 s');
  });
});
