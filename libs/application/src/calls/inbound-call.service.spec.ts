import { HotlineInput, ScheduleIndex, TimeZone, VersionConflictError, parseInstant } from '@dutyline/domain';
import { SequentialIds, aSlot, personRef } from '@dutyline/domain/testing';
import { CallInstruction } from './call-instruction';
import { CALLER, HOTLINE_NUMBER, T0, alice, at, bob, boilerRoom, boilerRoomRig, said } from './testing/boiler-room';
import { EndedLegOutcome, InboundCalls } from './inbound-calls';
import { RESCUE_STEP } from './call-fallbacks';
import { createCalls } from './create-calls';
import { InboundCallOptions } from './inbound-call-options';
import { MemoryCallJournal } from './memory-call-journal';
import { systemTimer } from './system-timer';
import { StoredCall, callRecordOf } from './stored-call';
import { InboundCallRig } from './testing/inbound-call-rig';
import { InMemoryCallStore } from './testing/in-memory-call-store';

/** What the carrier reports during a call, in the order given. */
type Report =
  | readonly ['picked-up', number]
  | readonly ['human', number]
  | readonly ['ended', number, EndedLegOutcome, string?, number?]
  | readonly ['prompt', number]
  | readonly ['keys', number, string]
  | readonly ['no-key', number]
  | readonly ['recorded', string]
  | readonly ['hung-up', number?];

/** Delivers one report `seconds` after T0 and returns what the service answered. */
function deliver(
  calls: InboundCalls,
  callId: string,
  { report, seconds }: { report: Report; seconds: number },
): Promise<CallInstruction> {
  const when = at(seconds);
  switch (report[0]) {
    case 'picked-up':
      return calls.legAnswered({ callId, step: report[1], at: when, carrierLegId: `leg-${report[1]}` });
    case 'human':
      return calls.humanAnswered({ callId, step: report[1], at: when });
    case 'ended':
      return calls.legEnded({
        callId,
        step: report[1],
        outcome: report[2],
        detail: report[3],
        sipCode: report[4],
        at: when,
        carrierLegId: `leg-${report[1]}`,
      });
    case 'prompt':
      return calls.calleePrompt({ callId, step: report[1] });
    case 'keys':
      return calls.confirmation({ callId, step: report[1], digits: report[2], at: when });
    case 'no-key':
      return calls.confirmation({ callId, step: report[1], digits: '', timedOut: true, at: when });
    case 'recorded':
      return calls.recording({ callId, reference: report[1], at: when });
    case 'hung-up':
      return calls.callEnded({ callId, at: when, durationSeconds: report[1] });
  }
}

const answer = (
  calls: InboundCalls,
  options: { caller?: string | null; carrierCallId?: string; number?: string; seconds?: number } = {},
) =>
  calls.answer({
    carrier: 'test',
    hotlineNumber: options.number ?? HOTLINE_NUMBER,
    caller: options.caller === undefined ? CALLER : options.caller,
    carrierCallId: options.carrierCallId ?? 'carrier-1',
    at: at(options.seconds ?? 0),
  });

/** Answers a call, delivers the reports five seconds apart, and returns every reply as a line. */
async function callThrough(
  rig: InboundCallRig,
  reports: readonly Report[],
  secondsOf = (i: number) => 5 * (i + 1),
): Promise<{ lines: string[]; callId: string }> {
  const calls = rig.service;
  const first = await answer(calls);
  const callId = 'callId' in first && first.callId ? first.callId : 'none';
  const lines = [said(first)];
  for (const [i, report] of reports.entries())
    lines.push(said(await deliver(calls, callId, { report, seconds: secondsOf(i) })));
  return { lines, callId };
}

const recordOf = (rig: InboundCallRig, callId: string) => callRecordOf(rig.store.peek(callId)!);

const APOLOGY = 'We are sorry, we cannot take your call right now. Please call again in a few minutes. Goodbye.';
const GREETING = { text: 'Welcome to the boiler room on-call line.' };
const ANNOUNCE = 'announce "Call for Boiler room from 3 3 6 1 2 3 4 5 6 7 8. Press 1 to take it."';

