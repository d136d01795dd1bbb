import { systemCaller } from '../shared';
import { CALLER, HOTLINE_NUMBER, at, boilerRoomRig } from './testing/boiler-room';
import { CallLogService } from './call-log.service';
import { InboundCallRig } from './testing/inbound-call-rig';

const caller = systemCaller('acct-test');
const stranger = systemCaller('acct-other');

/** Four calls a minute apart: answered by Alice, abandoned, answered by Alice, voicemail. */
async function aDayOfCalls(): Promise<{ rig: InboundCallRig; log: CallLogService }> {
  const rig = boilerRoomRig();
  const { service } = rig;
  const call = async (n: number, events: (callId: string, t: number) => Promise<unknown>[] | Promise<unknown>) => {
    const t = n * 60;
    await service.answer({
      carrier: 'test',
      hotlineNumber: HOTLINE_NUMBER,
      caller: CALLER,
      carrierCallId: `c-${n}`,
      at: at(t),
    });
    const steps = events(`call-${n}`, t);
    for (const step of Array.isArray(steps) ? steps : [steps]) await step;
  };
  await call(1, (id, t) => [
    service.confirmation({ callId: id, step: 0, digits: '1', at: at(t + 10) }),
    service.callEnded({ callId: id, at: at(t + 40), durationSeconds: 40 }),
  ]);
  await call(2, (id, t) => service.callEnded({ callId: id, at: at(t + 5), durationSeconds: 5 }));
  await call(3, (id, t) => [
    service.confirmation({ callId: id, step: 0, digits: '1', at: at(t + 20) }),
    service.callEnded({ callId: id, at: at(t + 30), durationSeconds: 30 }),
  ]);
  await call(4, async (id, t) => {
    for (const step of [0, 1, 2, 3])
      await service.legEnded({ callId: id, step, outcome: 'no-answer', at: at(t + 10 * (step + 1)) });
    await service.recording({ callId: id, reference: 'rec-4', at: at(t + 55) });
    await service.callEnded({ callId: id, at: at(t + 56), durationSeconds: 56 });
  });
  return {
    rig,
    log: new CallLogService({
      reader: rig.store,
      store: rig.store,
      clock: rig.clock,
      ids: { next: () => 'comment-1' },
    }),
  };
}

describe('call log service (F17)', () => {
  it("lists the account's calls newest first, page by page", async () => {
    const { log } = await aDayOfCalls();
    const first = await log.calls(caller, {}, { first: 3 });
    expect(first.items.map((c) => `${c.id} ${c.outcome}`)).toEqual([
      'call-4 voicemail',
      'call-3 answered',
      'call-2 abandoned',
    ]);
    const second = await log.calls(caller, {}, { first: 3, after: first.nextCursor });
    expect(second).toMatchObject({ items: [{ id: 'call-1' }], nextCursor: null });
  });

  it.each<[string, Parameters<CallLogService['calls']>[1], string[]]>([
    ['by outcome', { outcome: 'answered' }, ['call-3', 'call-1']],
    ['by who answered', { answeredBy: 'alice' }, ['call-3', 'call-1']],
    ['by start, half-open', { from: at(120), to: at(240) }, ['call-3', 'call-2']],
    ['by hotline', { hotlineId: 'hl-other' }, []],
  ])('filters %s', async (_name, filter, ids) => {
    const { log } = await aDayOfCalls();
    expect((await log.calls(caller, filter)).items.map((c) => c.id)).toEqual(ids);
  });

  it('refuses a range that ends before it starts', async () => {
    const { log } = await aDayOfCalls();
    await expect(log.calls(caller, { from: at(10), to: at(10) })).rejects.toMatchObject({
      code: 'INVALID_RANGE',
      field: 'filter.to',
    });
  });

  it('shows nothing of another account', async () => {
    const { log } = await aDayOfCalls();
    expect((await log.calls(stranger)).items).toEqual([]);
    expect(await log.call(stranger, 'call-1')).toBeUndefined();
    expect(await log.addComment(stranger, 'call-1', 'hello')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'callId' },
    });
  });

  it('computes statistics over the filtered calls', async () => {
    const { log } = await aDayOfCalls();
    expect(await log.statistics(caller)).toMatchObject({
      calls: 4,
      complete: true,
      answeredRate: 0.5,
      byOutcome: { answered: 2, abandoned: 1, voicemail: 1 },
      timeToAnswer: { count: 2, averageSeconds: 15, maxSeconds: 20 },
      duration: { count: 4, maxSeconds: 56 },
      answerers: [{ personId: 'alice', answered: 2, averageTimeToAnswerSeconds: 15 }],
    });
  });

  it('says when statistics stopped at the limit', async () => {
    const { rig } = await aDayOfCalls();
    const log = new CallLogService(
      { reader: rig.store, store: rig.store, clock: rig.clock, ids: { next: () => 'c' } },
      { statisticsLimit: 3 },
    );
    expect(await log.statistics(caller)).toMatchObject({ calls: 3, complete: false });
  });

  it('keeps comments with their author and instant, in order', async () => {
    const { log, rig } = await aDayOfCalls();
    rig.clock.set(at(900));
    const result = await log.addComment(caller, 'call-2', ' Caller rang back later. ');
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: 'call-2',
        comments: [{ id: 'comment-1', text: 'Caller rang back later.', author: caller.actor, at: at(900) }],
      },
    });
    expect((await log.call(caller, 'call-2'))?.comments).toHaveLength(1);
  });

  it('refuses an empty comment', async () => {
    const { log } = await aDayOfCalls();
    await expect(log.addComment(caller, 'call-1', '  ')).rejects.toMatchObject({ code: 'REQUIRED', field: 'text' });
  });

  it("a comment on a call still ringing does not lose the call's progress", async () => {
    const { log, rig } = await aDayOfCalls();
    await rig.service.answer({
      carrier: 'test',
      hotlineNumber: HOTLINE_NUMBER,
      caller: CALLER,
      carrierCallId: 'c-5',
      at: at(600),
    });
    await Promise.all([
      log.addComment(caller, 'call-5', 'Watching this one.'),
      rig.service.legEnded({ callId: 'call-5', step: 0, outcome: 'busy', at: at(605) }),
    ]);
    expect(await log.call(caller, 'call-5')).toMatchObject({
      comments: [{ text: 'Watching this one.' }],
      legs: [{ outcome: 'busy' }, { outcome: 'ringing' }],
    });
  });
});
