import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { idColumn, instantColumn, intColumn, jsonColumn, textColumn } from './columns';
import { belongsToAccount, ownedBy } from './constraints';
import { HotlineRow } from './hotline.entities';

/** A notification owed about a call (voicemail e-mail, unanswered-call alert) and the steps done. */
@Entity({ name: 'notification_deliveries' })
@Index('IDX_notification_deliveries_status', ['status', 'createdAt', 'id'])
@belongsToAccount(() => AccountRow, 'FK_notification_deliveries_account')
export class NotificationDeliveryRow {
  /** The event id, e.g. `<call id>:voicemail`. */
  @PrimaryColumn({ ...idColumn('id'), length: 160 }) id!: string;
  @Column(idColumn('account_id')) accountId!: string;
  @Column(textColumn(32)) kind!: string;
  @Column(idColumn('hotline_id')) hotlineId!: string;
  @Column(idColumn('call_id')) callId!: string;
  /** JSON: the call log entry when the event happened. */
  @Column(jsonColumn('record')) record!: string;
  @Column(textColumn(16)) status!: string;
  /** JSON: step → result. */
  @Column(jsonColumn('steps')) steps!: string;
  @Column(textColumn(1000, 'last_error', true)) lastError!: string | null;
  @Column(instantColumn('created_at')) createdAt!: number;
  @Column(instantColumn('updated_at')) updatedAt!: number;
}

/** One versioned JSON document per hotline and kind (gap-alert state, notification settings). */
@Entity({ name: 'hotline_documents' })
@Index('IDX_hotline_documents_pending', ['kind', 'pending'])
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_hotline_documents_hotlines')
export class HotlineDocumentRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('hotline_id')) hotlineId!: string;
  @PrimaryColumn({ ...idColumn('kind'), length: 32 }) kind!: string;
  @Column(intColumn('version')) version!: number;
  @Column(jsonColumn('body')) body!: string;
  /** How many things the document still owes (unsent notices): what the reconcile pass looks for. */
  @Column(intColumn('pending')) pending!: number;
  @Column(instantColumn('updated_at')) updatedAt!: number;
}

/** A link that plays a voicemail; only the token's SHA-256 is kept. */
@Entity({ name: 'voicemail_links' })
@Index('IDX_voicemail_links_expiry', ['expiresAt'])
@belongsToAccount(() => AccountRow, 'FK_voicemail_links_account')
export class VoicemailLinkRow {
  @PrimaryColumn({ ...idColumn('token_hash'), length: 64 }) tokenHash!: string;
  @Column(idColumn('account_id')) accountId!: string;
  @Column(idColumn('call_id')) callId!: string;
  @Column(jsonColumn('recording')) recording!: string;
  @Column(instantColumn('expires_at')) expiresAt!: number;
}
