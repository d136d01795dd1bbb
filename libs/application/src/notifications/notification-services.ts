import {
  AccountRepository,
  Clock,
  HotlineRepository,
  MailerPort,
  PersonRepository,
  RecordingCarrier,
  ScheduleRepository,
  SmsCarrier,
  TeamRepository,
} from '@dutyline/domain';
import { CoverageQueries } from '../coverage';
import { GapAlerts } from './gap-alerts';
import { GapCheckRunner } from './gap-check-runner';
import { DEFAULT_GAP_CHECK_INTERVAL_MS, NotificationJobQueue } from './notification-jobs';
import { NotificationProducer, NotificationProducerDeps } from './notification-producer';
import { NotificationReconciler } from './notification-reconciler';
import { DeliveryLedger, GapAlertStateStore, VoicemailLinks, WatchedHotlines } from './ports';
import { UnansweredCallAlert } from './unanswered-call-alert';
import { VoicemailDelivery } from './voicemail-delivery';
import { NotificationSettingsStore } from '../shared';

/** What the notification services run over, already built by a composition root. */
export interface NotificationPorts {
  readonly ledger: DeliveryLedger;
  readonly hotlines: HotlineRepository;
  readonly people: PersonRepository;
  /** The account's admins, who get a voicemail nobody else would. */
  readonly accounts: Pick<AccountRepository, 'listUsers'>;
  readonly teams: TeamRepository;
  readonly schedules: ScheduleRepository;
  readonly gapStates: GapAlertStateStore;
  readonly watchedHotlines: WatchedHotlines;
  readonly settings: NotificationSettingsStore;
  readonly links: VoicemailLinks;
  /** Downloads the recordings the carrier made. */
  readonly recordings: Pick<RecordingCarrier, 'fetchRecording'>;
  readonly mailer: MailerPort;
  /** Absent or null: no text messages, whatever the hotlines' settings say. */
  readonly sms?: SmsCarrier | null;
  /** Where the producer, the reconcile pass and the periodic gap checks enqueue. */
  readonly queue: NotificationJobQueue;
  readonly clock: Clock;
}

export interface NotificationServiceOptions {
  /** How often each hotline's coverage is checked. @defaultValue DEFAULT_GAP_CHECK_INTERVAL_MS (1 h) */
  readonly gapCheckIntervalMs?: number;
  /** The producer's local journal and time budget (see `NotificationProducerDeps`). */
  readonly producer?: Pick<NotificationProducerDeps, 'journal' | 'budgetMs'>;
}

/** The services behind the three notification jobs, the reconcile pass and the producer, over one set of ports. */
export interface NotificationServices {
  readonly voicemail: VoicemailDelivery;
  readonly unanswered: UnansweredCallAlert;
  readonly gapAlerts: GapAlerts;
  readonly gapChecks: GapCheckRunner;
  readonly reconciler: NotificationReconciler;
  readonly producer: NotificationProducer;
}

/**
 * Builds every notification service over the same ports, the way both composition roots need them
 * (the worker's container, the gateway's embedded mode): one gap-check interval for the periodic
 * checks, the reconcile pass and the producer, so their job ids agree.
 */
export function createNotificationServices(
  ports: NotificationPorts,
  options: NotificationServiceOptions = {},
): NotificationServices {
  const { ledger, hotlines, people, settings, mailer, clock, queue } = ports;
  const sms = ports.sms ?? undefined;
  const gapCheckIntervalMs = options.gapCheckIntervalMs ?? DEFAULT_GAP_CHECK_INTERVAL_MS;
  const gapAlerts = new GapAlerts({
    coverage: new CoverageQueries({ hotlines, schedules: ports.schedules, people, teams: ports.teams }),
    state: ports.gapStates,
    settings,
    mailer,
    clock,
  });
  return {
    voicemail: new VoicemailDelivery({
      ledger,
      hotlines,
      people,
      accounts: ports.accounts,
      settings,
      recordings: ports.recordings,
      mailer,
      sms,
      links: ports.links,
      clock,
    }),
    unanswered: new UnansweredCallAlert({ ledger, hotlines, people, settings, mailer, sms, clock }),
    gapAlerts,
    gapChecks: new GapCheckRunner({ gapAlerts, queue, clock, intervalMs: gapCheckIntervalMs }),
    reconciler: new NotificationReconciler({
      ledger,
      gapState: ports.gapStates,
      hotlines: ports.watchedHotlines,
      queue,
      clock,
      gapCheckIntervalMs,
    }),
    producer: new NotificationProducer({ ...options.producer, ledger, queue, clock, gapCheckIntervalMs }),
  };
}