describe('inbound calls: every path of a call', () => {
  it.each<[string, Partial<HotlineInput>, Report[], string[], string]>([
    [
      'answered on the first number after pressing 1',
      { greeting: GREETING },
      [
        ['picked-up', 0],
        ['prompt', 0],
        ['keys', 0, '1'],
        ['hung-up', 60],
      ],
      ['greeting, dial Alice/mobile +33611111111 20s confirm', 'nothing', ANNOUNCE, 'bridge +33611111111', 'nothing'],
      'answered by alice',
    ],
    [
      'busy, then the second number answers',
      {},
      [
        ['ended', 0, 'busy', undefined, 486],
        ['picked-up', 1],
        ['keys', 1, '1'],
      ],
      [
        'dial Alice/mobile +33611111111 20s confirm',
        'dial Alice/home +33142000001 30s confirm',
        'nothing',
        'bridge +33142000001',
      ],
      'answered by alice',
    ],
    [
      'nobody answers: the next on duty, the supervisor, then voicemail',
      {},
      [
        ['ended', 0, 'no-answer'],
        ['ended', 1, 'failed', 'cannot_route'],
        ['ended', 2, 'rejected'],
        ['ended', 3, 'no-answer'],
        ['recorded', 'rec-1'],
        ['hung-up'],
      ],
      [
        'dial Alice/mobile +33611111111 20s confirm',
        'dial Alice/home +33142000001 30s confirm',
        'dial Bob/mobile +33622222222 25s confirm',
        'dial Dan/mobile +33644444444 25s confirm',
        'voicemail',
        'nothing',
        'nothing',
      ],
      'voicemail rec-1',
    ],
    [
      'the callee does not press 1: next number, the unanswered leg dropped',
      {},
      [
        ['picked-up', 0],
        ['prompt', 0],
        ['no-key', 0],
        ['picked-up', 1],
        ['keys', 1, '1'],
      ],
      [
        'dial Alice/mobile +33611111111 20s confirm',
        'nothing',
        ANNOUNCE,
        'dial Alice/home +33142000001 30s confirm (drop +33611111111)',
        'nothing',
        'bridge +33142000001',
      ],
      'answered by alice',
    ],
    [
      'the callee presses another key: next number',
      {},
      [
        ['picked-up', 0],
        ['keys', 0, '2'],
      ],
      [
        'dial Alice/mobile +33611111111 20s confirm',
        'nothing',
        'dial Alice/home +33142000001 30s confirm (drop +33611111111)',
      ],
      'in-progress',
    ],
    [
      'an answering machine takes the leg: next number, the caller joined on the verdict "human"',
      { requireAnswerConfirmation: false },
      [
        ['picked-up', 0],
        ['ended', 0, 'machine'],
        ['picked-up', 1],
        ['human', 1],
      ],
      [
        'dial Alice/mobile +33611111111 20s',
        'nothing',
        'dial Alice/home +33142000001 30s (drop +33611111111)',
        'nothing',
        'bridge +33142000001',
      ],
      'answered by alice',
    ],
    [
      'a machine detected while the callee hears the announcement: next number',
      {},
      [
        ['picked-up', 0],
        ['prompt', 0],
        ['human', 0],
        ['ended', 0, 'machine'],
      ],
      [
        'dial Alice/mobile +33611111111 20s confirm',
        'nothing',
        ANNOUNCE,
        'nothing',
        'dial Alice/home +33142000001 30s confirm (drop +33611111111)',
      ],
      'in-progress',
    ],
    [
      'the caller hangs up while a number rings',
      {},
      [['ended', 0, 'busy'], ['hung-up']],
      [
        'dial Alice/mobile +33611111111 20s confirm',
        'dial Alice/home +33142000001 30s confirm',
        'hang up +33142000001',
      ],
      'abandoned',
    ],
    [
      'a closing message instead of voicemail',
      {
        supervisorIds: [],
        scenario: [{ kind: 'message', message: { text: 'Please call back during office hours.' } }],
      },
      [['ended', 0, 'busy'], ['ended', 1, 'busy'], ['ended', 2, 'busy'], ['hung-up']],
      [
        'dial Alice/mobile +33611111111 20s confirm',
        'dial Alice/home +33142000001 30s confirm',
        'dial Bob/mobile +33622222222 25s confirm',
        'message "Please call back during office hours."',
        'nothing',
      ],
      'message',
    ],
  ])('%s', async (_name, hotline, reports, lines, end) => {
    const rig = boilerRoomRig(hotline, { service: { machineDetection: true } });
    const result = await callThrough(rig, reports);
    expect(result.lines).toEqual(lines);
    const record = recordOf(rig, result.callId);
    expect(
      record.outcome === 'answered'
        ? `answered by ${record.answeredBy?.personId}`
        : record.outcome === 'voicemail'
          ? `voicemail ${record.voicemailRecording}`
          : record.outcome,
    ).toBe(end);
  });

  it('without machine detection or confirmation, the callee is joined on pick-up', async () => {
    const rig = boilerRoomRig({ requireAnswerConfirmation: false });
    const { lines } = await callThrough(rig, [
      ['picked-up', 0],
      ['hung-up', 30],
    ]);
    expect(lines).toEqual(['dial Alice/mobile +33611111111 20s', 'bridge +33611111111', 'nothing']);
    expect(recordOf(rig, 'call-1')).toMatchObject({ outcome: 'answered', timeToAnswerSeconds: 5 });
  });

  it('dials with everything a carrier needs, and hands back the call and step to round-trip', async () => {
    const rig = boilerRoomRig({}, { service: { machineDetection: true } });
    expect(await answer(rig.service)).toEqual({
      kind: 'dial',
      callId: 'call-1',
      carrierCallId: 'carrier-1',
      step: 0,
      greeting: null,
      to: '+33611111111',
      callerId: HOTLINE_NUMBER,
      ringTimeoutSeconds: 20,
      confirm: true,
      machineDetection: true,
      target: { personId: 'alice', personName: 'Alice', label: 'mobile', via: 'on-call', level: 0, teamId: null },
      dropLeg: null,
    });
  });

  it('tells the carrier which leg to drop and which leg to hang up, by the ids it reported', async () => {
    const rig = boilerRoomRig();
    await answer(rig.service);
    await rig.service.legAnswered({ callId: 'call-1', step: 0, carrierLegId: 'uuid-a', at: at(5) });
    const next = await rig.service.confirmation({ callId: 'call-1', step: 0, digits: '', timedOut: true, at: at(10) });
    expect(next).toMatchObject({
      kind: 'dial',
      step: 1,
      dropLeg: { step: 0, to: '+33611111111', carrierLegId: 'uuid-a' },
    });
    await rig.service.legAnswered({ callId: 'call-1', step: 1, carrierLegId: 'uuid-b', at: at(15) });
    expect(await rig.service.callEnded({ callId: 'call-1', at: at(16) })).toEqual({
      kind: 'hang-up-leg',
      callId: 'call-1',
      carrierCallId: 'carrier-1',
      step: 1,
      to: '+33142000001',
      carrierLegId: 'uuid-b',
    });
  });

  it("takes the end of the caller's leg by the carrier's call id, from any instance", async () => {
    const rig = boilerRoomRig();
    await callThrough(rig, [['ended', 0, 'busy']]);
    expect(
      said(
        await rig
          .secondInstance()
          .callEnded({ carrier: 'test', carrierCallId: 'carrier-1', at: at(9), durationSeconds: 9 }),
      ),
    ).toBe('hang up +33142000001');
    expect(await rig.service.callEnded({ carrier: 'test', carrierCallId: 'nobody', at: at(9) })).toEqual({
      kind: 'nothing',
    });
    expect(recordOf(rig, 'call-1')).toMatchObject({ outcome: 'abandoned', durationSeconds: 9 });
    expect(rig.logger.messages('warn')).toEqual(['end of a carrier call this service does not know: journaled']);
  });

  it('announces the call to the callee only while their leg is the one wanted', async () => {
    const rig = boilerRoomRig();
    await callThrough(rig, [['ended', 0, 'busy']]);
    expect(await rig.service.calleePrompt({ callId: 'call-1', step: 1 })).toMatchObject({
      kind: 'announce',
      acceptKey: '1',
      timeoutSeconds: 5,
    });
    expect(await rig.service.calleePrompt({ callId: 'call-1', step: 0 })).toMatchObject({
      kind: 'hang-up-leg',
      step: 0,
      to: '+33611111111',
    });
  });

  it('logs the call: legs with their carrier details, who answered, time to answer and duration', async () => {
    const rig = boilerRoomRig();
    const { callId } = await callThrough(rig, [
      ['ended', 0, 'busy', undefined, 486],
      ['picked-up', 1],
      ['keys', 1, '1'],
      ['hung-up', 95],
    ]);
    expect(recordOf(rig, callId)).toMatchObject({
      accountId: 'acct-test',
      hotlineId: 'hl-1',
      carrier: 'test',
      carrierCallId: 'carrier-1',
      caller: CALLER,
      planSource: 'schedule',
      outcome: 'answered',
      startedAt: T0,
      answeredAt: at(15),
      endedAt: at(20),
      timeToAnswerSeconds: 15,
      durationSeconds: 95,
      legs: [
        {
          step: 0,
          number: '+33611111111',
          outcome: 'busy',
          sipCode: 486,
          startedAt: T0,
          endedAt: at(5),
          ringSeconds: 5,
        },
        { step: 1, number: '+33142000001', outcome: 'confirmed', startedAt: at(5), answeredAt: at(10), ringSeconds: 5 },
      ],
    });
  });
});

