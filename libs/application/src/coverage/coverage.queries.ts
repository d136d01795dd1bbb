import {
  CoverageSummary,
  DAY_MS,
  Directory,
  Hotline,
  Id,
  InstantInput,
  LocalDateTime,
  MAX_COVERAGE_RANGE_DAYS,
  Result,
  ScheduleIndex,
  assertId,
  coverageSummary,
  err,
  ok,
} from '@dutyline/domain';
import {
  Caller,
  DEFAULT_NOTIFICATION_SETTINGS,
  instantRangeOf,
  notFound,
  NotFoundRefusal,
  readDirectory,
} from '../shared';
import { CoverageProblem, voicemailProblems } from './coverage-problems';
import { CoverageQueriesDeps } from './ports';

export interface CoverageReport {
  readonly hotline: Hotline;
  /** Service time, covered time and the gaps, in order (F16). */
  readonly summary: CoverageSummary;
  /** What else leaves callers unserved, e.g. a voicemail nobody would get (`voicemail-unaddressed`). */
  readonly problems: readonly CoverageProblem[];
  /** The people and teams named by the range's slots and overrides, and the hotline's supervisors. */
  readonly directory: Directory;
}

/**
 * "Is duty held 24/7?" (F16): the gaps of a hotline's service hours where nobody reachable is on
 * duty, over a real-time range of at most `MAX_COVERAGE_RANGE_DAYS` (400) days. Reads: the hotline,
 * the slots of the range (a local day of margin on each side, so zone offsets and the gap flags at
 * the edges are exact), its overrides, and the people and teams named, in two batches.
 */
export class CoverageQueries {
  constructor(private readonly deps: CoverageQueriesDeps) {}

  /** Errors: `INVALID_INSTANT` at `from`/`to`, `INVALID_RANGE` or `RANGE_TOO_LONG` at `to`. */
  async coverage(
    caller: Caller,
    hotlineId: Id,
    { from, to }: { from: InstantInput; to: InstantInput },
  ): Promise<Result<CoverageReport, NotFoundRefusal>> {
    assertId(hotlineId, 'hotlineId');
    const range = instantRangeOf({ from, to }, MAX_COVERAGE_RANGE_DAYS);
    const hotline = await this.deps.hotlines.byId(caller.accountId, hotlineId);
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const zone = hotline.timeZone;
    const local = {
      start: LocalDateTime.ofWall(zone.toLocal(range.start).wall - DAY_MS),
      end: LocalDateTime.ofWall(zone.toLocal(range.end).wall + DAY_MS),
    };
    const [view, overrides] = await Promise.all([
      this.deps.schedules.slots(caller.accountId, hotline.id, local),
      this.deps.schedules.overrides(caller.accountId, hotline.id, { from: range.start - 1, to: range.end + 1 }),
    ]);
    if (!view) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const refs = [...view.slots.flatMap((s) => s.assignees), ...overrides.flatMap((o) => o.assignees)];
    const directory = await readDirectory(this.deps, caller.accountId, { refs, personIds: hotline.supervisorIds });
    const summary = coverageSummary({
      hotline,
      schedule: ScheduleIndex.build(zone, view.slots, overrides),
      directory,
      range,
    });
    const store = this.deps.notificationSettings;
    if (!store) return ok({ hotline, summary, problems: [], directory });
    const settings = (await store.notificationSettings(caller.accountId, hotline.id)) ?? DEFAULT_NOTIFICATION_SETTINGS;
    return ok({
      hotline,
      summary,
      problems: voicemailProblems(hotline, { email: settings.voicemail.email, onDuty: refs, directory }),
      directory,
    });
  }
}
