export { type SegmentSource } from './segment-source';
export { MAX_COVERAGE_RANGE_DAYS, coverageRange } from './coverage-range';
export { serviceRanges, totalLength } from './service-hours-expansion';
export { type GapReason, type Gap, type CoverageQuery, coverageGaps } from './coverage-gaps';
export { type CoverageSummary, coverageSummary } from './coverage-summary';