describe('inbound calls: the caller', () => {
  it.each<[string, string | null, 'hotline' | 'caller', string, string]>([
    ['a known caller, hotline number shown', CALLER, 'hotline', HOTLINE_NUMBER, 'from 3 3 6 1 2 3 4 5 6 7 8'],
    ['a known caller, their number shown', CALLER, 'caller', CALLER, 'from 3 3 6 1 2 3 4 5 6 7 8'],
    ['a withheld caller', null, 'caller', HOTLINE_NUMBER, 'from a withheld number'],
    ['an anonymous caller', 'anonymous', 'caller', HOTLINE_NUMBER, 'from a withheld number'],
    ['a caller without the plus', '33612345678', 'caller', CALLER, 'from 3 3 6 1 2 3 4 5 6 7 8'],
  ])('%s', async (_name, caller, callerIdMode, shown, announced) => {
    const rig = boilerRoomRig({ callerIdMode });
    expect(await answer(rig.service, { caller })).toMatchObject({ kind: 'dial', callerId: shown });
    const prompt = await rig.service.calleePrompt({ callId: 'call-1', step: 0 });
    expect(prompt.kind === 'announce' && prompt.prompt.kind === 'text' && prompt.prompt.text).toContain(announced);
    expect(recordOf(rig, 'call-1').caller).toBe(shown === HOTLINE_NUMBER && callerIdMode === 'caller' ? null : CALLER);
  });
});

describe('inbound calls: numbers no hotline answers', () => {
  it.each([['+33199999999'], ['sip:desk@example.com'], ['']])(
    '%j gets a polite message, logged and reported',
    async (number) => {
      const rig = boilerRoomRig();
      const reply = await answer(rig.service, { number });
      expect(reply).toEqual({ kind: 'unknown-number', number, language: 'en-GB' });
      expect(rig.logger.messages('info')).toEqual(['call to a number no hotline answers']);
      expect(rig.events.unknownNumbers).toEqual([{ number, caller: CALLER, carrier: 'test', at: T0 }]);
      expect(rig.store.all()).toEqual([]);
    },
  );

  it('speaks the configured default language', async () => {
    const rig = boilerRoomRig({}, { service: { defaultLanguage: 'fr-FR' } });
    expect(await answer(rig.service, { number: '+33199999999' })).toMatchObject({
      kind: 'unknown-number',
      language: 'fr-FR',
    });
  });
});

