export { type CoverageQueriesDeps } from './ports';
export { CoverageQueries, type CoverageReport } from './coverage.queries';
export { type CoverageProblem } from './coverage-problems';
