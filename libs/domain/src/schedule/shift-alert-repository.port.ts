import { Id, Instant } from '../shared';
import { ShiftAlertSettings } from './shift-alerts';

/**
 * Per-hotline shift-alert settings, in their own table; deleting the hotline deletes them.
 * Failure contract: the repositories' one (shared/repository-refusals.ts).
 */
export interface ShiftAlertSettingsRepository {
  /** Undefined when the hotline never saved any (alerts are then off). */
  shiftAlertSettings(accountId: Id, hotlineId: Id): Promise<ShiftAlertSettings | undefined>;
  /** Creates or replaces; a hotline absent from the account: `UNKNOWN_HOTLINE` at `hotlineId`. */
  saveShiftAlertSettings(accountId: Id, settings: ShiftAlertSettings): Promise<void>;
}

/** A shift-start alert sent (or being sent), as the ledger keeps it. Plain JSON. */
export interface ShiftAlertRecord {
  /** `shift-alert:<hotlineId>:<personId>:<start>`, the job id too. */
  readonly id: string;
  readonly accountId: Id;
  readonly hotlineId: Id;
  readonly personId: Id;
  readonly level: number;
  readonly dutyStart: Instant;
  readonly dutyEnd: Instant;
  /** Channels done, so a retried job skips them: `email` → Message-ID, `sms` → the carrier's id or `refused: …`. */
  readonly steps: Readonly<Record<string, string>>;
  /** When every channel was done; null while the alert is being sent. */
  readonly sentAt: Instant | null;
  /** Until when the acknowledgement link works; null when none was asked. */
  readonly ackExpiresAt: Instant | null;
  readonly acknowledgedAt: Instant | null;
  /** When the supervisors were told the alert went unacknowledged. */
  readonly supervisorsToldAt: Instant | null;
  readonly createdAt: Instant;
}

export type NewShiftAlert = Pick<
  ShiftAlertRecord,
  'id' | 'accountId' | 'hotlineId' | 'personId' | 'level' | 'dutyStart' | 'dutyEnd' | 'ackExpiresAt' | 'createdAt'
>;

/** What an acknowledgement link did. */
export type ShiftAckOutcome =
  | { readonly status: 'acknowledged' | 'already-acknowledged'; readonly alert: ShiftAlertRecord }
  /** Unknown, malformed or expired token: answered alike. */
  | { readonly status: 'invalid' };

/**
 * The alerts sent and their acknowledgements: a retried job finds what was done and never sends twice.
 * The acknowledgement token is random (at least 128 bits); only its hash is stored.
 * Failure contract: a rejection means the store is unreachable or failed; nothing was written.
 */
export interface ShiftAlertLedger {
  /**
   * Stores the alert if its id is new; resolves with the stored record either way, and, when it was
   * created asking for acknowledgement (`ackExpiresAt` set), the link's token (never readable again).
   */
  openShiftAlert(
    alert: NewShiftAlert,
  ): Promise<{ readonly record: ShiftAlertRecord; readonly ackToken: string | null }>;
  shiftAlert(id: string): Promise<ShiftAlertRecord | undefined>;
  /** Records one channel done (a later record of the same step replaces it). */
  recordShiftAlertStep(id: string, done: { readonly step: string; readonly result: string }): Promise<void>;
  markShiftAlertSent(id: string, at: Instant): Promise<void>;
  /** A new token for an alert asking for acknowledgement (the previous one stops working), for a retried job's remaining channels. */
  renewAckToken(id: string): Promise<string>;
  /** Resolves the link: single-use (a second use says `already-acknowledged`), refused from `ackExpiresAt` on. */
  acknowledgeShiftAlert(token: string, at: Instant): Promise<ShiftAckOutcome>;
  markSupervisorsTold(id: string, at: Instant): Promise<void>;
  /** A hotline's alerts whose duty starts in `[from, to)`, by start then person. */
  shiftAlerts(
    accountId: Id,
    hotlineId: Id,
    range: { readonly from: Instant; readonly to: Instant },
  ): Promise<ShiftAlertRecord[]>;
}
