import { CallPlan, Hotline, Instant } from '@dutyline/domain';

/**
 * The plan for a call reaching a hotline at an instant (F9): the routing queries service reads the
 * schedule and the directory and calls the domain's `planCall`.
 * Failure contract: a rejection means the schedule or directory could not be read; the call falls
 * back to the last plan known for the number, or to the emergency number.
 */
export interface CallPlanner {
  planFor(hotline: Hotline, at: Instant): Promise<CallPlan>;
}
