// Brute-force references for property tests (slow on purpose). The fast-check generators live in
// `random-schedule.fixtures.ts`, imported directly by the specs: fast-check is not a dependency of the domain.
export {
  type ReferenceOnCall,
  type MinuteKind,
  type ReferenceGap,
  ReferenceSchedule,
  referencePlanSteps,
  type ReferenceWorld,
  referenceMinutes,
  type ReferenceCoverage,
  referenceCoverage,
} from './on-call-reference';
export { intlWallMinute, intlToInstant } from './intl-wall-clock';
