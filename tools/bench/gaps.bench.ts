// coverageGaps over one year for 500 hotlines (mixed zones, some weekly service hours, some slots left
// empty, some people unreachable, a few overrides each), then for 1,000 to see how the cost grows.
import { Hotline, LocalDate, Override, ScheduleIndex, Slot, TimeZone, coverageGaps } from '@dutyline/domain';
import { goal, report, timeMillis } from './support/measure';
import {
  BENCH_ZONES,
  benchDirectory,
  benchHotline,
  elapsed,
  medianOf,
  overridesWithin,
  pick,
  seededRandom,
  slotsOverDays,
  yearRange,
} from './support/domain-fixtures';

const NAME = 'gaps';
const HOTLINES = 500;
/** Runs of the gaps computation, and of the index builds (slower, and less noisy), whose median is taken. */
const RUNS = 7;
const BUILD_RUNS = 3;
const GAPS_GOAL_MILLIS = 500;
const RATIO_GOAL = 2.2;

const random = seededRandom(500);
const { directory, people, assignees } = benchDirectory(random);

interface Case {
  readonly hotline: Hotline;
  readonly slots: Slot[];
  readonly overrides: Override[];
  readonly range: { start: number; end: number };
}

function makeCases(count: number, firstId = 0): Case[] {
  return Array.from({ length: count }, (_, i) => {
    const hotline = benchHotline(
      { id: `hl-${firstId + i}`, zone: pick(random, BENCH_ZONES), supervisors: people },
      random,
    );
    const pool = assignees.filter(() => random() < 0.05);
    const range = yearRange(hotline.timeZone, 2027);
    const emptyShare = random() < 0.3 ? 0.02 : 0;
    return {
      hotline,
      slots: slotsOverDays(
        {
          hotlineId: hotline.id,
          from: LocalDate.of(2026, 12, 31),
          days: 366,
          pool: pool.length > 0 ? pool : assignees,
          emptyShare,
        },
        random,
      ),
      overrides: overridesWithin(
        { hotlineId: hotline.id, from: range.start, to: range.end, count: 20, pool: assignees },
        random,
      ),
      range,
    };
  });
}

/** Builds every hotline's index; the median build time of a few runs, and the indexes. */
function buildAll(cases: readonly Case[]): { millis: number; indexes: ScheduleIndex[] } {
  let indexes: ScheduleIndex[] = [];
  const millis = medianOf(BUILD_RUNS, () =>
    timeMillis(() => (indexes = cases.map((c) => ScheduleIndex.build(c.hotline.timeZone, c.slots, c.overrides)))),
  );
  (globalThis as { gc?: () => void }).gc?.(); // once, so the gap runs start without the builds' garbage
  return { millis, indexes };
}

/** One computation of a year of gaps for every hotline: its wall and CPU time, and the number of gaps found. */
function gapsAll(
  cases: readonly Case[],
  indexes: readonly ScheduleIndex[],
): { wall: number; cpu: number; found: number } {
  let found = 0;
  const time = elapsed(() =>
    cases.forEach(
      (c, i) => (found += coverageGaps({ hotline: c.hotline, schedule: indexes[i], directory, range: c.range }).length),
    ),
  );
  return { ...time, found };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const zone of BENCH_ZONES) yearRange(TimeZone.of(zone), 2027); // zone rules are computed once per year: not timed

// 500 hotlines alone, for the goal on the year of gaps.
const half = makeCases(HOTLINES);
const halfBuild = buildAll(half);
gapsAll(half, halfBuild.indexes); // warm-up
const halfGaps = Array.from({ length: RUNS }, () => gapsAll(half, halfBuild.indexes));
const gapsWall = median(halfGaps.map((r) => r.wall));
const gapsCpu = median(halfGaps.map((r) => r.cpu));
report(NAME, { metric: 'hotlines', value: HOTLINES, unit: 'count' });
report(NAME, { metric: 'slots', value: half.reduce((n, c) => n + c.slots.length, 0), unit: 'count' });
report(NAME, { metric: 'overrides', value: half.reduce((n, c) => n + c.overrides.length, 0), unit: 'count' });
report(NAME, { metric: 'gaps-found', value: halfGaps[0].found, unit: 'count' });
report(NAME, { metric: 'index-build', value: halfBuild.millis, unit: 'ms' });
report(NAME, { metric: 'gaps-year', value: gapsWall, unit: 'ms' });
report(NAME, { metric: 'gaps-year-cpu', value: gapsCpu, unit: 'ms' });
report(NAME, { metric: 'total', value: halfBuild.millis + gapsWall, unit: 'ms' });

// Then 1,000. For the ratio, the first 500 and the whole 1,000 are timed in turn in the same heap, so that
// load from other processes and the size of the heap weigh on both sides alike.
const all = [...half, ...makeCases(HOTLINES, HOTLINES)];
const allBuild = buildAll(all);
const halfRuns: { wall: number; cpu: number }[] = [];
const allRuns: { wall: number; cpu: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  halfRuns.push(gapsAll(half, allBuild.indexes));
  allRuns.push(gapsAll(all, allBuild.indexes));
}
const doubledWall = median(allRuns.map((r) => r.wall));
const ratioWall = doubledWall / median(halfRuns.map((r) => r.wall));
const ratioCpu = median(allRuns.map((r) => r.cpu)) / median(halfRuns.map((r) => r.cpu));
report(NAME, { metric: 'index-build-x2', value: allBuild.millis, unit: 'ms' });
report(NAME, { metric: 'gaps-year-x2', value: doubledWall, unit: 'ms' });
report(NAME, { metric: 'gaps-year-cpu-x2', value: median(allRuns.map((r) => r.cpu)), unit: 'ms' });
report(NAME, { metric: 'total-x2', value: allBuild.millis + doubledWall, unit: 'ms' });
report(NAME, { metric: 'index-build-ratio-x2', value: allBuild.millis / halfBuild.millis, unit: 'x' });
report(NAME, { metric: 'gaps-ratio-x2', value: ratioWall, unit: 'x' });
report(NAME, { metric: 'gaps-ratio-cpu-x2', value: ratioCpu, unit: 'x' });

// Goals on CPU time: on a quiet machine it is the wall time (plus GC helper threads), and it stays put when
// other processes share the machine, where the wall time can double.
goal(NAME, `gaps over one year for ${HOTLINES} hotlines <= ${GAPS_GOAL_MILLIS} ms (CPU)`, gapsCpu <= GAPS_GOAL_MILLIS);
goal(NAME, `doubling the hotlines costs <= ${RATIO_GOAL}x the gaps time (CPU)`, ratioCpu <= RATIO_GOAL);