describe('inbound calls: duplicated, stale and reordered events', () => {
  const paths: [string, Report[]][] = [
    [
      'answered after a busy number',
      [
        ['ended', 0, 'busy'],
        ['picked-up', 1],
        ['prompt', 1],
        ['keys', 1, '1'],
        ['hung-up', 40],
      ],
    ],
    [
      'voicemail',
      [
        ['ended', 0, 'no-answer'],
        ['ended', 1, 'no-answer'],
        ['ended', 2, 'no-answer'],
        ['ended', 3, 'busy'],
        ['recorded', 'rec-1'],
        ['hung-up', 90],
      ],
    ],
    ['no key pressed, then abandoned', [['picked-up', 0], ['no-key', 0], ['hung-up']]],
  ];

  it.each(paths)(
    '%s: each event delivered twice gets the same reply twice and the same log',
    async (_name, reports) => {
      const once = boilerRoomRig();
      const single = await callThrough(once, reports);
      const twice = boilerRoomRig();
      const doubled = await callThrough(
        twice,
        reports.flatMap((r) => [r, r]),
        (i) => 5 * (Math.floor(i / 2) + 1),
      );
      expect(doubled.lines).toEqual([single.lines[0], ...single.lines.slice(1).flatMap((line) => [line, line])]);
      expect(recordOf(twice, doubled.callId)).toEqual(recordOf(once, single.callId));
      expect(twice.store.writes).toBe(once.store.writes);
    },
  );

  it.each(paths)('%s: the whole sequence delivered again changes nothing', async (_name, reports) => {
    const rig = boilerRoomRig();
    const { callId } = await callThrough(rig, reports);
    const before = rig.store.peek(callId);
    for (const [i, report] of reports.entries()) await deliver(rig.service, callId, { report, seconds: 5 * (i + 1) });
    expect(rig.store.peek(callId)).toEqual(before);
  });

  it('a late event for an earlier leg gets nothing and changes nothing', async () => {
    const rig = boilerRoomRig();
    await callThrough(rig, [
      ['ended', 0, 'busy'],
      ['ended', 1, 'no-answer'],
    ]);
    const before = rig.store.peek('call-1');
    expect(await rig.service.legEnded({ callId: 'call-1', step: 0, outcome: 'no-answer', at: at(20) })).toEqual({
      kind: 'nothing',
    });
    expect(await rig.service.legAnswered({ callId: 'call-1', step: 1, at: at(21) })).toEqual({ kind: 'nothing' });
    expect(rig.store.peek('call-1')).toEqual(before);
  });

  it('the key press reported before the pick-up gives the same log', async () => {
    const inOrder = boilerRoomRig();
    await callThrough(inOrder, [
      ['picked-up', 0],
      ['keys', 0, '1'],
      ['hung-up', 30],
    ]);
    const reordered = boilerRoomRig();
    await answer(reordered.service);
    await deliver(reordered.service, 'call-1', { report: ['keys', 0, '1'], seconds: 10 });
    expect(await deliver(reordered.service, 'call-1', { report: ['picked-up', 0], seconds: 5 })).toEqual({
      kind: 'nothing',
    });
    await deliver(reordered.service, 'call-1', { report: ['hung-up', 30], seconds: 15 });
    expect(recordOf(reordered, 'call-1')).toEqual(recordOf(inOrder, 'call-1'));
  });

  it('the end of the call reported before the recording gives the same log', async () => {
    const reports: Report[] = [
      ['ended', 0, 'busy'],
      ['ended', 1, 'busy'],
      ['ended', 2, 'busy'],
      ['ended', 3, 'busy'],
    ];
    const inOrder = boilerRoomRig();
    await callThrough(inOrder, [...reports, ['recorded', 'rec-1'], ['hung-up', 60]]);
    const reordered = boilerRoomRig();
    await callThrough(reordered, [...reports, ['hung-up', 60], ['recorded', 'rec-1']]);
    const [a, b] = [recordOf(inOrder, 'call-1'), recordOf(reordered, 'call-1')];
    expect({ ...b, endedAt: null }).toEqual({ ...a, endedAt: null });
    expect(b.voicemailRecording).toBe('rec-1');
  });

  it('a retried answer webhook gets the first reply and opens no second call, on this instance or another', async () => {
    const rig = boilerRoomRig();
    const first = await answer(rig.service);
    expect(await answer(rig.service)).toEqual(first);
    expect(await answer(rig.secondInstance())).toEqual(first);
    expect(rig.store.all().map((c) => c.id)).toEqual(['call-1']);
  });

  it('two instances handling events of one call at the same time lose neither (compare-and-set)', async () => {
    const rig = boilerRoomRig();
    await callThrough(rig, [
      ['ended', 0, 'busy'],
      ['ended', 1, 'busy'],
      ['ended', 2, 'busy'],
      ['ended', 3, 'busy'],
    ]);
    const other = rig.secondInstance();
    const replies = await Promise.all([
      rig.service.recording({ callId: 'call-1', reference: 'rec-1', at: at(60) }),
      other.callEnded({ callId: 'call-1', at: at(61), durationSeconds: 61 }),
      other.legEnded({ callId: 'call-1', step: 0, outcome: 'busy', at: at(62) }),
    ]);
    expect(replies.map(said)).toEqual(['nothing', 'nothing', 'nothing']);
    expect(recordOf(rig, 'call-1')).toMatchObject({
      outcome: 'voicemail',
      voicemailRecording: 'rec-1',
      endedAt: at(61),
      durationSeconds: 61,
    });
    expect(rig.store.peek('call-1')?.version).toBe(7);
  });

  it('when every compare-and-set attempt conflicts, still answers the caller and says so', async () => {
    const rig = boilerRoomRig();
    await answer(rig.service);
    const racing = new (class extends InMemoryCallStore {
      override async save(): Promise<number> {
        throw new VersionConflictError('someone else, again');
      }
      override async load(id: string) {
        return rig.store.load(id);
      }
    })();
    const service = createCalls({
      store: racing,
      hotlines: rig.hotlines,
      planner: rig.planner,
      clock: rig.clock,
      ids: { next: () => 'x' },
      logger: rig.logger,
    });
    expect(said(await service.legEnded({ callId: 'call-1', step: 0, outcome: 'busy', at: at(5) }))).toBe(
      'dial Alice/home +33142000001 30s confirm',
    );
    expect(rig.logger.messages('error')).toEqual([
      'call changed by others on every attempt: answering without storing',
    ]);
  });
});

