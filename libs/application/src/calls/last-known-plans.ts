import { CallPlan } from '@dutyline/domain';
import { BoundedMap } from './bounded-map';

/**
 * The last plan computed for each hotline number on this instance, kept in memory: when the store
 * or the planner fails, a call still rings the people who were on duty at the last call rather than
 * meeting silence. Filled on every successful answer.
 */
export class LastKnownPlans {
  private readonly plans: BoundedMap<string, CallPlan>;

  /** @param capacity how many hotline numbers are remembered. @defaultValue 10000 */
  constructor(capacity = 10_000) {
    this.plans = new BoundedMap(capacity);
  }

  remember(hotlineNumber: string, plan: CallPlan): void {
    this.plans.set(hotlineNumber, plan);
  }

  get(hotlineNumber: string): CallPlan | undefined {
    return this.plans.get(hotlineNumber);
  }

  /** Forgets the oldest `share` (0–1) of the plans, when memory runs short; returns how many. */
  shed(share: number): number {
    return this.plans.shed(share);
  }
}
