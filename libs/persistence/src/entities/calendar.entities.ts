import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { idColumn, instantColumn, nullableIdColumn, textColumn } from './columns';
import { belongsToAccount, ownedBy } from './constraints';
import { PersonRow } from './directory.entities';
import { HotlineRow } from './hotline.entities';

/**
 * The secret token of a person's or a hotline's calendar feed (exactly one of `person_id`,
 * `hotline_id`), going with its owner. Looked up by the token's SHA-256; the token itself is kept
 * only sealed with a key derived from the auth secret, so its URL can be shown again.
 */
@Entity({ name: 'calendar_feed_tokens' })
@Index('UQ_calendar_feed_tokens_person', ['accountId', 'personId'], { unique: true })
@Index('UQ_calendar_feed_tokens_hotline', ['accountId', 'hotlineId'], { unique: true })
@belongsToAccount(() => AccountRow, 'FK_calendar_feed_tokens_account')
@ownedBy(() => PersonRow, 'personId', 'FK_calendar_feed_tokens_person')
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_calendar_feed_tokens_hotline')
export class CalendarFeedTokenRow {
  @PrimaryColumn({ ...idColumn('token_hash'), length: 64 }) tokenHash!: string;
  @Column(idColumn('account_id')) accountId!: string;
  @Column(nullableIdColumn('person_id')) personId!: string | null;
  @Column(nullableIdColumn('hotline_id')) hotlineId!: string | null;
  /** base64url of the AES-256-GCM nonce, tag and ciphertext of the token. */
  @Column(textColumn(128, 'sealed_token')) sealedToken!: string;
  @Column(instantColumn('created_at')) createdAt!: number;
}
