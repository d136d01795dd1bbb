import { createApplication } from '@dutyline/application';
import { InMemoryDutyline, aCaller, seedSampleDirectory, valueOf } from '@dutyline/application/testing';
import { DialStep } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { type FaultMode, describeWithRedis, redisUrl, startFaultProxy, uniqueName } from '@dutyline/test-support';
import { createVonageVoiceClient } from '@dutyline/vonage';
import { FakeVonageApi, nativeVonageSdk, testApplicationKeys } from '@dutyline/vonage/testing';
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
    const resources = await openClusterResources(
      { redisUrl: redisUrl(), redisPrefix },
      new JsonLogger('debug', (line) => lines.push(line)),
    );
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
    const writer = createApplication(
      publishingChanges(store, one.bus, (error) => {
        throw error;
      }),
    );
    const dir = await seedSampleDirectory(writer, caller);
    valueOf(
      await writer.schedule.createSlots(caller, dir.hotline.id, {
        slots: [
          { start: '2027-03-27T22:00', end: '2027-03-28T06:00', assignees: [{ kind: 'person', id: dir.bob.id }] },
        ],
      }),
    );
    const planner = new ClusterCallPlanner({
      routing: createApplication(store).routing,
      people: store.people,
      teams: store.teams,
      bus: two.bus,
      clock,
    });
    const firstDialled = async () =>
      ((await planner.planFor(dir.hotline, clock.now())).steps[0] as DialStep).personName;
    expect(await firstDialled()).toBe('Bob');

    valueOf(
      await writer.schedule.createOverride(caller, dir.hotline.id, {
        end: '2027-03-28T03:00:00Z',
        assignees: [{ kind: 'person', id: dir.carol.id }],
      }),
    );
    const deadline = Date.now() + 1000;
    let dialled = await firstDialled();
    while (dialled !== 'Carol' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      dialled = await firstDialled();
    }
    expect(dialled).toBe('Carol');
    planner.close();
  });

  it.each<[FaultMode]>([['refuse'], ['blackhole']])(
    'Redis %s: legs are still hung up through Vonage, from the local share of the limit',
    async (fault) => {
      const url = new URL(redisUrl());
      const proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 6379) });
      const api = await FakeVonageApi.start({ publicKey: testApplicationKeys().publicKey });
      try {
        const resources = await openClusterResources(
          { redisUrl: `redis://${proxy.address}`, redisPrefix: uniqueName('cluster') },
          new JsonLogger('error', () => undefined),
        );
        opened.push(resources);
        const vonage = await createVonageVoiceClient(
          { applicationId: 'app-under-test', privateKey: testApplicationKeys().privateKey, apiHost: api.url },
          { sdk: nativeVonageSdk(), limiter: resources.limiter },
        );
        await vonage.hangup('leg-before');
        await proxy.setMode(fault);
        const started = Date.now();
        await Promise.all(['leg-1', 'leg-2', 'leg-3'].map((leg) => vonage.hangup(leg)));
        // The first within the limiter's 250 ms budget, the rest at the local share (15 requests per 1.2 s, one instance seen).
        expect(Date.now() - started).toBeLessThan(1500);
        expect(api.requestsTo('update-call').map((r) => [r.path, r.json])).toEqual(
          ['leg-before', 'leg-1', 'leg-2', 'leg-3'].map((leg) => [`/v1/calls/${leg}`, { action: 'hangup' }]),
        );
      } finally {
        await proxy.setMode('pass');
        await api.close();
        await proxy.close();
      }
    },
    20_000,
  );

  it('keeps instances under other prefixes apart, and runs in-process without REDIS_URL', async () => {
    const [one, other] = [await open(uniqueName('cluster')), await open(uniqueName('cluster'))];
    const heard: string[] = [];
    other.bus.subscribe((topic) => heard.push(topic));
    await one.bus.publish('hotline:h1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]);
    const embedded = await openClusterResources(
      { redisUrl: null, redisPrefix: 'dutyline' },
      new JsonLogger('error', () => undefined),
    );
    opened.push(embedded);
    expect([embedded.mode, embedded.bus.live]).toEqual(['in-process', true]);
  });
  it("shares the Vonage account's limits as configured (VONAGE_REQUESTS_PER_SECOND raised) between instances", async () => {
    const grantedWithin = async (resources: ClusterResources[], requests: number, ms: number) => {
      const started = Date.now();
      const times = await Promise.all(
        Array.from({ length: requests }, (_, i) =>
          resources[i % resources.length].limiter.acquire('request').then(() => Date.now() - started),
        ),
      );
      return times.filter((t) => t < ms).length;
    };
    const openWith = async (prefix: string, vonageLimits?: { call: number; request: number }) => {
      const resources = await openClusterResources(
        { redisUrl: redisUrl(), redisPrefix: prefix, vonageLimits },
        new JsonLogger('error', () => undefined),
      );
      opened.push(resources);
      return resources;
    };
    const raised = uniqueName('limits');
    const both = [await openWith(raised, { call: 3, request: 40 }), await openWith(raised, { call: 3, request: 40 })];
    expect(await grantedWithin(both, 40, 1100)).toBe(40);
    const defaults = uniqueName('limits');
    expect(await grantedWithin([await openWith(defaults), await openWith(defaults)], 20, 1100)).toBe(15);
  });
});
