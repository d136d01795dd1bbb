import { createApplication } from '@dutyline/application';
import { InMemoryDutyline, aCaller, seedSampleDirectory, valueOf } from '@dutyline/application/testing';
import { CallPlan, DialStep, cappedPersons, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InProcessRingRotation } from '@dutyline/queue';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { JsonLogger } from '../logging/json-logger';
import { ClusterCallPlanner } from './cluster-call-planner';
import { ClusterResources, openClusterResources } from './cluster-resources';
import { InProcessInvalidationBus } from './invalidation-bus';

const caller = aCaller('acct-a');
const EVENING = parseInstant('2026-10-25T17:30:00Z'); // 18:30 CET, the day the clocks go back

/** The crew (Bob, Carol) on duty that evening; the level balanced when `balanced`. */
async function world(balanced: boolean) {
  const clock = new ManualClock('2026-10-25T12:00:00Z');
  const store = new InMemoryDutyline(clock, new SequentialIds('id'));
  const app = createApplication(store);
  const dir = await seedSampleDirectory(app, caller, { timeZone: 'Europe/Paris' });
  valueOf(
    await app.schedule.createSlots(caller, dir.hotline.id, {
      slots: [{ start: '2026-10-25T18:00', end: '2026-10-25T22:00', assignees: [{ kind: 'team', id: dir.crew.id }] }],
    }),
  );
  const line = valueOf(
    await app.hotlines.updateHotline(caller, dir.hotline.id, { levelStrategies: balanced ? ['balanced'] : [] }),
  );
  return { store, app, line, clock };
}

describeWithRedis('balanced levels across instances (the ring rotation of openClusterResources)', () => {
  const opened: ClusterResources[] = [];
  afterEach(async () => {
    for (const resources of opened.splice(0)) await resources.close();
  });
  const open = async (redisPrefix: string | null) => {
    const resources = await openClusterResources(
      { redisUrl: redisPrefix === null ? null : redisUrl(), redisPrefix: redisPrefix ?? 'unused' },
      new JsonLogger('error', () => undefined),
    );
    opened.push(resources);
    return resources;
  };
  const plannerOn = (w: Awaited<ReturnType<typeof world>>, resources: ClusterResources) =>
    new ClusterCallPlanner({
      routing: w.app.routing,
      people: w.store.people,
      teams: w.store.teams,
      bus: resources.bus,
      clock: w.clock,
      rotation: resources.rotation,
    });
  const firstRung = async (planner: ClusterCallPlanner, w: Awaited<ReturnType<typeof world>>) =>
    ((await planner.planFor(w.line, EVENING)).steps[0] as DialStep).personName;

  it('two gateways over one Redis share the turn: calls alternate between them and still rotate', async () => {
    const prefix = uniqueName('rotation');
    const w = await world(true);
    const [one, two] = [plannerOn(w, await open(prefix)), plannerOn(w, await open(prefix))];
    const firsts = [];
    for (const planner of [one, two, two, one, two]) firsts.push(await firstRung(planner, w));
    expect(firsts).toEqual(['Bob', 'Carol', 'Bob', 'Carol', 'Bob']);
    one.close();
    two.close();
  });

  it('in-order levels keep the cached plan and never move the counter', async () => {
    const prefix = uniqueName('rotation');
    const w = await world(false);
    const resources = await open(prefix);
    const planner = plannerOn(w, resources);
    expect([await firstRung(planner, w), await firstRung(planner, w)]).toEqual(['Bob', 'Bob']);
    expect(await resources.rotation.peek({ accountId: w.line.accountId, hotlineId: w.line.id, level: 0 })).toBe(0);
    planner.close();
  });

  it('a dry run (simulated call) reads the turn without taking it', async () => {
    const w = await world(true);
    const resources = await open(uniqueName('rotation'));
    const planner = plannerOn(w, resources);
    const dryRun = async () =>
      ((await planner.planFor(w.line, EVENING, { dryRun: true })).steps[0] as DialStep).personName;
    expect(await firstRung(planner, w)).toBe('Bob');
    expect([await dryRun(), await dryRun()]).toEqual(['Carol', 'Carol']);
    expect(await firstRung(planner, w)).toBe('Carol');
    planner.close();
  });

  it('embedded (no REDIS_URL): the rotation is kept in the process', async () => {
    const w = await world(true);
    const resources = await open(null);
    expect(resources.mode).toBe('in-process');
    const planner = plannerOn(w, resources);
    expect([await firstRung(planner, w), await firstRung(planner, w), await firstRung(planner, w)]).toEqual([
      'Bob',
      'Carol',
      'Bob',
    ]);
    planner.close();
  });
});

describe('ClusterCallPlanner tells the plan’s people before it reads the turn (the cap counts go out alongside)', () => {
  it('planned(plan) comes first, with the people the turned plan rings', async () => {
    const w = await world(true);
    const order: string[] = [];
    const shared = new InProcessRingRotation();
    const planner = new ClusterCallPlanner({
      routing: w.app.routing,
      people: w.store.people,
      teams: w.store.teams,
      bus: new InProcessInvalidationBus(),
      clock: w.clock,
      rotation: {
        next: (counter) => {
          order.push('turn');
          return shared.next(counter);
        },
        peek: (counter) => shared.peek(counter),
      },
    });
    const people = (plan: CallPlan) => cappedPersons(plan).sort();
    let told: string[] = [];
    await planner.planFor(w.line, EVENING); // the crew's first turn taken: the next plan is turned
    order.length = 0;
    const plan = await planner.planFor(w.line, EVENING, {
      planned: (early) => {
        order.push('people');
        told = people(early);
      },
    });
    expect(order).toEqual(['people', 'turn']);
    expect(told).toEqual(people(plan));
    expect(told.length).toBeGreaterThan(1);
  });
});
