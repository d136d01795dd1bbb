import { DialStep, RingRotation, RotationCounter, hotline, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { createApplication } from '../application';
import { InMemoryDutyline, aCaller, seedSampleDirectory, valueOf } from '../testing';
import { readLevelRotation } from './level-rotation';

const caller = aCaller('acct-a');

/** Counters in memory, as the in-process adapter keeps them; `fail`/`hang` make every read do so. */
class ScriptedRotation implements RingRotation {
  readonly asked: string[] = [];
  mode: 'answer' | 'fail' | 'hang' = 'answer';
  private readonly counters = new Map<string, number>();
  async next(counter: RotationCounter): Promise<number> {
    const value = await this.read('next', counter);
    this.counters.set(keyOf(counter), value + 1);
    return value;
  }
  peek(counter: RotationCounter): Promise<number> {
    return this.read('peek', counter);
  }
  private read(how: string, counter: RotationCounter): Promise<number> {
    this.asked.push(`${how} ${counter.hotlineId}#${counter.level}`);
    if (this.mode === 'fail') return Promise.reject(new Error('redis down'));
    if (this.mode === 'hang') return new Promise<number>(() => undefined);
    return Promise.resolve(this.counters.get(keyOf(counter)) ?? 0);
  }
}
const keyOf = (c: RotationCounter) => `${c.accountId}/${c.hotlineId}/${c.level}`;

const aLine = (levelStrategies: string[]) =>
  hotline({
    id: 'hl',
    accountId: 'acct',
    name: 'Line',
    number: '+33140000000',
    timeZone: 'Europe/Paris',
    levelStrategies,
  });

describe('readLevelRotation', () => {
  it('reads the balanced levels only, each with its own counter', async () => {
    const rotation = new ScriptedRotation();
    await rotation.next({ accountId: 'acct', hotlineId: 'hl', level: 2 });
    rotation.asked.length = 0;
    const read = await readLevelRotation(rotation, aLine(['balanced', 'all-at-once', 'balanced', 'in-order']), {
      mode: 'next',
    });
    expect(read).toEqual({ 0: 0, 2: 1 });
    expect(rotation.asked).toEqual(['next hl#0', 'next hl#2']);
  });

  it('asks nothing for a hotline without a balanced level, or without a rotation port', async () => {
    const rotation = new ScriptedRotation();
    expect(await readLevelRotation(rotation, aLine(['in-order', 'all-at-once']), { mode: 'next' })).toEqual({});
    expect(await readLevelRotation(undefined, aLine(['balanced']), { mode: 'next' })).toEqual({});
    expect(rotation.asked).toEqual([]);
  });

  it('a counter that fails counts as 0 and is reported; the call is not held up', async () => {
    const rotation = new ScriptedRotation();
    rotation.mode = 'fail';
    const errors: unknown[] = [];
    const read = await readLevelRotation(rotation, aLine(['balanced']), {
      mode: 'next',
      onError: (e) => errors.push(e),
    });
    expect(read).toEqual({});
    expect(errors).toEqual([new Error('redis down')]);
  });

  it('a counter that never answers counts as 0 after timeoutMs', async () => {
    const rotation = new ScriptedRotation();
    rotation.mode = 'hang';
    const errors: unknown[] = [];
    const started = Date.now();
    const read = await readLevelRotation(rotation, aLine(['balanced', 'balanced']), {
      mode: 'peek',
      timeoutMs: 30,
      onError: (e) => errors.push(e),
    });
    expect(read).toEqual({});
    expect(errors.map(String)).toEqual([
      'Error: ring rotation of level 0 not read within 30 ms',
      'Error: ring rotation of level 1 not read within 30 ms',
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('RoutingQueries with a balanced level (F26)', () => {
  /** The crew (Bob, Carol) on duty 18:00→22:00 on the Paris spring-forward day, its level balanced. */
  async function world() {
    const store = new InMemoryDutyline(new ManualClock('2026-03-29T16:00:00Z'), new SequentialIds('id'));
    const rotation = new ScriptedRotation();
    const app = createApplication({ ...store, rotation });
    const dir = await seedSampleDirectory(app, caller, { timeZone: 'Europe/Paris' });
    const slots = [
      { start: '2026-03-29T18:00', end: '2026-03-29T22:00', assignees: [{ kind: 'team', id: dir.crew.id }] },
    ];
    valueOf(await app.schedule.createSlots(caller, dir.hotline.id, { slots }));
    valueOf(await app.hotlines.updateHotline(caller, dir.hotline.id, { levelStrategies: ['balanced'] }));
    const first = (plan: { steps: readonly { kind: string }[] } | undefined) => (plan?.steps[0] as DialStep).personName;
    return { app, dir, rotation, first };
  }
  const EVENING = '2026-03-29T16:30:00Z'; // 18:30 CEST

  it('each call answered starts with the next person of the crew', async () => {
    const { app, dir, first } = await world();
    const firsts = [];
    for (let i = 0; i < 4; i++)
      firsts.push(first(await app.routing.callPlanForNumber(dir.hotline.number.e164, parseInstant(EVENING))));
    expect(firsts).toEqual(['Bob', 'Carol', 'Bob', 'Carol']);
  });

  it('the preview shows who the next call gets, without counting', async () => {
    const { app, dir, first, rotation } = await world();
    await app.routing.callPlanForNumber(dir.hotline.number.e164, parseInstant(EVENING));
    const preview = async () => first(valueOf(await app.routing.callPlan(caller, dir.hotline.id, EVENING)));
    expect([await preview(), await preview()]).toEqual(['Carol', 'Carol']);
    expect(rotation.asked).toEqual([
      `next ${dir.hotline.id}#0`,
      `peek ${dir.hotline.id}#0`,
      `peek ${dir.hotline.id}#0`,
    ]);
  });

  it('with the counters out of reach, calls start with the first person', async () => {
    const { app, dir, first, rotation } = await world();
    rotation.mode = 'fail';
    const plan = await app.routing.callPlanForNumber(dir.hotline.number.e164, parseInstant(EVENING));
    expect([first(plan), plan?.steps.length]).toEqual(['Bob', 4]);
  });

  it('a hotline with no balanced level asks no counter', async () => {
    const { app, dir, rotation } = await world();
    valueOf(await app.hotlines.updateHotline(caller, dir.hotline.id, { levelStrategies: ['all-at-once'] }));
    const plan = await app.routing.callPlanForNumber(dir.hotline.number.e164, parseInstant(EVENING));
    expect(plan?.steps.slice(0, 2).map((s) => (s as DialStep).group)).toEqual([0, 0]);
    expect(rotation.asked).toEqual([]);
  });
});
