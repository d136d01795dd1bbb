import { CallPlan, Instant } from '@dutyline/domain';
import { CallPlanner } from './ports';

/**
 * A `CallPlanner` over a planner by number (`RoutingQueries.callPlanForNumber`). A hotline it no
 * longer finds (deleted since the lookup) is a failure, so the call falls back rather than ending.
 */
export function callPlannerByNumber(
  planForNumber: (e164: string, at: Instant) => Promise<CallPlan | undefined>,
): CallPlanner {
  return {
    async planFor(hotline, at) {
      const plan = await planForNumber(hotline.number.e164, at);
      if (!plan) throw new Error(`no plan for ${hotline.number.e164}: the hotline is gone`);
      return plan;
    },
  };
}
