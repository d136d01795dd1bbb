import { createApplication } from '@dutyline/application';
import { InMemoryDutyline, aCaller, seedSampleDirectory, valueOf } from '@dutyline/application/testing';
import { DialStep } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { JsonLogger } from '../logging/json-logger';
import { publishingChanges } from './change-publishing-ports';
import { ClusterCallPlanner } from './cluster-call-planner';
import { ClusterResources, openClusterResources } from './cluster-resources';

const caller = aCaller('acct-a');

describeWithRedis('two instances over Redis (openClusterResources)', () => {
  const opened: ClusterResources[] = [];
  afterEach(async () => {
    for (const resources of opened.splice(0)) await resources.close();
  });
  const open = async (redisPrefix: string, lines: string[] = []) => {
    const resources = await openClusterResources({ redisUrl: redisUrl(), redisPrefix }, new JsonLogger('debug', (line) => lines.push(line)));
    opened.push(resources);
    return resources;
  };

  it('a change committed on one is followed by the next call on the other, through Redis pub/sub', async () => {
    const prefix = uniqueName('cluster');
    const lines: string[] = [];
    const [one, two] = [await open(prefix, lines), await open(prefix)];
    expect([one.mode, one.bus.live, two.bus.live]).toEqual(['redis', true, true]);
    expect(lines.some((line) => line.includes(`"channel":"${prefix}:invalidate"`))).toBe(true);

    const clock = new ManualClock('2027-03-28T02:00:00Z');
    const store = new InMemoryDutyline(clock, new SequentialIds('id'));
    const writer = createApplication(publishingChanges(store, one.bus, (error) => { throw error; }));
    const dir = await seedSampleDirectory(writer, caller);
    valueOf(await writer.schedule.createSlots(caller, dir.hotline.id, [{ start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [{ kind: 'person', id: dir.bob.id }] }]));
    const planner = new ClusterCallPlanner({ routing: createApplication(store).routing, people: store.people, teams: store.teams, bus: two.bus, clock });
    const firstDialled = async () => ((await planner.planFor(dir.hotline, clock.now())).steps[0] as DialStep).personName;
    expect(await firstDialled()).toBe('Bob');

    valueOf(await writer.schedule.createOverride(caller, dir.hotline.id, { end: '2027-03-28T03:00:00Z', assignees: [{ kind: 'person', id: dir.carol.id }] }));
    const deadline = Date.now() + 1000;
    let dialled = await firstDialled();
    while (dialled !== 'Carol' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      dialled = await firstDialled();
    }
    expect(dialled).toBe('Carol');
    planner.close();
  });

  it('keeps instances under other prefixes apart, and runs in-process without REDIS_URL', async () => {
    const [one, other] = [await open(uniqueName('cluster')), await open(uniqueName('cluster'))];
    const heard: string[] = [];
    other.bus.subscribe((topic) => heard.push(topic));
    await one.bus.publish('hotline:h1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]);
    const embedded = await openClusterResources({ redisUrl: null, redisPrefix: 'dutyline' }, new JsonLogger('error', () => undefined));
    opened.push(embedded);
    expect([embedded.mode, embedded.bus.live]).toEqual(['in-process', true]);
  });
});
