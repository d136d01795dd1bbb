import { aPerson, aTeam, teamRef } from '@dutyline/domain/testing';
import { CallInstruction } from './call-instruction';
import { CALLER, HOTLINE_NUMBER, at, boilerRoom, dan, said } from './testing/boiler-room';
import { InboundCallRig, inboundCallRig } from './testing/inbound-call-rig';

// An all-at-once level (F26) through the inbound call service: Gil and Hana, then Dan supervising.
const gil = aPerson({ id: 'gil', name: 'Gil', numbers: [{ number: '+33677000001', label: 'mobile' }] });
const hana = aPerson({
  id: 'hana',
  name: 'Hana',
  numbers: [
    { number: '+33677000002', label: 'mobile' },
    { number: '+33177000002', label: 'desk', ringTimeoutSeconds: 40 },
  ],
});
const pair = aTeam([gil, hana], { id: 'pair', name: 'Pair' });

function rig(parallelDialing: boolean, requireAnswerConfirmation = true): InboundCallRig {
  return inboundCallRig(
    {
      hotlines: [boilerRoom({ levelStrategies: ['all-at-once'], requireAnswerConfirmation })],
      people: [gil, hana, dan],
      teams: [pair],
      onCall: { 'hl-1': { levels: [teamRef(pair)], slotId: 'slot-1', overrideIds: [] } },
    },
    { service: { parallelDialing } },
  );
}

const answer = (r: InboundCallRig) =>
  r.service.answer({ carrier: 'test', hotlineNumber: HOTLINE_NUMBER, caller: CALLER, carrierCallId: 'c-1', at: at(0) });
const pickedUp = (r: InboundCallRig, step: number, seconds: number) =>
  r.service.legAnswered({ callId: 'call-1', step, at: at(seconds), carrierLegId: `leg-${step}` });
const keyed = (r: InboundCallRig, step: number, seconds: number) =>
  r.service.confirmation({ callId: 'call-1', step, digits: '1', at: at(seconds) });
const ended = (r: InboundCallRig, step: number, seconds: number) =>
  r.service.legEnded({ callId: 'call-1', step, outcome: 'no-answer', at: at(seconds), carrierLegId: `leg-${step}` });

