import {
  Clock,
  DAY_MS,
  Hotline,
  MailerPort,
  NonRetryableJobError,
  PermanentDeliveryError,
  Person,
  VersionConflictError,
} from '@dutyline/domain';
import { CoverageQueries } from '../coverage';
import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettingsStore, systemCaller } from '../shared';
import { diffGaps } from './gap-diff';
import { recipientsAmong } from './notification-recipients';
import { localTimeText, offsetText } from './notification-text';
import { EMPTY_GAP_ALERT_STATE, GapAlertState, GapAlertStateStore, GapNotice, HotlineKey } from './ports';

export interface GapAlertsDeps {
  /**
   * The coverage rules over the stored schedule (only reachable people count, service hours respected);
   * its directory names the supervisors, who are told.
   */
  readonly coverage: Pick<CoverageQueries, 'coverage'>;
  readonly state: GapAlertStateStore;
  readonly settings: NotificationSettingsStore;
  readonly mailer: MailerPort;
  readonly clock: Clock;
  /** Compare-and-set retries when another run saves the same hotline's state first. @defaultValue 5 */
  readonly maxConflicts?: number;
}

export interface GapCheckOutcome {
  /** `checked`; `disabled` (setting off: state cleared); `no-recipient` (nothing announced, nothing remembered); `hotline-gone`. */
  readonly status: 'checked' | 'disabled' | 'no-recipient' | 'hotline-gone';
  /** The notices e-mailed by this run (including ones an interrupted run left owed). */
  readonly sent: readonly GapNotice[];
  /** Notices dropped because every recipient was refused for good. */
  readonly refused: readonly GapNotice[];
}

/**
 * F16: looks ahead (the hotline's `gapAlerts.lookAheadDays`, 14 by default) and e-mails the person in
 * charge — the supervisors and the hotline's extra gap addresses — once per new gap, again when a gap
 * changes, and once when it closes; never about past gaps. The state announced so far is stored per
 * hotline; notices go into the state's outbox in the same compare-and-set write that records them, and
 * leave it once sent, so a crash between the two sends a notice again (same Message-ID) rather than
 * never. A hotline with nobody to tell announces nothing and remembers nothing, so the gaps are
 * announced once someone is there.
 */
export class GapAlerts {
  private readonly maxConflicts: number;

  constructor(private readonly deps: GapAlertsDeps) {
    this.maxConflicts = deps.maxConflicts ?? 5;
  }

