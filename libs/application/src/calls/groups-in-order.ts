import { CallPlan, CallStep } from '@dutyline/domain';
import { CallPlanner } from './ports';

/** The plan with its groups undone: an all-at-once level's numbers ring one after the other, in plan order. */
export function withGroupsInOrder(plan: CallPlan): CallPlan {
  if (!plan.steps.some(isGrouped)) return plan;
  return { ...plan, steps: plan.steps.map((step) => (isGrouped(step) ? ungrouped(step) : step)) };
}

/** A planner for carrier adapters that ring one leg at a time (`parallelDialing` off). */
export const plannerWithGroupsInOrder = (planner: CallPlanner): CallPlanner => ({
  planFor: async (hotline, at, options) => withGroupsInOrder(await planner.planFor(hotline, at, options)),
});

const isGrouped = (step: CallStep): boolean => step.kind === 'dial' && step.group !== undefined;

function ungrouped(step: CallStep): CallStep {
  if (step.kind !== 'dial') return step;
  const { group: _ringsInOrder, ...alone } = step;
  return alone;
}
