import { type CallPlanner, type RoutingQueries, readDirectory, systemCaller } from '@dutyline/application';
import { CallPlan, Clock, Hotline, Instant, PersonRepository, TeamRepository, callPlan } from '@dutyline/domain';
import { InvalidatedCache, InvalidatedCacheOptions } from './invalidated-cache';
import { InvalidationBus, accountTopic, hotlineTopic, numberTopic } from './invalidation-bus';

/** A plan and the instants between which it holds (who is on duty does not change in between). */
interface HeldPlan {
  readonly plan: CallPlan;
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

  async planFor(hotline: Hotline, at: Instant): Promise<CallPlan> {
    const held = await this.cache.getOrRead(
      hotline.id,
      () => this.compute(hotline, at),
      (h) => h.from <= at && at < h.until,
    );
    if (!(held.from <= at && at < held.until)) return (await this.compute(hotline, at)).value.plan;
    return held.plan.at === at ? held.plan : { ...held.plan, at };
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
    const held: HeldPlan = {
      plan: callPlan({ hotline: current, onCall, directory, at }),
      from: at,
      until: nextChangeAt ?? Infinity,
    };
    return {
      value: held,
      topics: [hotlineTopic(current.id), accountTopic(current.accountId), numberTopic(current.number.e164)],
    };
  }
}