  async check(hotline: HotlineKey): Promise<GapCheckOutcome> {
    for (let conflicts = 0; ; conflicts++) {
      try {
        return await this.checkOnce(hotline);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || conflicts >= this.maxConflicts) throw error;
      }
    }
  }

  private async checkOnce(key: HotlineKey): Promise<GapCheckOutcome> {
    const { deps } = this;
    const now = deps.clock.now();
    const settings = (
      (await deps.settings.notificationSettings(key.accountId, key.hotlineId)) ?? DEFAULT_NOTIFICATION_SETTINGS
    ).gapAlerts;
    let state = await deps.state.gapAlertState(key);
    const forget = async (status: GapCheckOutcome['status']): Promise<GapCheckOutcome> => {
      if (state.announced.length > 0 || state.outbox.length > 0) {
        await deps.state.saveGapAlertState(
          key,
          { ...EMPTY_GAP_ALERT_STATE, version: state.version, checkedAt: now },
          now,
        );
      }
      return { status, sent: [], refused: [] };
    };
    if (!settings.enabled) return forget('disabled');

    const until = now + settings.lookAheadDays * DAY_MS;
    const report = await deps.coverage.coverage(systemCaller(key.accountId), key.hotlineId, { from: now, to: until });
    if (!report.ok) return forget('hotline-gone');
    const { hotline, directory } = report.value;
    const supervisors = [...new Set(hotline.supervisorIds)].map((id) => directory.person(id));
    const to = recipientsAmong(
      supervisors.filter((p): p is Person => p !== undefined),
      settings.emails,
    );
    if (to.emails.length === 0) return forget('no-recipient');

    const diff = diffGaps(state.announced, report.value.summary.gaps, { now, until });
    const next: GapAlertState = {
      version: state.version,
      announced: diff.announced,
      outbox: [...state.outbox, ...diff.notices],
      checkedAt: now,
    };
    state = { ...next, version: await deps.state.saveGapAlertState(key, next, now) };

    const sent: GapNotice[] = [];
    const refused: GapNotice[] = [];
    for (const notice of state.outbox) {
      try {
        await deps.mailer.send({ to: to.emails, ...gapMail(hotline, notice), idempotencyKey: notice.id });
        sent.push(notice);
      } catch (error) {
        if (!(error instanceof PermanentDeliveryError)) throw error;
        refused.push(notice);
      }
      state = await this.leaveOutbox(key, state, { noticeId: notice.id, now });
    }
    if (refused.length > 0) {
      throw new NonRetryableJobError(
        `gap alerts of hotline ${key.hotlineId} refused for every recipient: ${refused.map((n) => n.id).join(', ')}`,
      );
    }
    return { status: 'checked', sent, refused };
  }

  /** Takes a sent notice out of the outbox; on a conflict, out of the state another run saved. */
  private async leaveOutbox(
    key: HotlineKey,
    state: GapAlertState,
    sent: { readonly noticeId: string; readonly now: number },
  ): Promise<GapAlertState> {
    const { noticeId, now } = sent;
    for (let current = state, conflicts = 0; ; conflicts++) {
      const next = { ...current, outbox: current.outbox.filter((n) => n.id !== noticeId) };
      try {
        return { ...next, version: await this.deps.state.saveGapAlertState(key, next, now) };
      } catch (error) {
        if (!(error instanceof VersionConflictError) || conflicts >= this.maxConflicts) throw error;
        current = await this.deps.state.gapAlertState(key);
      }
    }
  }
}

const TITLES = {
  new: 'Nobody on duty',
  changed: 'Changed: nobody on duty',
  resolved: 'Resolved: duty covered again',
} as const;
const REASONS = {
  'nobody-scheduled': 'nobody is on the schedule',
  'nobody-reachable': 'the people scheduled have no number that can be rung',
  mixed: 'nobody is scheduled for part of it, and those scheduled for the rest cannot be rung',
} as const;

/** The subject and text of one gap e-mail, times in the hotline's zone. */
export function gapMail(
  hotline: Pick<Hotline, 'name' | 'timeZone'>,
  notice: GapNotice,
): { subject: string; text: string } {
  const zone = hotline.timeZone;
  const { gap } = notice;
  const from = localTimeText(gap.start, zone);
  const to = gap.open
    ? `beyond ${localTimeText(gap.seenUntil, zone)} (the end of the look-ahead)`
    : localTimeText(gap.end, zone);
  const span = `from ${from}\n  until ${to}`;
  const lines =
    notice.kind === 'resolved'
      ? [`Someone reachable is now on duty for the gap announced on ${hotline.name}:`, `  ${span}`]
      : [
          `${notice.kind === 'new' ? 'Nobody reachable will be on duty' : 'A gap already announced has changed'} on ${hotline.name}:`,
          `  ${span}`,
          `Why: ${REASONS[gap.reason]}.`,
          ...(notice.previous
            ? [
                `Announced before as: from ${localTimeText(notice.previous.start, zone)} until ${notice.previous.open ? 'beyond the look-ahead' : localTimeText(notice.previous.end, zone)}.`,
              ]
            : []),
          '',
          'Calls in this period reach nobody on duty: they go straight to the no-answer scenario. Please fill the schedule.',
        ];
  const day = zone.toLocal(gap.start);
  return {
    subject: `${TITLES[notice.kind]} on ${hotline.name} from ${day.date.toString()} ${day.time.toString()} (${offsetText(zone.offsetAt(gap.start))})`,
    text: lines.join('\n'),
  };
}
