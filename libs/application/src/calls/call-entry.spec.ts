import { CallEntryInput, OnCall, callEntry, parseInstant } from '@dutyline/domain';
import { aHotline, personRef } from '@dutyline/domain/testing';
import { CallInstruction } from './call-instruction';
import { AnswerInput } from './inbound-calls';
import { CALLER, HOTLINE_NUMBER, alice, aliceThenBob, bob, boilerRoom, dan, said } from './testing/boiler-room';
import { InboundCallRig, inboundCallRig } from './testing/inbound-call-rig';

const LIFTS_NUMBER = '+33140000010';
const RECEPTION_EXTRA = '+33140000001';
const NIGHT_EXTRA = '+33140000002';
const lifts = aHotline({ id: 'lifts', name: 'Lifts', number: LIFTS_NUMBER });
const reception = aHotline({ id: 'reception', name: 'Reception', number: '+33140000020' });
const only = (person: { id: string }): OnCall => ({ levels: [personRef(person)], slotId: null, overrideIds: [] });

const LINE = 'dial Alice/mobile +33611111111 20s confirm';
const LIFTS = 'dial Bob/mobile +33622222222 25s confirm';
const RECEPTION = 'dial Dan/mobile +33644444444 25s confirm';

const MENU: CallEntryInput['front'] = {
  kind: 'menu',
  prompt: { text: 'Press 1 for heating, 2 for lifts' },
  choices: [
    { key: '1', label: 'Heating', target: { kind: 'line' } },
    { key: '2', label: 'Lifts', target: { kind: 'hotline', hotlineId: 'lifts' } },
  ],
  defaultTarget: { kind: 'line' },
};

const POSTCODE: CallEntryInput['front'] = {
  kind: 'keyed',
  prompt: { text: 'Key your postcode' },
  maxDigits: 5,
  matches: [
    { prefix: '75', target: { kind: 'line' } },
    { from: '92000', to: '92999', target: { kind: 'hotline', hotlineId: 'lifts' } },
  ],
  defaultTarget: { kind: 'hotline', hotlineId: 'reception' },
};

/** Office hours, Monday to Friday 08:00–18:00 in Paris, go to reception; the night number asks the menu. */
const RULES: Omit<CallEntryInput, 'hotlineId'> = {
  extraNumbers: [RECEPTION_EXTRA, NIGHT_EXTRA],
  rules: [
    { dialled: NIGHT_EXTRA, target: { kind: 'front' } },
    { dialled: RECEPTION_EXTRA, target: { kind: 'hotline', hotlineId: 'reception' } },
    {
      hours: { windows: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '18:00' }] },
      target: { kind: 'hotline', hotlineId: 'reception' },
    },
  ],
  front: MENU,
};

function rigWith(entry: Omit<CallEntryInput, 'hotlineId'>): InboundCallRig {
  return inboundCallRig({
    hotlines: [boilerRoom(), lifts, reception],
    people: [alice, bob, dan],
    onCall: { 'hl-1': aliceThenBob, lifts: only(bob), reception: only(dan) },
    entries: [callEntry({ hotlineId: 'hl-1', ...entry })],
  });
}

interface Caller {
  readonly number?: string;
  readonly at?: string;
  readonly carrierCallId?: string;
  readonly gathers?: boolean;
}

/** A caller who answers each menu with the next keys (`null`: lets it time out); every reply as a line. */
async function callWithKeys(rig: InboundCallRig, keys: readonly (string | null)[], caller: Caller = {}) {
  const answer: AnswerInput = {
    carrier: 'test',
    hotlineNumber: caller.number ?? HOTLINE_NUMBER,
    caller: CALLER,
    carrierCallId: caller.carrierCallId ?? 'carrier-1',
    at: parseInstant(caller.at ?? '2027-03-28T00:30:00Z'),
    gathers: caller.gathers,
  };
  let reply: CallInstruction = await rig.service.answer(answer);
  const lines = [said(reply)];
  for (const digits of keys) {
    if (reply.kind !== 'gather') throw new Error(`keys given after ${said(reply)}`);
    const { hotlineNumber, caller: from, carrierCallId, carrier, at } = answer;
    reply = await rig.service.keys({
      carrier,
      hotlineNumber,
      caller: from,
      carrierCallId,
      stage: reply.stage,
      digits,
      timedOut: digits === null,
      at,
    });
    lines.push(said(reply));
  }
  const callId = 'callId' in reply ? reply.callId : null;
  const stored = callId ? rig.store.peek(callId) : undefined;
  return { lines, reply, stored, plan: stored?.state.plan };
}

