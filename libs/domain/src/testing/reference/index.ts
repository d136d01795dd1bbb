// Brute-force references for property tests (slow on purpose). The fast-check generators live in
// `random-schedule.fixtures.ts`, imported directly by the specs: fast-check is not a dependency of the domain.
export * from './on-call-reference';
export * from './intl-wall-clock';