describe('an all-at-once level through the inbound call service (F26)', () => {
  it('rings every number together; the first to press 1 is joined and the others are dropped by their carrier ids', async () => {
    const r = rig(true);
    const lines: string[] = [said(await answer(r))];
    // each callee picks up and hears the announcement; Hana's mobile presses 1 first
    for (const step of [0, 1, 2]) lines.push(said(await pickedUp(r, step, 2 + step)));
    lines.push(said(await keyed(r, 1, 6)), said(await keyed(r, 0, 7)));
    expect(lines).toEqual([
      'dial together dial Gil/mobile +33677000001 25s confirm + dial Hana/mobile +33677000002 25s confirm + dial Hana/desk +33177000002 40s confirm',
      'nothing',
      'nothing',
      'nothing',
      'bridge +33677000002, drop +33677000001 + +33177000002',
      'nothing',
    ]);
    const bridge = (await keyed(r, 1, 6)) as Extract<CallInstruction, { kind: 'bridge' }>;
    expect(bridge.drop).toEqual([
      { step: 0, to: '+33677000001', carrierLegId: 'leg-0' },
      { step: 2, to: '+33177000002', carrierLegId: 'leg-2' },
    ]);
    const log = await r.store.load('call-1');
    expect(log?.state.legs.map((l) => `${l.number} ${l.outcome}`)).toEqual([
      '+33677000001 cancelled',
      '+33677000002 confirmed',
      '+33177000002 cancelled',
    ]);
  });

  it('the group ends with its last leg, then the supervisor rings', async () => {
    const r = rig(true);
    await answer(r);
    expect(said(await ended(r, 0, 5))).toBe('nothing');
    expect(said(await ended(r, 2, 6))).toBe('nothing');
    expect(said(await ended(r, 1, 7))).toBe('dial Dan/mobile +33644444444 25s confirm');
  });

  it('the caller hanging up stops every leg still ringing', async () => {
    const r = rig(true);
    await answer(r);
    await ended(r, 1, 3);
    const gone = await r.service.callEnded({ callId: 'call-1', at: at(4) });
    expect(said(gone)).toBe('hang up +33677000001 + +33177000002');
  });

  it('legs the carrier placed itself: their ids are stored, so another instance hangs them up when the caller leaves', async () => {
    const r = rig(true);
    await answer(r);
    const placed = (step: number) => ({ callId: 'call-1', step, carrierLegId: `rest-${step}`, at: at(1) });
    const ringing = await Promise.all([r.service.legPlaced(placed(0)), r.service.legPlaced(placed(1))]);
    expect(ringing.map(said)).toEqual(['nothing', 'nothing']);
    await r.service.legPlaced(placed(2));
    // A retry with another id changes nothing: the first id stays.
    await r.service.legPlaced({ ...placed(2), carrierLegId: 'rest-2-again' });
    const stored = await r.store.load('call-1');
    expect(stored?.state.legs.map((l) => l.outcome)).toEqual([null, null, null]);
    const gone = await r.secondInstance().callEnded({ callId: 'call-1', at: at(4) });
    expect(gone).toMatchObject({
      kind: 'hang-up-legs',
      legs: [
        { step: 0, carrierLegId: 'rest-0' },
        { step: 1, carrierLegId: 'rest-1' },
        { step: 2, carrierLegId: 'rest-2' },
      ],
    });
  });

  it('a leg whose uuid comes after the caller left (or someone took the call) is hung up at once; one that ended is not', async () => {
    const r = rig(true);
    await answer(r);
    await ended(r, 2, 2);
    await r.service.callEnded({ callId: 'call-1', at: at(3) });
    const late = await r.service.legPlaced({ callId: 'call-1', step: 0, carrierLegId: 'rest-0', at: at(4) });
    expect(late).toMatchObject({ kind: 'hang-up-leg', step: 0, to: '+33677000001', carrierLegId: 'rest-0' });
    const over = await r.service.legPlaced({ callId: 'call-1', step: 2, carrierLegId: 'rest-2', at: at(4) });
    expect(said(over)).toBe('nothing');
  });

  it('a leg whose uuid is stored just before the caller leaves is hung up once: by the hang-up that read its uuid', async () => {
    const r = rig(true);
    await answer(r);
    // The caller's hang-up lands on another instance right after the uuid is written.
    const save = r.store.save.bind(r.store);
    const caller: { gone: CallInstruction | null } = { gone: null };
    r.store.save = async (call) => {
      const version = await save(call);
      if (caller.gone === null && call.timeline.legs.some((leg) => leg.carrierLegId === 'rest-0'))
        caller.gone = await r.secondInstance().callEnded({ callId: 'call-1', at: at(1) });
      return version;
    };
    const placed = await r.service.legPlaced({ callId: 'call-1', step: 0, carrierLegId: 'rest-0', at: at(1) });
    const left = caller.gone;
    if (left === null) throw new Error('the caller did not leave');
    const hungUp = [placed, ...(left.kind === 'hang-up-legs' ? left.legs : [left])].filter(
      (i) => i.kind === 'hang-up-leg' && i.step === 0,
    );
    expect(hungUp).toEqual([expect.objectContaining({ carrierLegId: 'rest-0' })]);
  });

  it('a once-only action is claimed once across instances, even at the same time; another key is its own', async () => {
    const r = rig(true);
    await answer(r);
    const other = r.secondInstance();
    const claims = await Promise.all([
      r.service.claim({ callId: 'call-1', key: 'place:0' }),
      other.claim({ callId: 'call-1', key: 'place:0' }),
    ]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await r.service.claim({ callId: 'call-1', key: 'place:0' })).toBe(false);
    expect(await other.claim({ callId: 'call-1', key: 'transfer:3' })).toBe(true);
    expect((await r.store.load('call-1'))?.claims).toEqual(['place:0', 'transfer:3']);
    // A claim moves nothing: the legs still ring.
    expect(said(await ended(r, 0, 5))).toBe('nothing');
  });

  it('a claim on a call this instance cannot read is taken (acting beats a caller left waiting)', async () => {
    const r = rig(true);
    expect(await r.service.claim({ callId: 'call-nobody', key: 'place:0' })).toBe(true);
  });

  it('a carrier that rings one leg at a time gets the same numbers one after the other', async () => {
    const r = rig(false);
    expect(said(await answer(r))).toBe('dial Gil/mobile +33677000001 25s confirm');
    expect(said(await ended(r, 0, 5))).toBe('dial Hana/mobile +33677000002 25s confirm');
    const stored = await r.store.load('call-1');
    expect(stored?.state.plan.steps.some((s) => s.kind === 'dial' && s.group !== undefined)).toBe(false);
  });
});
