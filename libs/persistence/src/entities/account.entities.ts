import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, instantColumn, textColumn } from './columns';
import { belongsToAccount, ownedBy } from './constraints';

@Entity({ name: 'accounts' })
export class AccountRow {
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(200)) name!: string;
  @Column(instantColumn('created_at')) createdAt!: number;
  @Column(instantColumn('disabled_at', true)) disabledAt!: number | null;
}

@Entity({ name: 'users' })
@Index('UQ_users_email', ['accountId', 'emailKey'], { unique: true })
@Index('IDX_users_email_key', ['emailKey'])
@belongsToAccount(() => AccountRow, 'FK_users_account')
export class UserRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(254)) email!: string;
  /** The e-mail lower-cased: uniqueness and look-up ignore case. */
  @Column(textColumn(254, 'email_key')) emailKey!: string;
  @Column(textColumn(120)) name!: string;
  @Column(textColumn(16)) role!: string;
  @Column(textColumn(255, 'password_hash')) passwordHash!: string;
  @Column(instantColumn('created_at')) createdAt!: number;
  /** Login tokens issued before it are refused; written only by `endSessions`, never by `saveUser`. */
  @Column(instantColumn('sessions_valid_after', true)) sessionsValidAfter!: number | null;
}

/** Signed-out login tokens, kept until they would have expired; they go with their user. */
@Entity({ name: 'revoked_login_tokens' })
@Index('IDX_revoked_login_tokens_expiry', ['expiresAt'])
@ownedBy(() => UserRow, 'userId', 'FK_revoked_login_tokens_user')
export class RevokedLoginTokenRow {
  @PrimaryColumn(idColumn('token_id')) tokenId!: string;
  @Column(idColumn('account_id')) accountId!: string;
  @Column(idColumn('user_id')) userId!: string;
  @Column(instantColumn('expires_at')) expiresAt!: number;
}

@Entity({ name: 'api_keys' })
@Index('UQ_api_keys_prefix', ['prefix'], { unique: true })
@Index('IDX_api_keys_created', ['accountId', 'createdAt'])
@belongsToAccount(() => AccountRow, 'FK_api_keys_account')
export class ApiKeyRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(120)) name!: string;
  @Column(textColumn(32)) prefix!: string;
  @Column(textColumn(255, 'key_hash')) hash!: string;
  @Column(textColumn(16)) role!: string;
  @Column(instantColumn('created_at')) createdAt!: number;
  @Column(instantColumn('revoked_at', true)) revokedAt!: number | null;
  @Column(instantColumn('last_used_at', true)) lastUsedAt!: number | null;
}
