import { Id } from '@dutyline/domain';
import { NotificationProducer } from './notification-producer';
import { HotlineKey, WatchedHotlines } from './ports';

export interface ScheduleChangeTriggersDeps {
  /** Every hotline of every account: where a hotline id or an account id leads. */
  readonly hotlines: WatchedHotlines;
  readonly producer: Pick<NotificationProducer, 'scheduleChanged'>;
}

/**
 * Turns announcements of "this changed" — a hotline (its schedule, overrides, service hours or
 * supervisors) or an account's directory (people, teams) — into `scheduleChanged` for each hotline
 * concerned, so its gap check runs within the debounce window. Announcements name a hotline by id
 * alone: the hotlines are kept in memory and read again when an id or account is not among them
 * (a hotline created since); one deleted since gets a check that finds it gone, which ends its chain.
 * Failure contract: rejects when the hotlines cannot be read or the queue cannot take the check
 * (the periodic check catches up).
 */
export class ScheduleChangeTriggers {
  private known: readonly HotlineKey[] | undefined;
  private loading: Promise<readonly HotlineKey[]> | undefined;

  constructor(private readonly deps: ScheduleChangeTriggersDeps) {}

  /** Resolves with the hotlines whose check was asked for (none for an id no account has). */
  hotlineChanged(hotlineId: Id): Promise<HotlineKey[]> {
    return this.trigger((h) => h.hotlineId === hotlineId);
  }

  accountChanged(accountId: Id): Promise<HotlineKey[]> {
    return this.trigger((h) => h.accountId === accountId);
  }

  private async trigger(concerned: (hotline: HotlineKey) => boolean): Promise<HotlineKey[]> {
    const cached = this.known;
    let hotlines = (cached ?? (await this.reload())).filter(concerned);
    if (hotlines.length === 0 && cached !== undefined) hotlines = (await this.reload()).filter(concerned);
    await Promise.all(hotlines.map((hotline) => this.deps.producer.scheduleChanged(hotline)));
    return hotlines;
  }

  /** One read at a time, shared by the announcements that wait for it. */
  private reload(): Promise<readonly HotlineKey[]> {
    this.loading ??= this.deps.hotlines.watchedHotlines().then(
      (hotlines) => {
        this.known = hotlines;
        this.loading = undefined;
        return hotlines;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