describe('call entry (F25): a menu in front of the line', () => {
  it('asks, asks once more after no key, then takes the default after a wrong key', async () => {
    const rig = rigWith({ front: MENU });
    const { lines, plan } = await callWithKeys(rig, [null, '7']);
    expect(lines).toEqual([
      'gather front:1 "Press 1 for heating, 2 for lifts" 1 key(s)',
      'gather front:2 "Press 1 for heating, 2 for lifts" 1 key(s)',
      LINE,
    ]);
    expect(plan?.hotline.id).toBe('hl-1');
    expect(plan?.route).toEqual({ dialled: HOTLINE_NUMBER, entryHotlineId: 'hl-1', via: 'default', key: '7' });
    expect(rig.store.all()).toHaveLength(1);
  });

  it('opens no call while asking', async () => {
    const rig = rigWith({ front: MENU });
    await callWithKeys(rig, ['']);
    expect(rig.store.all()).toEqual([]);
  });

  it("puts key 2 through to the lifts hotline's duty, showing the number dialled", async () => {
    const rig = rigWith({ front: MENU });
    const { lines, plan, reply } = await callWithKeys(rig, ['2']);
    expect(lines.at(-1)).toBe(LIFTS);
    expect(reply).toMatchObject({ kind: 'dial', callerId: HOTLINE_NUMBER });
    expect(plan).toMatchObject({
      hotline: { id: 'lifts', number: HOTLINE_NUMBER },
      route: { dialled: HOTLINE_NUMBER, entryHotlineId: 'hl-1', via: 'menu', key: '2' },
    });
    expect(rig.store.all()[0]).toMatchObject({ hotlineId: 'lifts', hotlineNumber: HOTLINE_NUMBER });
  });

  it("one hop only: the chosen hotline's own menu is not played again", async () => {
    const rig = rigWith({ front: MENU });
    const liftsMenu = {
      ...MENU,
      choices: [{ key: '1', label: 'Back', target: { kind: 'hotline', hotlineId: 'hl-1' } }],
    };
    rig.entries.put(callEntry({ hotlineId: 'lifts', front: liftsMenu }));
    const { lines, plan } = await callWithKeys(rig, ['2']);
    expect(lines.at(-1)).toBe(LIFTS);
    expect(plan?.route).toMatchObject({ entryHotlineId: 'hl-1', via: 'menu', key: '2' });
  });

  it('answers keys repeated by the carrier with the same first step, opening one call', async () => {
    const rig = rigWith({ front: MENU });
    const first = await callWithKeys(rig, ['2']);
    const keys = { carrier: 'test', hotlineNumber: HOTLINE_NUMBER, caller: CALLER, carrierCallId: 'carrier-1' };
    expect(await rig.service.keys({ ...keys, stage: 'front:1', digits: '2' })).toEqual(first.reply);
    expect(await rig.service.answer(keys)).toEqual(first.reply);
    expect(await rig.secondInstance().keys({ ...keys, stage: 'front:1', digits: '2' })).toEqual(first.reply);
    expect(rig.store.all()).toHaveLength(1);
  });

  it('a carrier that cannot gather (SIP) gets the front default at once', async () => {
    const rig = rigWith({ front: { ...MENU, defaultTarget: { kind: 'hotline', hotlineId: 'lifts' } } });
    const { lines, plan } = await callWithKeys(rig, [], { gathers: false });
    expect(lines).toEqual([LIFTS]);
    expect(plan?.route).toMatchObject({ via: 'default' });
  });
});

describe('call entry (F25): a keyed postcode', () => {
  it.each<[string, (string | null)[], string[], object]>([
    ['a prefix', ['75011'], [LINE], { via: 'keyed', keyed: '75011' }],
    ['a range', ['92100'], [LIFTS], { via: 'keyed', keyed: '92100' }],
    ['a retry after an unknown value', ['93000', '92999'], ['gather', LIFTS], { via: 'keyed', keyed: '92999' }],
    ['the default after two unknown values', ['93000', null], ['gather', RECEPTION], { via: 'default' }],
  ])('%s', async (_, keys, expected, route) => {
    const rig = rigWith({ front: POSTCODE });
    const { lines, plan } = await callWithKeys(rig, keys);
    expect(lines[0]).toBe('gather front:1 "Key your postcode" 5 key(s) or #');
    expect(lines.slice(1).map((line) => (line.startsWith('gather') ? 'gather' : line))).toEqual(expected);
    expect(plan?.route).toEqual({ dialled: HOTLINE_NUMBER, entryHotlineId: 'hl-1', ...route });
  });
});

