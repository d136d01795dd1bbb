import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow, UserRow } from './account.entities';
import { idColumn, instantColumn, nullableIdColumn, textColumn } from './columns';
import { belongsToAccount, ownedBy } from './constraints';

/** Single-use link tokens (invitations, password resets, e-mail verification): only the secret's hash is kept. */
@Entity({ name: 'one_time_tokens' })
@Index('UQ_one_time_tokens_hash', ['tokenHash'], { unique: true })
@Index('IDX_one_time_tokens_expiry', ['expiresAt'])
@Index('IDX_one_time_tokens_account', ['accountId', 'purpose', 'createdAt'])
@belongsToAccount(() => AccountRow, 'FK_one_time_tokens_account')
@ownedBy(() => UserRow, 'userId', 'FK_one_time_tokens_user')
export class OneTimeTokenRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(64, 'token_hash')) tokenHash!: string;
  @Column(textColumn(32)) purpose!: string;
  @Column(nullableIdColumn('user_id')) userId!: string | null;
  @Column(textColumn(254)) email!: string;
  @Column(textColumn(120, 'name', true)) name!: string | null;
  @Column(textColumn(16, 'role', true)) role!: string | null;
  @Column(nullableIdColumn('created_by')) createdBy!: string | null;
  @Column(instantColumn('created_at')) createdAt!: number;
  @Column(instantColumn('expires_at')) expiresAt!: number;
  @Column(instantColumn('used_at', true)) usedAt!: number | null;
  @Column(instantColumn('revoked_at', true)) revokedAt!: number | null;
}

/** Users whose e-mail awaits verification (self-signed-up admins); they go with their user. */
@Entity({ name: 'unverified_emails' })
@ownedBy(() => UserRow, 'userId', 'FK_unverified_emails_user')
export class UnverifiedEmailRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('user_id')) userId!: string;
}
