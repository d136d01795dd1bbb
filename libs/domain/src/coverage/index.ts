export type { SegmentSource } from './segment-source';
export { MAX_COVERAGE_RANGE_DAYS, coverageRange } from './coverage-range';
export { serviceRanges, totalLength } from './service-hours-expansion';
export type { CoverageQuery, Gap, GapReason } from './coverage-gaps';
export { coverageGaps } from './coverage-gaps';
export type { CoverageSummary } from './coverage-summary';
export { coverageSummary } from './coverage-summary';
