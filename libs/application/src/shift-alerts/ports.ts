import {
  Clock,
  HotlineRepository,
  JobCanceller,
  MailerPort,
  PersonRepository,
  ScheduleRepository,
  ShiftAlertLedger,
  ShiftAlertSettingsRepository,
  SmsCarrier,
  TeamRepository,
} from '@dutyline/domain';
import { HotlineDocumentStore, WatchedHotlines } from '../notifications';
import { ShiftAlertJobQueue, ShiftAlertJobs } from './shift-alert-jobs';

/** What the shift-start alerts run over, already built by a composition root. */
export interface ShiftAlertPorts {
  readonly hotlines: HotlineRepository;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly schedules: ScheduleRepository;
  readonly settings: ShiftAlertSettingsRepository;
  readonly ledger: ShiftAlertLedger;
  /** Every hotline of every account: what the plans at start and the periodic ones cover. */
  readonly watchedHotlines: WatchedHotlines;
  readonly mailer: MailerPort;
  /** Absent or null: no text messages, whatever the settings say (the step is recorded as `none: …`). */
  readonly sms?: SmsCarrier | null;
  readonly queue: ShiftAlertJobQueue;
  /**
   * The queue's ability to take a job back, with where each hotline's last plan is kept: a send job
   * no longer wanted (its duty moved or went away, `minutesBefore` changed) is then removed. Absent:
   * such a job stays queued and does nothing when it runs.
   */
  readonly cancelling?: {
    readonly canceller: JobCanceller<ShiftAlertJobs>;
    readonly plans: HotlineDocumentStore;
  };
  readonly clock: Clock;
  /** Where the gateway serves `GET /shift-alerts/ack/<token>`, e.g. `https://hotline.example.org`. */
  readonly publicUrl: string;
}
