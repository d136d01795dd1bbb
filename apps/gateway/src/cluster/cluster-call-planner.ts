import {
  type CallPlanner,
  type PlanningOptions,
  type RoutingQueries,
  readDirectory,
  readLevelRotation,
  systemCaller,
} from '@dutyline/application';
import {
  CallPlan,
  CallPlanRequest,
  Clock,
  Hotline,
  Instant,
  PersonRepository,
  RingRotation,
  TeamRepository,
  balancedLevels,
  callPlan,
} from '@dutyline/domain';
import { InvalidatedCache, InvalidatedCacheOptions } from './invalidated-cache';
import { InvalidationBus, accountTopic, hotlineTopic, numberTopic } from './invalidation-bus';

/** A plan and the instants between which it holds (who is on duty does not change in between). */
interface HeldPlan {
  readonly plan: CallPlan;
  /**
   * What the plan was made of, to plan again with a balanced level's next turn; null without a balanced
   * level (not kept: a hotline, who is on duty and the directory entries are most of an entry's memory).
   */
  readonly request: CallPlanRequest | null;
  readonly from: Instant;
  /** The next change of duty; Infinity when none is known within the routing horizon. */
  readonly until: Instant;
}

export interface ClusterCallPlannerDeps {
  readonly routing: Pick<RoutingQueries, 'onCallNow'>;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly bus: InvalidationBus;
  readonly clock: Clock;
  /** The balanced levels' round-robin counters (Redis with `REDIS_URL`); without it no level rotates. */
  readonly rotation?: RingRotation;
  /** Told when a counter could not be read (the call then starts at the level's first person). */
  readonly onRotationError?: (error: unknown) => void;
}

/**
 * The answer path's `CallPlanner`: a hotline's plan is computed once (who is on duty now and until
 * when, the directory entries it names) and reused for every call until duty changes hands, or an
 * instance announces a change of the hotline's schedule, overrides or settings (`hotline:<id>`) or
 * of its account's directory (`account:<id>`). Each call gets the plan with its own `at`.
 */
export class ClusterCallPlanner implements CallPlanner {
  private readonly cache: InvalidatedCache<HeldPlan>;

  constructor(
    private readonly deps: ClusterCallPlannerDeps,
    options?: InvalidatedCacheOptions,
  ) {
    this.cache = new InvalidatedCache(deps.bus, deps.clock, options);
  }

  async planFor(hotline: Hotline, at: Instant, options: PlanningOptions = {}): Promise<CallPlan> {
    const held = await this.cache.getOrRead(
      hotline.id,
      () => this.compute(hotline, at),
      (h) => h.from <= at && at < h.until,
    );
    const current = held.from <= at && at < held.until ? held : (await this.compute(hotline, at)).value;
    const { request } = current;
    options.planned?.(current.plan);
    if (request) {
      const rotation = await readLevelRotation(this.deps.rotation, request.hotline, {
        mode: options.dryRun ? 'peek' : 'next',
        onError: this.deps.onRotationError,
      });
      return callPlan({ ...request, at, rotation });
    }
    return current.plan.at === at ? current.plan : { ...current.plan, at };
  }

  close(): void {
    this.cache.close();
  }

  /** As `RoutingQueries.callPlan` does, keeping when duty changes next. */
  private async compute(hotline: Hotline, at: Instant) {
    const situation = await this.deps.routing.onCallNow(systemCaller(hotline.accountId), hotline.id, at);
    if (!situation.ok) throw new Error(`no plan for ${hotline.number.e164}: the hotline is gone`);
    const { hotline: current, onCall, nextChangeAt } = situation.value;
    const directory = await readDirectory(this.deps, current.accountId, {
      refs: onCall.levels,
      personIds: current.supervisorIds,
    });
    const request: CallPlanRequest = { hotline: current, onCall, directory, at };
    const held: HeldPlan = {
      plan: callPlan(request),
      request: balancedLevels(current.levelStrategies).length > 0 ? request : null,
      from: at,
      until: nextChangeAt ?? Infinity,
    };
    return {
      value: held,
      topics: [hotlineTopic(current.id), accountTopic(current.accountId), numberTopic(current.number.e164)],
    };
  }
}
