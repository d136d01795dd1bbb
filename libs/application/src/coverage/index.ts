export { CoverageQueries, type CoverageQueriesDeps, type CoverageReport } from './coverage.queries';
export { type CoverageProblem } from './coverage-problems';
