import type { ScheduleChangeTriggers } from '@dutyline/application';
import { type InvalidationBus, invalidationOf } from '../cluster/invalidation-bus';

/**
 * The gap checks follow the announcements of routing writes (`ROUTING_CHANGES` puts every committed
 * schedule, override, hotline, person and team write on the invalidation bus): `hotline:<id>` checks
 * that hotline, `account:<id>` (people, teams) each hotline of the account. `number:` adds nothing to
 * its `hotline:` twin; `*` (after a Redis outage) is left to the periodic checks. With Redis every
 * instance hears every announcement and asks too: the checks' ids collapse them.
 * Returns the unsubscribe.
 */
export function followScheduleChanges(
  bus: InvalidationBus,
  triggers: Pick<ScheduleChangeTriggers, 'hotlineChanged' | 'accountChanged'>,
  onError: (error: unknown, topic: string) => void,
): () => void {
  return bus.subscribe((topic) => {
    const change = invalidationOf(topic);
    const asked =
      change.kind === 'hotline'
        ? triggers.hotlineChanged(change.hotlineId)
        : change.kind === 'account'
          ? triggers.accountChanged(change.accountId)
          : null;
    asked?.catch((error: unknown) => onError(error, topic));
  });
}
