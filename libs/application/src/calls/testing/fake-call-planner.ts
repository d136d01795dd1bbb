import { CallPlan, Directory, Hotline, Id, Instant, OnCall, OnCallSource, planCall } from '@dutyline/domain';
import { CallPlanner } from '../ports';
import { Outage } from './outage';

const NOBODY: OnCall = { levels: [], slotId: null, overrideIds: [] };

/**
 * Plans calls with the domain's `planCall` over a directory and, per hotline, who is on duty (a fixed
 * `OnCall` or any `OnCallSource`, such as a `ScheduleIndex`). Tests change duty with `setOnCall`;
 * `outage` makes planning fail or hang.
 */
export class FakeCallPlanner implements CallPlanner {
  readonly outage = new Outage();
  /** How many plans were made. */
  plans = 0;
  private readonly sources = new Map<Id, OnCallSource>();

  constructor(
    private directory: Directory,
    onCall: Readonly<Record<Id, OnCall | OnCallSource>> = {},
  ) {
    for (const [hotlineId, source] of Object.entries(onCall)) this.setOnCall(hotlineId, source);
  }

  setOnCall(hotlineId: Id, source: OnCall | OnCallSource): void {
    this.sources.set(hotlineId, 'onCallAt' in source ? source : { onCallAt: () => source });
  }

  setDirectory(directory: Directory): void {
    this.directory = directory;
  }

  async planFor(hotline: Hotline, at: Instant): Promise<CallPlan> {
    await this.outage.pass('planFor');
    this.plans += 1;
    return planCall({
      hotline,
      schedule: this.sources.get(hotline.id) ?? { onCallAt: () => NOBODY },
      directory: this.directory,
      at,
    });
  }
}
