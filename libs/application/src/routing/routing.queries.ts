import {
  CallPlan,
  Hotline,
  Id,
  Instant,
  InstantInput,
  LocalRange,
  LocalTime,
  OnCall,
  Override,
  Result,
  ScheduleIndex,
  Slot,
  assertId,
  err,
  ok,
  planCall,
} from '@dutyline/domain';
import { Caller, NotFoundRefusal, instantOf, notFound, readDirectory } from '../shared';
import { readLevelRotation } from './level-rotation';
import { ScheduleWindowCache } from './schedule-window-cache';
import { RoutingQueriesDeps } from './ports';

export interface OnCallNow {
  readonly hotline: Hotline;
  readonly at: Instant;
  readonly onCall: OnCall;
  /** When who is on duty changes next, if it does before the end of the next local day; else null. */
  readonly nextChangeAt: Instant | null;
}

/** What routing reads for one hotline around one instant. */
interface Situation {
  readonly index: ScheduleIndex;
  /** The end of what was read: changes after it are unknown. */
  readonly horizon: Instant;
}

/**
 * Who is on duty and what a call does (F9–F12), at any instant, from the schedule, the overrides and
 * the directory as they are now (F7, F18). Per question: the hotline (1 read), the version (1 key
 * lookup) and, on a cache miss, the slots around the instant's local day; the overrides of that
 * window are always read fresh (they do not move the version); the people and teams named are read
 * in two batches. Across instances no message is needed: the version read per call tells a cached
 * window from a stale one. `invalidate` is the hook for a future pub/sub that would skip that read.
 */
export class RoutingQueries {
  private readonly cache: ScheduleWindowCache;

  constructor(private readonly deps: RoutingQueriesDeps) {
    this.cache = new ScheduleWindowCache(deps.cacheSize);
  }

  /** Who takes a call at `at` (now by default), and until when that holds. */
  async onCallNow(
    caller: Caller,
    hotlineId: Id,
    at?: InstantInput | null,
  ): Promise<Result<OnCallNow, NotFoundRefusal>> {
    const when = this.instant(at);
    const hotline = await this.deps.hotlines.byId(caller.accountId, assertId(hotlineId, 'hotlineId'));
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const situation = await this.situation(hotline, when);
    if (!situation) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const next = situation.index.nextChangeAfter(when);
    return ok({
      hotline,
      at: when,
      onCall: situation.index.onCallAt(when),
      nextChangeAt: next !== null && next < situation.horizon ? next : null,
    });
  }

  /**
   * The plan a call reaching the hotline at `at` (now by default) would follow; balanced levels start
   * with the person the next call would get (the counters are read, not counted).
   */
  async callPlan(caller: Caller, hotlineId: Id, at?: InstantInput | null): Promise<Result<CallPlan, NotFoundRefusal>> {
    const when = this.instant(at);
    const hotline = await this.deps.hotlines.byId(caller.accountId, assertId(hotlineId, 'hotlineId'));
    const plan = hotline && (await this.plan(hotline, when, 'peek'));
    return plan ? ok(plan) : err(notFound('hotline', hotlineId, 'hotlineId'));
  }

  /**
   * The answer path: the plan for a call to this E.164 number at `at`, counting the call in the
   * balanced levels' rotation; undefined when no hotline answers it.
   */
  async callPlanForNumber(e164: string, at: Instant): Promise<CallPlan | undefined> {
    const hotline = await this.deps.hotlines.byNumber(e164);
    return hotline && this.plan(hotline, at, 'next');
  }

  /** Forgets the hotline's cached slots. */
  invalidate(hotlineId: Id): void {
    this.cache.invalidate(hotlineId);
  }

  private async plan(hotline: Hotline, at: Instant, mode: 'next' | 'peek'): Promise<CallPlan | undefined> {
    const situation = await this.situation(hotline, at);
    if (!situation) return undefined;
    const onCall = situation.index.onCallAt(at);
    const [directory, rotation] = await Promise.all([
      readDirectory(this.deps, hotline.accountId, { refs: onCall.levels, personIds: hotline.supervisorIds }),
      readLevelRotation(this.deps.rotation, hotline, { mode }),
    ]);
    return planCall({ hotline, schedule: { onCallAt: () => onCall }, directory, at, rotation });
  }

  /** Slots over the local days before, of and after `at` (cached by version), overrides fresh. */
  private async situation(hotline: Hotline, at: Instant): Promise<Situation | undefined> {
    const zone = hotline.timeZone;
    const day = zone.toLocal(at).date;
    const range = { start: day.plusDays(-1).at(LocalTime.MIDNIGHT), end: day.plusDays(2).at(LocalTime.MIDNIGHT) };
    const [from, to] = [zone.toInstant(range.start), zone.toInstant(range.end)];
    const [slots, overrides] = await Promise.all([
      this.slotsAround(hotline, day.epochDay, range),
      this.overrides(hotline, from, to),
    ]);
    if (!slots) return undefined;
    return { index: ScheduleIndex.build(zone, slots, overrides), horizon: to };
  }

  private async slotsAround(
    hotline: Hotline,
    epochDay: number,
    range: LocalRange,
  ): Promise<readonly Slot[] | undefined> {
    const { versions, schedules } = this.deps;
    const window = { accountId: hotline.accountId, hotlineId: hotline.id, epochDay };
    if (versions) {
      const version = await versions.scheduleVersion(hotline.accountId, hotline.id);
      if (version === undefined) return undefined;
      const cached = this.cache.get(window, version);
      if (cached) return cached;
    }
    const view = await schedules.slots(hotline.accountId, hotline.id, range);
    if (view && versions) this.cache.set(window, view);
    return view?.slots;
  }

  private overrides(hotline: Hotline, from: Instant, to: Instant): Promise<Override[]> {
    return this.deps.schedules.overrides(hotline.accountId, hotline.id, { from, to });
  }

  private instant(at: InstantInput | null | undefined): Instant {
    return at == null ? this.deps.clock.now() : instantOf(at, 'at');
  }
}
