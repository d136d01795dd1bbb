import {
  Clock,
  HotlineRepository,
  MailerPort,
  PersonRepository,
  ScheduleRepository,
  ShiftAlertLedger,
  ShiftAlertSettingsRepository,
  SmsCarrier,
  TeamRepository,
} from '@dutyline/domain';
import { WatchedHotlines } from '../notifications';
import { ShiftAlertJobQueue } from './shift-alert-jobs';

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
  readonly clock: Clock;
  /** Where the gateway serves `GET /shift-alerts/ack/<token>`, e.g. `https://hotline.example.org`. */
  readonly publicUrl: string;
}