describe('inbound calls: the plan is snapshotted on answer', () => {
  it('a schedule change mid-call leaves the live call on its plan; the next call follows it', async () => {
    const rig = boilerRoomRig();
    await answer(rig.service);
    rig.planner.setOnCall('hl-1', { levels: [personRef(bob)], slotId: 'slot-2', overrideIds: [] });
    expect(said(await rig.service.legEnded({ callId: 'call-1', step: 0, outcome: 'busy', at: at(5) }))).toBe(
      'dial Alice/home +33142000001 30s confirm',
    );
    expect(said(await answer(rig.service, { carrierCallId: 'carrier-2', seconds: 6 }))).toBe(
      'dial Bob/mobile +33622222222 25s confirm',
    );
    expect(rig.store.peek('call-1')?.state.plan.slotId).toBe('slot-1');
  });

  const paris = TimeZone.of('Europe/Paris');
  const spring = ScheduleIndex.build(
    paris,
    [
      aSlot('hl-1', { start: '2027-03-27T20:00', end: '2027-03-28T03:00', assignees: [personRef(alice)] }),
      aSlot('hl-1', { start: '2027-03-28T03:00', end: '2027-03-28T08:00', assignees: [personRef(bob)] }),
    ],
    [],
  );
  const autumn = ScheduleIndex.build(
    paris,
    [
      aSlot('hl-1', { start: '2027-10-30T20:00', end: '2027-10-31T04:00', assignees: [personRef(alice)] }),
      aSlot('hl-1', { start: '2027-10-31T04:00', end: '2027-10-31T08:00', assignees: [personRef(bob)] }),
    ],
    [],
  );
  it.each<[string, ScheduleIndex, string, string]>([
    ['the last second before clocks go forward', spring, '2027-03-28T00:59:59Z', 'Alice'],
    ['the first second after (03:00 summer time)', spring, '2027-03-28T01:00:00Z', 'Bob'],
    ['02:30 the first time, the night clocks go back', autumn, '2027-10-31T00:30:00Z', 'Alice'],
    ['02:30 the second time', autumn, '2027-10-31T01:30:00Z', 'Alice'],
    ['04:00 winter time', autumn, '2027-10-31T03:00:00Z', 'Bob'],
  ])('a call during a clock-change night: %s', async (_name, schedule, instant, person) => {
    const rig = boilerRoomRig({}, {}, { onCall: { 'hl-1': schedule } });
    const reply = await rig.service.answer({
      carrier: 'test',
      hotlineNumber: HOTLINE_NUMBER,
      caller: CALLER,
      carrierCallId: 'c',
      at: parseInstant(instant),
    });
    expect(reply).toMatchObject({ kind: 'dial', target: { personName: person } });
    expect(recordOf(rig, 'call-1').startedAt).toBe(parseInstant(instant));
  });
});

