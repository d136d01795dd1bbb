import { DAY_MS, Instant, LocalDateTime, TimeZone } from '../shared';

const DAY = DAY_MS; // read once: `toInstant` below is the hot path of service-hours expansion

/**
 * `zone.toInstant` for many wall-clock times of one stretch of days, without its cost where nothing
 * happens: more than a day away from any change of offset, a wall-clock time is just shifted by the
 * offset in force; near a change it is handed to `zone.toInstant` itself, so the rule of ADR 0001
 * applies unchanged.
 *
 * The offset is sampled at each UTC midnight of the stretch (plus margins). `TimeZone` learns its
 * changes from the same midnights and knows at most one per UTC day, so equal samples around a
 * wall-clock time mean no change anywhere `toInstant` would look.
 */
export class WallClockResolver {
  private readonly firstMidnight: number;
  private readonly offsets: number[] = [];
  /** `lastChange[k]`: the latest sample index at or before `k` whose offset differs from the one before it (0 at the start). */
  private readonly lastChange: number[] = [];

  /** For wall-clock times on epoch days `firstDay` to `lastDay` (both included). */
  constructor(
    private readonly zone: TimeZone,
    firstDay: number,
    lastDay: number,
  ) {
    this.firstMidnight = (firstDay - 2) * DAY_MS;
    for (let k = 0; k <= lastDay - firstDay + 4; k++) {
      const offset = zone.offsetAt(this.firstMidnight + k * DAY_MS);
      this.offsets.push(offset);
      this.lastChange.push(k > 0 && offset !== this.offsets[k - 1] ? k : (this.lastChange[k - 1] ?? 0));
    }
  }

  /** The instant `wall` (a `LocalDateTime.wall`) designates, exactly as `zone.toInstant` answers. */
  toInstant(wall: number): Instant {
    // toInstant reads the offset between wall - 1 day and wall + 1 day.
    const before = Math.floor((wall - DAY - this.firstMidnight) / DAY);
    const after = Math.ceil((wall + DAY - this.firstMidnight) / DAY);
    if (before >= 0 && after < this.offsets.length && this.lastChange[after] <= before)
      return wall - this.offsets[before];
    return this.zone.toInstant(LocalDateTime.ofWall(wall));
  }
}
