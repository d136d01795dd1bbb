import {
  CalendarFeed,
  CalendarFeedOwner,
  DAY_MS,
  Hotline,
  HotlineSchedule,
  InstantRange,
  LocalDateTime,
  Result,
  assertId,
  calendarFeedWindow,
  err,
  hotlineCalendar,
  ok,
  personCalendar,
} from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, allItems, notFound, readDirectory } from '../shared';
import { CalendarFeedsDeps } from './ports';

/**
 * Calendar feeds (iCal) of a person or a hotline: the secret token that opens each (issued on first
 * ask, replaced on demand), and the feed itself, read from the schedule as it is at each fetch.
 */
export class CalendarFeeds {
  private readonly auditRecorder: AuditRecorder;

  constructor(private readonly deps: CalendarFeedsDeps) {
    this.auditRecorder = new AuditRecorder(deps);
  }

  /** The owner's token, issued on the first ask. NOT_FOUND (at `person` or `hotline`) when the account has no such owner. */
  async token(caller: Caller, owner: CalendarFeedOwner): Promise<Result<string, NotFoundRefusal>> {
    const missing = await this.missing(caller, owner);
    return missing ? err(missing) : ok(await this.deps.tokens.currentToken(caller.accountId, owner));
  }

  /** A new token for the owner; the old one opens nothing from now on. Audited as `calendar-feed.rotated`. */
  async rotateToken(caller: Caller, owner: CalendarFeedOwner): Promise<Result<string, NotFoundRefusal>> {
    const missing = await this.missing(caller, owner);
    if (missing) return err(missing);
    const token = await this.deps.tokens.rotateToken(caller.accountId, owner);
    await this.auditRecorder.record(caller, {
      action: 'calendar-feed.rotated',
      entityType: owner.kind,
      entityId: owner.id,
      before: null,
      after: null,
    });
    return ok(token);
  }

  /** The feed `token` opens, from the schedule as it is now; undefined for a malformed, unknown or replaced token, or an owner since deleted. */
  async feed(token: string): Promise<CalendarFeed | undefined> {
    const target = await this.deps.tokens.resolveToken(token);
    if (!target) return undefined;
    const { accountId, owner } = target;
    const window = calendarFeedWindow(this.deps.clock.now());
    if (owner.kind === 'hotline') {
      const hotline = await this.deps.hotlines.byId(accountId, owner.id);
      if (!hotline) return undefined;
      const schedule = await this.schedule(accountId, hotline, window);
      return hotlineCalendar(schedule, await this.directoryFor(accountId, [schedule]), window);
    }
    const person = await this.deps.people.person(accountId, owner.id);
    if (!person) return undefined;
    const hotlines = await allItems((page) => this.deps.hotlines.list(accountId, page));
    const schedules: HotlineSchedule[] = [];
    // One hotline after the other: a feed fetch never takes more than one of the pool's connections.
    for (const hotline of hotlines) schedules.push(await this.schedule(accountId, hotline, window));
    return personCalendar({ person, schedules }, await this.directoryFor(accountId, schedules), window);
  }

  private async missing(caller: Caller, owner: CalendarFeedOwner): Promise<NotFoundRefusal | undefined> {
    assertId(owner.id, owner.kind);
    const found =
      owner.kind === 'person'
        ? await this.deps.people.person(caller.accountId, owner.id)
        : await this.deps.hotlines.byId(caller.accountId, owner.id);
    return found ? undefined : notFound(owner.kind, owner.id, owner.kind);
  }

  /** The slots overlapping the window (a local day of margin each side, whatever the zone's offset) and its overrides. */
  private async schedule(accountId: string, hotline: Hotline, window: InstantRange): Promise<HotlineSchedule> {
    const zone = hotline.timeZone;
    const local = {
      start: LocalDateTime.ofWall(zone.toLocal(window.start).wall - DAY_MS),
      end: LocalDateTime.ofWall(zone.toLocal(window.end).wall + DAY_MS),
    };
    const view = await this.deps.schedules.slots(accountId, hotline.id, local);
    const overrides = await this.deps.schedules.overrides(accountId, hotline.id, {
      from: window.start,
      to: window.end,
    });
    return { hotline, slots: view?.slots ?? [], overrides };
  }

  private directoryFor(accountId: string, schedules: readonly HotlineSchedule[]) {
    const refs = schedules.flatMap((s) => [
      ...s.slots.flatMap((slot) => slot.assignees),
      ...s.overrides.flatMap((o) => o.assignees),
    ]);
    return readDirectory(this.deps, accountId, { refs });
  }
}