describe('inbound calls: a caller never hears silence', () => {
  it('the store failing on answer: the fresh plan is followed, the call kept in memory and stored once the store is back', async () => {
    const rig = boilerRoomRig();
    rig.store.outage.mode = 'down';
    expect(said(await answer(rig.service))).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(said(await deliver(rig.service, 'call-1', { report: ['ended', 0, 'busy'], seconds: 5 }))).toBe(
      'dial Alice/home +33142000001 30s confirm',
    );
    expect(rig.store.all()).toEqual([]);
    rig.store.outage.mode = 'up';
    expect(said(await deliver(rig.service, 'call-1', { report: ['keys', 1, '1'], seconds: 10 }))).toBe(
      'bridge +33142000001',
    );
    expect(rig.store.all()).toEqual([]);
    expect(await rig.service.writeBack()).toEqual({ written: 3, waiting: 0, dropped: 0 });

    const calm = boilerRoomRig();
    await callThrough(calm, [
      ['ended', 0, 'busy'],
      ['keys', 1, '1'],
    ]);
    expect(recordOf(rig, 'call-1')).toEqual(recordOf(calm, 'call-1'));
    expect(rig.logger.messages('warn')).toContain('the call store did not take a new call: it is journaled');
    // Back in the store: the next event goes there directly.
    await deliver(rig.service, 'call-1', { report: ['hung-up', 30], seconds: 40 });
    expect(recordOf(rig, 'call-1')).toMatchObject({ outcome: 'answered', durationSeconds: 30 });
    expect(rig.service.hasPendingWrites()).toBe(false);
  });

  it('the store hanging: the reply still comes within the time budget', async () => {
    const rig = boilerRoomRig();
    rig.store.outage.mode = 'hanging';
    expect(said(await answer(rig.service))).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(said(await deliver(rig.service, 'call-1', { report: ['ended', 0, 'no-answer'], seconds: 5 }))).toBe(
      'dial Alice/home +33142000001 30s confirm',
    );
    // Known to be away after the first stall: the store is left alone until the write-back reaches it.
    expect(rig.store.outage.refused).toEqual(['create']);
  });

  it('with the real timer, a hanging store costs the budget and no more', async () => {
    const rig = boilerRoomRig({}, { timer: systemTimer, service: { budgetMs: 40 } });
    rig.store.outage.mode = 'hanging';
    const started = performance.now();
    expect(said(await answer(rig.service))).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('the store failing mid-call: the call goes on from memory, and its changes are stored once it is back', async () => {
    const rig = boilerRoomRig();
    await answer(rig.service);
    rig.store.outage.mode = 'down';
    expect(said(await deliver(rig.service, 'call-1', { report: ['ended', 0, 'busy'], seconds: 5 }))).toBe(
      'dial Alice/home +33142000001 30s confirm',
    );
    expect(said(await deliver(rig.service, 'call-1', { report: ['ended', 1, 'busy'], seconds: 10 }))).toBe(
      'dial Bob/mobile +33622222222 25s confirm',
    );
    expect(rig.store.peek('call-1')?.state.step).toBe(0);
    rig.store.outage.mode = 'up';
    await deliver(rig.service, 'call-1', { report: ['hung-up'], seconds: 15 });
    expect(rig.store.peek('call-1')?.state.step).toBe(0);
    await rig.service.writeBack();
    expect(recordOf(rig, 'call-1')).toMatchObject({
      outcome: 'abandoned',
      legs: [{ outcome: 'busy' }, { outcome: 'busy' }, { outcome: 'cancelled' }],
    });
  });

  it('the planner failing: the last plan known for the number is followed', async () => {
    const rig = boilerRoomRig();
    await answer(rig.service);
    rig.planner.outage.mode = 'down';
    expect(said(await answer(rig.service, { carrierCallId: 'carrier-2' }))).toBe(
      'dial Alice/mobile +33611111111 20s confirm',
    );
    expect(recordOf(rig, 'call-2')).toMatchObject({
      planSource: 'last-known',
      accountId: 'acct-test',
      hotlineId: 'hl-1',
    });
    expect(rig.logger.messages('warn')).toEqual([
      'call planning failed',
      'routing on the last plan known for the number',
    ]);
  });

  it.each<[string, { lookupDown: boolean; emergencyNumbers: Record<string, string> }, string[]]>([
    [
      'lookup and planner down, an emergency number set',
      { lookupDown: true, emergencyNumbers: { '*': '+33699999999' } },
      ['dial Emergency number/emergency +33699999999 30s', `message "${APOLOGY}"`],
    ],
    [
      "planner down, no emergency number: the hotline's own voicemail",
      { lookupDown: false, emergencyNumbers: {} },
      ['voicemail'],
    ],
    [
      'lookup and planner down, no emergency number: an apology',
      { lookupDown: true, emergencyNumbers: {} },
      [`message "${APOLOGY}"`],
    ],
  ])('no plan known (%s)', async (_name, { lookupDown, emergencyNumbers }, lines) => {
    const rig = boilerRoomRig({}, { service: { emergencyNumbers } });
    rig.planner.outage.mode = 'down';
    if (lookupDown) rig.hotlines.outage.mode = 'down';
    const replies = [said(await answer(rig.service))];
    if (lines.length > 1)
      replies.push(said(await rig.service.legEnded({ callId: 'call-1', step: 0, outcome: 'busy', at: at(30) })));
    expect(replies).toEqual(lines);
    expect(recordOf(rig, 'call-1')).toMatchObject({
      planSource: 'emergency',
      accountId: lookupDown ? null : 'acct-test',
    });
  });

  it('an event for a call nobody knows (opened on an instance gone down with the store): the emergency number once, then an apology', async () => {
    const rig = boilerRoomRig({}, { service: { emergencyNumbers: { [HOTLINE_NUMBER]: '+33699999999' } } });
    const lost = { callId: 'call-77', hotlineNumber: HOTLINE_NUMBER };
    expect(await rig.service.legEnded({ ...lost, step: 2, outcome: 'busy' })).toMatchObject({
      kind: 'dial',
      step: RESCUE_STEP,
      to: '+33699999999',
      confirm: false,
    });
    expect(said(await rig.service.legEnded({ ...lost, step: RESCUE_STEP, outcome: 'no-answer' }))).toBe(
      `message "${APOLOGY}"`,
    );
    expect(await rig.service.callEnded({ callId: 'call-77' })).toEqual({ kind: 'nothing' });
    expect(await rig.service.calleePrompt({ callId: 'call-77', step: 2 })).toMatchObject({
      kind: 'announce',
      acceptKey: '1',
    });
  });

  it('the store down for a call this instance never saw: an apology rather than silence', async () => {
    const rig = boilerRoomRig();
    rig.store.outage.mode = 'down';
    expect(said(await rig.service.confirmation({ callId: 'call-9', step: 0, digits: '1' }))).toBe(
      `message "${APOLOGY}"`,
    );
  });

  it('a planner returning a broken plan: the caller still hears something', async () => {
    const rig = boilerRoomRig();
    const service = createCalls({
      store: rig.store,
      hotlines: rig.hotlines,
      clock: rig.clock,
      ids: { next: () => 'call-1' },
      logger: rig.logger,
      planner: { planFor: async (hotline, when) => ({ ...(await rig.planner.planFor(hotline, when)), steps: [] }) },
    });
    expect(said(await answer(service))).toBe(`message "${APOLOGY}"`);
    expect(rig.logger.messages('error')).toEqual(['answer failed: answering with a fallback']);
  });
});

describe('inbound calls: what the workers are told', () => {
  const kinds = (rig: InboundCallRig) =>
    rig.events.notices.map((n) => `${n.kind} ${n.notice.eventId} ${n.notice.record.outcome}`);

  it.each<[string, Report[], string[]]>([
    ['answered: nothing', [['keys', 0, '1'], ['hung-up'], ['hung-up']], []],
    [
      'abandoned: unanswered, once',
      [['ended', 0, 'busy'], ['hung-up'], ['hung-up']],
      ['unanswered call-1:unanswered abandoned'],
    ],
    [
      'voicemail: unanswered, then the recording',
      [
        ['ended', 0, 'busy'],
        ['ended', 1, 'busy'],
        ['ended', 2, 'busy'],
        ['ended', 3, 'busy'],
        ['hung-up'],
        ['recorded', 'rec-1'],
        ['recorded', 'rec-1'],
      ],
      ['unanswered call-1:unanswered voicemail', 'voicemail call-1:voicemail voicemail'],
    ],
  ])('%s', async (_name, reports, notices) => {
    const rig = boilerRoomRig();
    await callThrough(rig, reports);
    expect(kinds(rig)).toEqual(notices);
  });

  it('a notifier failing is logged and does not change the reply', async () => {
    const rig = boilerRoomRig();
    rig.events.failing = true;
    const { lines } = await callThrough(rig, [['ended', 0, 'busy'], ['hung-up']]);
    expect(lines[2]).toBe('hang up +33142000001');
    expect(rig.logger.messages('error')).toEqual(['could not report unanswered call']);
  });
});

describe('inbound calls: plain JSON all the way', () => {
  it('stores calls that survive JSON unchanged', async () => {
    const rig = boilerRoomRig({ greeting: GREETING });
    await callThrough(rig, [
      ['ended', 0, 'busy'],
      ['picked-up', 1],
      ['keys', 1, '1'],
    ]);
    const stored: StoredCall = rig.store.peek('call-1')!;
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(stored.lastReply?.key).toBe('confirmation:1:confirmed');
  });

  it('keeps the hotline as it was when the call started', async () => {
    const rig = boilerRoomRig();
    await answer(rig.service);
    rig.hotlines.put(boilerRoom({ name: 'Renamed', requireAnswerConfirmation: false }));
    const prompt = await rig.service.calleePrompt({ callId: 'call-1', step: 0 });
    expect(prompt.kind === 'announce' && prompt.prompt).toMatchObject({ text: expect.stringContaining('Boiler room') });
  });

  it('uses the carrier timestamp when given, the clock when not', async () => {
    const rig = boilerRoomRig();
    rig.clock.set(at(7));
    await rig.service.answer({ carrier: 'test', hotlineNumber: HOTLINE_NUMBER, caller: CALLER, carrierCallId: 'c' });
    expect(recordOf(rig, 'call-1').startedAt).toBe(at(7));
  });
});

describe('inbound calls: the journal, while the store is away and after', () => {
  const serviceOver = (rig: InboundCallRig, journal: MemoryCallJournal, options: InboundCallOptions = {}) =>
    createCalls(
      {
        store: rig.store,
        hotlines: rig.hotlines,
        planner: rig.planner,
        events: rig.events,
        logger: rig.logger,
        clock: rig.clock,
        ids: new SequentialIds('call'),
        journal,
      },
      options,
    );

  it('a call whose webhooks reached two instances is written back complete and once, whichever writes back first', async () => {
    const rig = boilerRoomRig();
    const a = serviceOver(rig, new MemoryCallJournal());
    const b = serviceOver(rig, new MemoryCallJournal());
    rig.store.outage.mode = 'down';
    expect(said(await answer(a))).toBe('dial Alice/mobile +33611111111 20s confirm');
    expect(said(await deliver(a, 'call-1', { report: ['ended', 0, 'busy'], seconds: 5 }))).toBe(
      'dial Alice/home +33142000001 30s confirm',
    );
    // B never saw the call: the caller is rescued, the events are journaled by B.
    expect(said(await deliver(b, 'call-1', { report: ['ended', 1, 'no-answer'], seconds: 35 }))).toBe(
      `message "${APOLOGY}"`,
    );
    expect(
      said(await b.callEnded({ carrier: 'test', carrierCallId: 'carrier-1', at: at(40), durationSeconds: 40 })),
    ).toBe('nothing');
    rig.store.outage.mode = 'up';
    expect(await b.writeBack()).toEqual({ written: 0, waiting: 2, dropped: 0 });
    expect(await a.writeBack()).toEqual({ written: 2, waiting: 0, dropped: 0 });
    expect(await b.writeBack()).toEqual({ written: 2, waiting: 0, dropped: 0 });
    expect(await a.writeBack()).toEqual({ written: 0, waiting: 0, dropped: 0 });
    expect(rig.store.all()).toHaveLength(1);
    expect(recordOf(rig, 'call-1')).toMatchObject({
      outcome: 'abandoned',
      durationSeconds: 40,
      legs: [{ outcome: 'busy' }, { outcome: 'no-answer' }, { outcome: 'cancelled' }],
    });
    expect(rig.events.notices.map((n) => n.notice.eventId)).toContain('call-1:unanswered');
  });

  it("events journaled by our id and by the carrier's keep their order, whichever the call is found by first", async () => {
    const rig = boilerRoomRig();
    const a = serviceOver(rig, new MemoryCallJournal());
    const b = serviceOver(rig, new MemoryCallJournal());
    rig.store.outage.mode = 'down';
    await answer(a);
    await deliver(b, 'call-1', { report: ['ended', 0, 'busy'], seconds: 5 });
    await b.callEnded({ carrier: 'test', carrierCallId: 'carrier-1', at: at(9), durationSeconds: 9 });
    rig.store.outage.mode = 'up';
    // The call is stored between B's two look-ups: the end must still wait for the busy leg before it.
    const load = rig.store.load.bind(rig.store);
    rig.store.load = async (callId) => {
      const found = await load(callId);
      if (!found) await a.writeBack();
      return found;
    };
    expect(await b.writeBack()).toEqual({ written: 0, waiting: 2, dropped: 0 });
    expect(await b.writeBack()).toEqual({ written: 2, waiting: 0, dropped: 0 });
    expect(recordOf(rig, 'call-1')).toMatchObject({
      outcome: 'abandoned',
      legs: [{ outcome: 'busy' }, { outcome: 'cancelled' }],
    });
  });

  it('a restart loses nothing: the journal is read back, the call goes on from it and is written back', async () => {
    const rig = boilerRoomRig();
    const journal = new MemoryCallJournal();
    rig.store.outage.mode = 'down';
    await answer(serviceOver(rig, journal));
    await deliver(serviceOver(rig, journal), 'call-1', { report: ['ended', 0, 'busy'], seconds: 5 });
    const restarted = serviceOver(rig, new MemoryCallJournal(journal.pending()));
    expect(said(await deliver(restarted, 'call-1', { report: ['ended', 1, 'busy'], seconds: 10 }))).toBe(
      'dial Bob/mobile +33622222222 25s confirm',
    );
    rig.store.outage.mode = 'up';
    expect(await restarted.writeBack()).toMatchObject({ written: 3, waiting: 0 });
    expect(recordOf(rig, 'call-1')).toMatchObject({
      outcome: 'in-progress',
      legs: [{ outcome: 'busy' }, { outcome: 'busy' }, { outcome: 'ringing' }],
    });
  });

  it('an event whose call never reaches the store is given up after its age, with an error', async () => {
    const rig = boilerRoomRig();
    const b = serviceOver(rig, new MemoryCallJournal(), { orphanMaxAgeMs: 60_000 });
    await deliver(b, 'call-404', { report: ['ended', 0, 'busy'], seconds: 5 });
    expect(await b.writeBack()).toEqual({ written: 0, waiting: 1, dropped: 0 });
    rig.clock.advance(61_000);
    expect(await b.writeBack()).toEqual({ written: 0, waiting: 0, dropped: 1 });
    expect(rig.logger.messages('error')).toContain("a journaled event's call never reached the store: given up");
  });

  it('with the real timer, a stalled store costs the first answer the store budget, then nothing', async () => {
    const rig = boilerRoomRig({}, { timer: systemTimer, service: { storeBudgetMs: 60 } });
    await answer(rig.service);
    rig.store.outage.mode = 'hanging';
    rig.planner.outage.mode = 'hanging';
    rig.hotlines.outage.mode = 'hanging';
    const answerTime = async (carrierCallId: string) => {
      const started = performance.now();
      expect(said(await answer(rig.service, { carrierCallId }))).toBe('dial Alice/mobile +33611111111 20s confirm');
      return performance.now() - started;
    };
    rig.planner.outage.mode = 'up';
    rig.hotlines.outage.mode = 'up';
    expect(await answerTime('carrier-2')).toBeLessThan(200);
    // Now known to be away: the plan last known for the number, without asking the lookup, planner or store.
    rig.planner.outage.mode = 'hanging';
    rig.hotlines.outage.mode = 'hanging';
    expect(await answerTime('carrier-3')).toBeLessThan(20);
    expect(rig.store.outage.refused).toEqual(['create']);
    rig.store.outage.mode = 'up';
    expect(await rig.service.writeBack()).toMatchObject({ written: 2 });
    expect(
      rig.store
        .all()
        .map((call) => call.planSource)
        .sort(),
    ).toEqual(['last-known', 'schedule', 'schedule']);
  });
});
