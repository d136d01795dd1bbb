import { Id } from '../shared';
import { CallPlan } from './call-plan';

/** The persons of `plan` with a cap on simultaneous calls: whose current calls to count before dialling. */
export function cappedPersons(plan: CallPlan): Id[] {
  const ids = new Set<Id>();
  for (const step of plan.steps) {
    if (step.kind === 'dial' && step.maxSimultaneousCalls !== undefined) ids.add(step.personId);
  }
  return [...ids];
}

/**
 * The persons of `plan` already on as many calls as their cap allows, given how many calls each is on
 * (`onCalls`; a person left out is on none). A step without a cap never makes its person unavailable.
 */
export function personsAtTheirCap(plan: CallPlan, onCalls: ReadonlyMap<Id, number>): Set<Id> {
  const atCap = new Set<Id>();
  for (const step of plan.steps) {
    if (step.kind !== 'dial' || step.maxSimultaneousCalls === undefined) continue;
    if ((onCalls.get(step.personId) ?? 0) >= step.maxSimultaneousCalls) atCap.add(step.personId);
  }
  return atCap;
}