describe('call entry (F25): rules by number dialled and period', () => {
  it.each([
    // Friday 27 March 2026, 17:59 and 18:00 in Paris (UTC+1)
    ['2026-03-27T16:59:00Z', RECEPTION],
    ['2026-03-27T17:00:00Z', 'gather'],
    // Monday 30 March, the clocks went forward on Sunday: 08:00 in Paris is 06:00Z
    ['2026-03-30T05:59:00Z', 'gather'],
    ['2026-03-30T06:00:00Z', RECEPTION],
    // Monday 26 October, the clocks went back on Sunday: 08:00 in Paris is 07:00Z
    ['2026-10-26T06:59:00Z', 'gather'],
    ['2026-10-26T07:00:00Z', RECEPTION],
  ])('a call at %s', async (at, expected) => {
    const { lines } = await callWithKeys(rigWith(RULES), [], { at });
    expect(lines.map((line) => (line.startsWith('gather') ? 'gather' : line))).toEqual([expected]);
  });

  it('an extra number leads to its hotline and is the caller id shown', async () => {
    const rig = rigWith(RULES);
    const { reply, plan } = await callWithKeys(rig, [], { number: RECEPTION_EXTRA, at: '2026-10-25T01:30:00Z' });
    expect(said(reply)).toBe(RECEPTION);
    expect(reply).toMatchObject({ callerId: RECEPTION_EXTRA });
    expect(plan?.route).toEqual({ dialled: RECEPTION_EXTRA, entryHotlineId: 'hl-1', via: 'rule', ruleIndex: 1 });
    expect(rig.store.all()[0]).toMatchObject({ hotlineNumber: RECEPTION_EXTRA, hotlineId: 'reception' });
  });

  it('the night number asks the menu even in office hours', async () => {
    const rig = rigWith(RULES);
    const { lines } = await callWithKeys(rig, ['1'], { number: NIGHT_EXTRA, at: '2026-03-30T08:00:00Z' });
    expect(lines).toEqual(['gather front:1 "Press 1 for heating, 2 for lifts" 1 key(s)', LINE]);
  });

  it('a number nobody has is still unknown', async () => {
    const { lines } = await callWithKeys(rigWith(RULES), [], { number: '+33140000099' });
    expect(lines).toEqual(['unknown number +33140000099 (en-GB)']);
  });
});

describe('call entry (F25): failures never leave the caller in silence', () => {
  it('entries out of reach: the call goes to the line', async () => {
    const rig = rigWith({ front: MENU });
    rig.entries.outage.mode = 'down';
    const { lines, plan } = await callWithKeys(rig, []);
    expect(lines).toEqual([LINE]);
    expect(plan?.route).toBeUndefined();
  });

  it("the plan kept for fallbacks on the number is its own line's, never a menu choice's", async () => {
    const rig = rigWith({ front: MENU });
    await callWithKeys(rig, ['2'], { carrierCallId: 'to-lifts' });
    rig.planner.outage.mode = 'down';
    const fallback = await callWithKeys(rig, ['1'], { carrierCallId: 'while-down' });
    expect(fallback.lines.at(-1)).not.toBe(LIFTS);
    rig.planner.outage.mode = 'up';
    await callWithKeys(rig, ['1'], { carrierCallId: 'to-line' });
    rig.planner.outage.mode = 'down';
    const known = await callWithKeys(rig, ['2'], { carrierCallId: 'while-down-again' });
    expect(known.lines.at(-1)).toBe(LINE);
    expect(known.plan?.route).toBeUndefined();
  });

  it('a chosen hotline that is gone: the line', async () => {
    const rig = rigWith({ front: MENU });
    rig.entries.removeHotline('lifts');
    const { lines } = await callWithKeys(rig, ['2']);
    expect(lines.at(-1)).toBe(LINE);
  });

  it('the entry removed while the caller keys: the line', async () => {
    const rig = rigWith({ front: MENU });
    const first = await rig.service.answer({
      carrier: 'test',
      hotlineNumber: HOTLINE_NUMBER,
      caller: CALLER,
      carrierCallId: 'c-9',
    });
    expect(first.kind).toBe('gather');
    rig.entries.put(callEntry({ hotlineId: 'hl-1' }));
    const next = await rig.service.keys({
      carrier: 'test',
      hotlineNumber: HOTLINE_NUMBER,
      caller: CALLER,
      carrierCallId: 'c-9',
      stage: 'front:1',
      digits: '2',
    });
    expect(said(next)).toBe(LINE);
  });
});
