import { createApplication } from '@dutyline/application';
import {
  InMemoryCallEntryRepository,
  InMemoryDutyline,
  aCaller,
  seedSampleDirectory,
  valueOf,
} from '@dutyline/application/testing';
import { DialStep, callEntry, parseInstant } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { announcingEntries } from '../call-entries/call-entries.module';
import { publishingChanges } from './change-publishing-ports';
import type { CallbackIntakeSettings, CallbackIntakeSettingsStore } from '@dutyline/application';
import { ClusterCallbackIntakeSettings } from './cluster-callback-reads';
import { ClusterCallPlanner } from './cluster-call-planner';
import { ClusterHotlines } from './cluster-hotlines';
import { InvalidatedCache } from './invalidated-cache';
import {
  EVERYTHING,
  InvalidationBus,
  accountTopic,
  hotlineTopic,
  invalidationOf,
  numberTopic,
} from './invalidation-bus';

/** A bus every instance of a test shares, as they share Redis; it can be cut (messages lost, not live). */
class SharedBus implements InvalidationBus {
  live = true;
  readonly published: string[] = [];
  private readonly handlers = new Set<(topic: string) => void>();
  async publish(topic: string) {
    this.published.push(topic);
    if (this.live) for (const handler of [...this.handlers]) handler(topic);
  }
  subscribe(handler: (topic: string) => void) {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  async close() {
    this.handlers.clear();
  }
}

const caller = aCaller('acct-a');

/**
 * Two gateway instances over one store: `writer` publishes its changes on the bus, `reader` answers
 * calls through the cluster caches. Slots around the Paris spring-forward night of 2027-03-28:
 * Alice 06:00→18:00, the crew 18:00→22:00, Bob 22:00→06:00.
 */
async function cluster() {
  const clock = new ManualClock('2027-03-28T02:00:00Z');
  const store = new InMemoryDutyline(clock, new SequentialIds('id'));
  const bus = new SharedBus();
  const errors: unknown[] = [];
  const writer = createApplication(publishingChanges(store, bus, (error) => errors.push(error)));
  const reader = createApplication(store);
  const dir = await seedSampleDirectory(writer, caller, { timeZone: 'Europe/Paris' });
  const slots = ['2027-03-27', '2027-03-28'].flatMap((d, i) => [
    { start: `${d}T06:00`, end: `${d}T18:00`, assignees: [{ kind: 'person', id: dir.alice.id }] },
    { start: `${d}T18:00`, end: `${d}T22:00`, assignees: [{ kind: 'team', id: dir.crew.id }] },
    { start: `${d}T22:00`, end: `2027-03-${28 + i}T06:00`, assignees: [{ kind: 'person', id: dir.bob.id }] },
  ]);
  valueOf(await writer.schedule.createSlots(caller, dir.hotline.id, { slots }));
  const planner = new ClusterCallPlanner({
    routing: reader.routing,
    people: store.people,
    teams: store.teams,
    bus,
    clock,
  });
  const lookup = new ClusterHotlines({ hotlines: store.hotlines, bus, clock });
  const firstDialled = async (at: string) => {
    const plan = await planner.planFor((await lookup.byNumber(dir.hotline.number.e164))!, parseInstant(at));
    expect(plan.at).toBe(parseInstant(at));
    return (plan.steps[0] as DialStep).personName;
  };
  const reads = () => store.db.count('Schedule.overrides') + store.db.count('Person.peopleByIds');
  return { clock, store, bus, errors, writer, dir, planner, lookup, firstDialled, reads };
}

describe('ClusterCallPlanner and ClusterHotlineLookup (the answer path of one instance, changes made on another)', () => {
  it('reads the schedule and directory once while duty stays with the same people, and the hotline once', async () => {
    const c = await cluster();
    const before = { reads: c.reads(), lookups: c.store.db.count('Hotline.byNumber') };
    for (const at of ['2027-03-28T00:30:00Z', '2027-03-28T01:00:00Z', '2027-03-28T03:59:59Z'])
      expect(await c.firstDialled(at)).toBe('Bob');
    expect(c.reads() - before.reads).toBe(2);
    expect(c.store.db.count('Hotline.byNumber') - before.lookups).toBe(1);
  });

  it('hands over at the change of duty without any message: 06:00 CEST after the 7-hour night', async () => {
    const c = await cluster();
    expect(await c.firstDialled('2027-03-28T03:59:59Z')).toBe('Bob');
    expect(await c.firstDialled('2027-03-28T04:00:00Z')).toBe('Alice');
  });

  it.each([
    [
      'an override',
      (c: Awaited<ReturnType<typeof cluster>>) =>
        c.writer.schedule.createOverride(caller, c.dir.hotline.id, {
          end: '2027-03-28T03:00:00Z',
          assignees: [{ kind: 'person', id: c.dir.carol.id }],
        }),
      'Carol',
    ],
    [
      'a reassigned slot',
      async (c: Awaited<ReturnType<typeof cluster>>) => {
        const [night] = valueOf(
          await c.writer.schedule.slots(caller, c.dir.hotline.id, { from: '2027-03-28T03:00', to: '2027-03-28T04:00' }),
        ).slots;
        return c.writer.schedule.reassignSlot(caller, c.dir.hotline.id, {
          id: night.id,
          assignees: [{ kind: 'person', id: c.dir.carol.id }],
        });
      },
      'Carol',
    ],
    [
      'a number disabled in the directory',
      (c: Awaited<ReturnType<typeof cluster>>) =>
        c.writer.directory.setContactNumberEnabled(caller, c.dir.bob.id, {
          number: c.dir.bob.contactNumbers[0].number.e164,
          enabled: false,
        }),
      'Alice',
    ],
  ])('follows %s made on the other instance on the very next call', async (_, change, expected) => {
    const c = await cluster();
    expect(await c.firstDialled('2027-03-28T02:00:00Z')).toBe('Bob');
    expect(await change(c)).toMatchObject({ ok: true });
    expect(await c.firstDialled('2027-03-28T02:00:01Z')).toBe(expected);
    expect(c.errors).toEqual([]);
  });

  it('when the bus is not live (messages may be lost), trusts a plan for offlineMaxAgeMs only', async () => {
    const c = await cluster();
    expect(await c.firstDialled('2027-03-28T02:00:00Z')).toBe('Bob');
    c.bus.live = false; // messages are lost from here on
    valueOf(
      await c.writer.schedule.createOverride(caller, c.dir.hotline.id, {
        end: '2027-03-28T03:00:00Z',
        assignees: [{ kind: 'person', id: c.dir.carol.id }],
      }),
    );
    c.clock.advance(999);
    expect(await c.firstDialled('2027-03-28T02:00:01Z')).toBe('Bob');
    c.clock.advance(1);
    expect(await c.firstDialled('2027-03-28T02:00:02Z')).toBe('Carol');
  });

  it('finds a hotline created for a number it had found unknown, and forgets a number the hotline left', async () => {
    const c = await cluster();
    const [newNumber, oldNumber] = ['+33140009999', c.dir.hotline.number.e164];
    expect(await c.lookup.byNumber(newNumber)).toBeUndefined();
    expect((await c.lookup.byNumber(oldNumber))?.id).toBe(c.dir.hotline.id);
    valueOf(await c.writer.hotlines.updateHotline(caller, c.dir.hotline.id, { number: newNumber }));
    expect((await c.lookup.byNumber(newNumber))?.id).toBe(c.dir.hotline.id);
    expect(await c.lookup.byNumber(oldNumber)).toBeUndefined();
  });

  it('announces each routing write once committed, with the topics it changes', async () => {
    const c = await cluster();
    c.bus.published.length = 0;
    valueOf(
      await c.writer.schedule.createOverride(caller, c.dir.hotline.id, {
        end: '2027-03-28T03:00:00Z',
        assignees: [{ kind: 'person', id: c.dir.carol.id }],
      }),
    );
    valueOf(await c.writer.directory.updatePerson(caller, c.dir.bob.id, { name: 'Robert' }));
    valueOf(await c.writer.hotlines.updateHotline(caller, c.dir.hotline.id, { name: 'Night line' }));
    expect(c.bus.published).toEqual([
      hotlineTopic(c.dir.hotline.id),
      accountTopic('acct-a'),
      hotlineTopic(c.dir.hotline.id),
      numberTopic(c.dir.hotline.number.e164),
    ]);
  });
});

/** Intake settings in a map, counting reads: the database of two instances. */
class CountingIntakeStore implements CallbackIntakeSettingsStore {
  reads = 0;
  private readonly rows = new Map<string, CallbackIntakeSettings>();
  async intakeSettings(accountId: string, service: { kind: string; id: string }) {
    this.reads += 1;
    return this.rows.get(`${accountId}/${service.kind}/${service.id}`);
  }
  async saveIntakeSettings(settings: CallbackIntakeSettings) {
    this.rows.set(`${settings.accountId}/${settings.service.kind}/${settings.service.id}`, settings);
  }
}

describe("the callback offer's reads (hotline by id, intake settings), cached across instances", () => {
  const intake = (
    offer: 'greeting' | null,
    service = { kind: 'hotline' as const, id: 'hl-1' },
  ): CallbackIntakeSettings =>
    ({
      accountId: 'acct-a',
      service,
      offer: offer && { at: offer },
      allowedCountries: null,
      updatedAt: 0,
    }) as unknown as CallbackIntakeSettings;

  it('reads intake settings once, and again on every instance once one of them saves a change', async () => {
    const clock = new ManualClock('2027-03-28T02:00:00Z');
    const bus = new SharedBus();
    const db = new CountingIntakeStore();
    const [one, two] = [
      new ClusterCallbackIntakeSettings({ store: db, bus, clock, onPublishError: () => undefined }),
      new ClusterCallbackIntakeSettings({ store: db, bus, clock, onPublishError: () => undefined }),
    ];
    const hotline = { kind: 'hotline' as const, id: 'hl-1' };
    await one.saveIntakeSettings(intake(null));
    for (let i = 0; i < 3; i++) expect((await two.intakeSettings('acct-a', hotline))?.offer).toBeNull();
    expect(db.reads).toBe(1);
    await one.saveIntakeSettings(intake('greeting'));
    expect(bus.published).toEqual([hotlineTopic('hl-1'), hotlineTopic('hl-1')]);
    expect((await two.intakeSettings('acct-a', hotline))?.offer).toEqual({ at: 'greeting' });
    expect(db.reads).toBe(2);
    // A team's settings are announced on its account.
    await one.saveIntakeSettings(intake('greeting', { kind: 'team' as never, id: 'crew' }));
    expect(bus.published.at(-1)).toBe(accountTopic('acct-a'));
  });

  it('reads a hotline by id once until it changes, and passes every other call through', async () => {
    const c = await cluster();
    const hotlines = new ClusterHotlines({ hotlines: c.store.hotlines, bus: c.bus, clock: c.clock }).servingById(
      c.store.hotlines,
    );
    const readsOf = () => c.store.db.count('Hotline.byId');
    const before = readsOf();
    for (let i = 0; i < 3; i++)
      expect((await hotlines.byId('acct-a', c.dir.hotline.id))?.name).toBe(c.dir.hotline.name);
    expect(readsOf() - before).toBe(1);
    valueOf(await c.writer.hotlines.updateHotline(caller, c.dir.hotline.id, { name: 'Night line' }));
    expect((await hotlines.byId('acct-a', c.dir.hotline.id))?.name).toBe('Night line');
    expect((await hotlines.byNumber(c.dir.hotline.number.e164))?.id).toBe(c.dir.hotline.id);
  });
});

describe('InvalidatedCache', () => {
  const clock = new ManualClock('2027-03-28T02:00:00Z');
  const fill =
    (value: string, topics = ['hotline:h1']) =>
    async () => ({ value, topics });

  /** A cache on a bus, and a read of `k` under way that gives `value` (topic `hotline:h1`) once finished. */
  const readUnderWay = () => {
    const bus = new SharedBus();
    const cache = new InvalidatedCache<string>(bus, clock);
    let resolve!: (fill: { value: string; topics: string[] }) => void;
    const read = cache.getOrRead('k', () => new Promise((settle) => (resolve = settle)));
    return { bus, cache, read, finish: (value: string) => resolve({ value, topics: ['hotline:h1'] }) };
  };

  it('does not keep a read that overlapped an invalidation (it may predate the change)', async () => {
    const { bus, cache, read, finish } = readUnderWay();
    await bus.publish('hotline:h1');
    finish('old');
    expect(await read).toBe('old');
    expect(await cache.getOrRead('k', fill('new'))).toBe('new');
  });

  it('does not hand a read begun before an invalidation to a call made after it (a call after a change sees it)', async () => {
    const { bus, cache, read, finish } = readUnderWay();
    await bus.publish('hotline:h1');
    const afterChange = cache.getOrRead('k', fill('new'));
    finish('old');
    expect(await read).toBe('old');
    expect(await afterChange).toBe('new');
  });

  it('shares one read between concurrent misses, drops by topic or everything, and serves the last value when a read fails', async () => {
    const bus = new SharedBus();
    const cache = new InvalidatedCache<string>(bus, clock);
    let reads = 0;
    const counted = async () => ({ value: `v${++reads}`, topics: ['hotline:h1', 'account:a1'] });
    expect(await Promise.all([cache.getOrRead('k', counted), cache.getOrRead('k', counted)])).toEqual(['v1', 'v1']);
    await bus.publish('account:a2');
    expect(await cache.getOrRead('k', counted)).toBe('v1');
    await bus.publish('account:a1');
    expect(await cache.getOrRead('k', counted)).toBe('v2');
    await bus.publish(EVERYTHING);
    expect(cache.size).toBe(0);
    await cache.getOrRead('k', counted);
    clock.advance(60_000);
    expect(await cache.getOrRead('k', () => Promise.reject(new Error('database down')))).toBe('v3');
    await expect(cache.getOrRead('other', () => Promise.reject(new Error('database down')))).rejects.toThrow(
      'database down',
    );
  });
});

describe('invalidationOf', () => {
  it.each([
    ['hotline:h-1', { kind: 'hotline', hotlineId: 'h-1' }],
    ['number:+33140000000', { kind: 'number', e164: '+33140000000' }],
    ['account:a:b', { kind: 'account', accountId: 'a:b' }],
    ['*', { kind: 'everything' }],
    ['hotline:', { kind: 'everything' }],
    ['schedule-v2:x', { kind: 'everything' }],
  ])('reads %s', (topic, expected) => {
    expect(invalidationOf(topic)).toEqual(expected);
  });
});

describe('ClusterHotlines as the call entry lookup (F25: a warm menu answer reads nothing)', () => {
  /** The entries' store, counting its reads. */
  class CountingEntries extends InMemoryCallEntryRepository {
    reads = 0;
    override callEntry(accountId: string, hotlineId: string) {
      this.reads += 1;
      return super.callEntry(accountId, hotlineId);
    }
    override extraNumber(e164: string) {
      this.reads += 1;
      return super.extraNumber(e164);
    }
  }

  async function entryWorld() {
    const clock = new ManualClock('2027-03-28T02:00:00Z');
    const store = new InMemoryDutyline(clock, new SequentialIds('id'));
    const bus = new SharedBus();
    const app = createApplication(store);
    const { hotline } = await seedSampleDirectory(app, caller);
    const entries = new CountingEntries(store.hotlines);
    // One instance writes (announcing), the other answers calls through its caches.
    const writes = announcingEntries(entries, bus, (error) => {
      throw error;
    });
    const lookup = new ClusterHotlines({ hotlines: store.hotlines, entries, bus, clock });
    const save = (extraNumbers: string[]) =>
      writes.saveCallEntry({
        accountId: 'acct-a',
        entry: callEntry({ hotlineId: hotline.id, extraNumbers }),
        updatedAt: 0,
      });
    return { store, bus, hotline, entries, lookup, save };
  }

  it('reads the entry and an extra number once, again after a write on another instance', async () => {
    const w = await entryWorld();
    await w.save(['+33140000055']);
    const answer = async () => [
      (await w.lookup.entryOf('acct-a', w.hotline.id))?.extraNumbers.map((n) => n.e164),
      await w.lookup.extraNumber('+33140000055'),
      await w.lookup.extraNumber('+33140000066'),
    ];
    expect(await answer()).toEqual([['+33140000055'], { accountId: 'acct-a', hotlineId: w.hotline.id }, undefined]);
    const warm = w.entries.reads;
    for (let i = 0; i < 5; i++) await answer();
    expect(w.entries.reads).toBe(warm);

    await w.save(['+33140000066']);
    expect(w.bus.published.slice(-2)).toEqual([hotlineTopic(w.hotline.id), numberTopic('+33140000066')]);
    const afterWrite = w.entries.reads;
    expect(await answer()).toEqual([['+33140000066'], undefined, { accountId: 'acct-a', hotlineId: w.hotline.id }]);
    expect(w.entries.reads).toBe(afterWrite + 3);
  });

  it('serves the last entry known when the store fails', async () => {
    const w = await entryWorld();
    await w.save(['+33140000055']);
    await w.lookup.entryOf('acct-a', w.hotline.id);
    w.entries.callEntry = () => Promise.reject(new Error('database away'));
    w.bus.live = false;
    expect((await w.lookup.entryOf('acct-a', w.hotline.id))?.hotlineId).toBe(w.hotline.id);
  });
});
