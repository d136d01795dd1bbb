import { CallEntry, Hotline, Id, OnCall, OnCallSource, Person, Team, directoryOf } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { createCalls } from '../create-calls';
import { InboundCallOptions } from '../inbound-call-options';
import { InboundCallService } from '../inbound-call.service';
import { LastKnownPlans } from '../last-known-plans';
import { Metrics } from '../../metrics';
import { Timer } from '../ports';
import { FakeCallPlanner } from './fake-call-planner';
import { InMemoryCallEntries } from './in-memory-call-entries';
import { InMemoryCallStore } from './in-memory-call-store';
import { InMemoryHotlineLookup } from './in-memory-hotline-lookup';
import { nextTurnTimer } from './next-turn-timer';
import { RecordingCallEvents } from './recording-call-events';
import { RecordingCallLogger } from './recording-call-logger';

/** The hotlines, people and duty a rig routes calls for. */
export interface InboundCallWorld {
  readonly hotlines: readonly Hotline[];
  readonly people: readonly Person[];
  readonly teams?: readonly Team[];
  /** Who is on duty, per hotline id; nobody when absent. */
  readonly onCall?: Readonly<Record<Id, OnCall | OnCallSource>>;
  /** How calls enter the hotlines (F25): menus, rules, extra numbers. @defaultValue none */
  readonly entries?: readonly CallEntry[];
}

export interface InboundCallRigOptions {
  readonly service?: InboundCallOptions;
  /** @defaultValue nextTurnTimer */
  readonly timer?: Timer;
  /** @defaultValue '2027-03-28T00:30:00Z' (01:30 in Paris, half an hour before clocks go forward) */
  readonly now?: string;
  /** What the service counts. @defaultValue none */
  readonly metrics?: Metrics;
}

/** An `InboundCallService` over in-memory fakes, each reachable for assertions and outages. */
export interface InboundCallRig {
  readonly service: InboundCallService;
  readonly store: InMemoryCallStore;
  readonly hotlines: InMemoryHotlineLookup;
  readonly planner: FakeCallPlanner;
  readonly entries: InMemoryCallEntries;
  readonly events: RecordingCallEvents;
  readonly logger: RecordingCallLogger;
  readonly clock: ManualClock;
  readonly lastKnownPlans: LastKnownPlans;
  /** Another service instance over the same store, lookup and planner (a second gateway). */
  secondInstance(): InboundCallService;
}

export function inboundCallRig(world: InboundCallWorld, options: InboundCallRigOptions = {}): InboundCallRig {
  const store = new InMemoryCallStore();
  const hotlines = new InMemoryHotlineLookup(world.hotlines);
  const entries = new InMemoryCallEntries(world.hotlines, world.entries ?? []);
  const planner = new FakeCallPlanner(directoryOf(world.people, world.teams ?? []), world.onCall ?? {});
  const events = new RecordingCallEvents();
  const logger = new RecordingCallLogger();
  const clock = new ManualClock(options.now ?? '2027-03-28T00:30:00Z');
  const ids = new SequentialIds('call');
  const make = (lastKnownPlans: LastKnownPlans) =>
    createCalls(
      {
        store,
        hotlines,
        entries,
        planner,
        events,
        logger,
        clock,
        ids,
        timer: options.timer ?? nextTurnTimer,
        lastKnownPlans,
        metrics: options.metrics,
      },
      options.service,
    );
  const lastKnownPlans = new LastKnownPlans();
  return {
    service: make(lastKnownPlans),
    store,
    hotlines,
    planner,
    entries,
    events,
    logger,
    clock,
    lastKnownPlans,
    secondInstance: () => make(new LastKnownPlans()),
  };
}
