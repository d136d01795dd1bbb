import { Id, Instant } from '../shared';
import { CoverageQuery, Gap, analyseCoverage } from './coverage-gaps';
import { totalLength } from './service-hours-expansion';

/** "Is duty held?" for one hotline over a range, as a supervisor screen shows it. Plain data. */
export interface CoverageSummary {
  readonly hotlineId: Id;
  readonly start: Instant;
  readonly end: Instant;
  /** Intended service time within the range (ms). */
  readonly serviceMs: number;
  /** Service time with someone reachable on duty (ms). */
  readonly coveredMs: number;
  /** `coveredMs / serviceMs`, 0…1; 1 when the range holds no service time (nothing to cover). */
  readonly coveredFraction: number;
  /** No gap in the range. */
  readonly fullyCovered: boolean;
  /** The hotline is meant to be answered around the clock (service hours "always"). */
  readonly alwaysInService: boolean;
  readonly gaps: readonly Gap[];
}

/** Service time, covered time and gaps of one hotline within `range`; see `coverageGaps`. */
export function coverageSummary(query: CoverageQuery): CoverageSummary {
  const { range, service, gaps } = analyseCoverage(query);
  const serviceMs = totalLength(service);
  const coveredMs = serviceMs - totalLength(gaps);
  return {
    hotlineId: query.hotline.id,
    start: range.start,
    end: range.end,
    serviceMs,
    coveredMs,
    coveredFraction: serviceMs === 0 ? 1 : coveredMs / serviceMs,
    fullyCovered: gaps.length === 0,
    alwaysInService: query.hotline.serviceHours.kind === 'always',
    gaps,
  };
}
