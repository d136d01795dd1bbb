import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { idColumn, instantColumn, intColumn, jsonColumn, nullableIdColumn, textColumn } from './columns';
import { belongsToAccount } from './constraints';

/**
 * One callback request (F19–F21): the whole request as a JSON document (the domain's request with its
 * policy snapshot, attempts, comments and claim, plus the outbound call working on it), written
 * compare-and-set on `version`, and beside it the columns the list is filtered on, derived from the
 * document on every write. Statuses that follow from time (open or expired, visible or hidden) are
 * compared with the instant asked about; no foreign key to the service, so a request outlives it.
 */
@Entity({ name: 'callback_requests' })
@Index('IDX_callback_requests_account_created', ['accountId', 'createdAt', 'id'])
@Index('IDX_callback_requests_caller', ['accountId', 'serviceKind', 'serviceId', 'number'])
@Index('IDX_callback_requests_dial_due', ['dialDueAt', 'id'])
@Index('UQ_callback_requests_call', ['activeCallId'], { unique: true })
@belongsToAccount(() => AccountRow, 'FK_callback_requests_account')
export class CallbackRequestRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('id')) id!: string;
  /** `hotline` or `team`. */
  @Column(textColumn(16, 'service_kind')) serviceKind!: string;
  @Column(idColumn('service_id')) serviceId!: string;
  /** E.164 */
  @Column(textColumn(16, 'number')) number!: string;
  @Column(instantColumn('created_at')) createdAt!: number;
  @Column(instantColumn('expires_at')) expiresAt!: number;
  /** `done`, `max-attempts-reached` or `cancelled` once an event closed it; null while open or only expired. */
  @Column(textColumn(32, 'closed_status', true)) closedStatus!: string | null;
  /** When agents see it again; null when no further attempt will be made. */
  @Column(instantColumn('next_attempt_at', true)) nextAttemptAt!: number | null;
  /** Automatic mode: when the worker must look at it next; null otherwise. */
  @Column(instantColumn('dial_due_at', true)) dialDueAt!: number | null;
  /** The outbound call working on it, which carrier webhooks name. */
  @Column(nullableIdColumn('active_call_id')) activeCallId!: string | null;
  @Column(intColumn('version')) version!: number;
  @Column(jsonColumn('document')) document!: string;
}

/** How a service takes callback requests in: the hotline's offer point and the countries called back. */
@Entity({ name: 'callback_intake_settings' })
@belongsToAccount(() => AccountRow, 'FK_callback_intake_settings_account')
export class CallbackIntakeSettingsRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn({ ...idColumn('service_kind'), length: 16 }) serviceKind!: string;
  @PrimaryColumn(idColumn('service_id')) serviceId!: string;
  /** `greeting` or `before-voicemail`; null: no offer. */
  @Column(textColumn(32, 'offer_at', true)) offerAt!: string | null;
  /** JSON list of ISO codes; null: the hotline's country only. */
  @Column(jsonColumn('allowed_countries', true)) allowedCountries!: string | null;
  @Column(instantColumn('updated_at')) updatedAt!: number;
}
