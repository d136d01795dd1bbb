import {
  DeliveryLedger,
  GapAlerts,
  GapAlertStateStore,
  GapCheckRunner,
  NotificationJobQueue,
  NotificationJobs,
  NotificationReconciler,
  NotificationServices,
  NotificationSettingsStore,
  UnansweredCallAlert,
  VoicemailDelivery,
  VoicemailLinks,
  WatchedHotlines,
} from '@dutyline/application';
import {
  AccountRepository,
  Clock,
  HotlineRepository,
  JobProcessorHost,
  JobQueueInspector,
  MailerPort,
  PersonRepository,
  RecordingCarrier,
  ScheduleRepository,
  SmsCarrier,
  TeamRepository,
} from '@dutyline/domain';
import type { ServiceIdentifier } from 'inversify';
import { WorkerLogger } from '../adapters/json-logger';

/*
 * Typed injection tokens, one per port (STYLE habit 8): `container.get(MAILER)` is a `MailerPort`.
 * Grouped as the container modules bind them.
 */
const token = <T>(name: string): ServiceIdentifier<T> => Symbol(name);

/** Something the process opened and must close on shutdown, closed in reverse order of registration. */
export interface Closable {
  readonly name: string;
  close(): Promise<void>;
}

// platform
export const CLOCK = token<Clock>('Clock');
export const LOGGER = token<WorkerLogger>('WorkerLogger');
export const CLOSABLES = token<Closable>('Closable');

// persistence
export const HOTLINES = token<HotlineRepository>('HotlineRepository');
export const PEOPLE = token<PersonRepository>('PersonRepository');
export const ACCOUNTS = token<AccountRepository>('AccountRepository');
export const TEAMS = token<TeamRepository>('TeamRepository');
export const SCHEDULES = token<ScheduleRepository>('ScheduleRepository');
export const DELIVERY_LEDGER = token<DeliveryLedger>('DeliveryLedger');
export const GAP_ALERT_STATES = token<GapAlertStateStore>('GapAlertStateStore');
export const WATCHED_HOTLINES = token<WatchedHotlines>('WatchedHotlines');
export const NOTIFICATION_SETTINGS = token<NotificationSettingsStore>('NotificationSettingsStore');
export const VOICEMAIL_LINKS = token<VoicemailLinks>('VoicemailLinks');

// queue
export const JOB_QUEUE = token<NotificationJobQueue>('NotificationJobQueue');
export const JOB_HOST = token<JobProcessorHost<NotificationJobs>>('JobProcessorHost');
export const QUEUE_INSPECTOR = token<JobQueueInspector>('JobQueueInspector');

// mail
export const MAILER = token<MailerPort>('MailerPort');

// carrier (vonage or the simulator)
export const RECORDINGS = token<Pick<RecordingCarrier, 'fetchRecording'>>('RecordingCarrier');
/** Bound only when the carrier can send text messages. */
export const SMS = token<SmsCarrier>('SmsCarrier');

// notification services (built together by `createNotificationServices`)
export const NOTIFICATION_SERVICES = token<NotificationServices>('NotificationServices');
export const VOICEMAIL_DELIVERY = token<VoicemailDelivery>('VoicemailDelivery');
export const UNANSWERED_CALL_ALERT = token<UnansweredCallAlert>('UnansweredCallAlert');
export const GAP_ALERTS = token<GapAlerts>('GapAlerts');
export const GAP_CHECK_RUNNER = token<GapCheckRunner>('GapCheckRunner');
export const RECONCILER = token<NotificationReconciler>('NotificationReconciler');
