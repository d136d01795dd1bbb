import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Single-use link tokens (invitations, password resets, e-mail verification), stored as the SHA-256
 * of their secret with purpose, expiry, use and revocation; and the users whose e-mail awaits
 * verification.
 */
export class OneTimeTokens1795390000000 implements MigrationInterface {
  name = 'OneTimeTokens1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const user = (name: string) => ({
      name,
      columnNames: ['account_id', 'user_id'],
      referencedTableName: 'users',
      referencedColumnNames: ['account_id', 'id'],
      onDelete: 'CASCADE',
      onUpdate: 'RESTRICT',
    });
    await queryRunner.createTable(
      new Table({
        name: 'one_time_tokens',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('id', { primary: true }),
          c.code('token_hash', 64),
          c.code('purpose', 32),
          c.id('user_id', { nullable: true }),
          c.text('email', 254),
          c.text('name', 120, true),
          c.code('role', 16, true),
          c.id('created_by', { nullable: true }),
          c.instant('created_at'),
          c.instant('expires_at'),
          c.instant('used_at', true),
          c.instant('revoked_at', true),
        ],
        indices: [
          { name: 'UQ_one_time_tokens_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'IDX_one_time_tokens_expiry', columnNames: ['expires_at'] },
          { name: 'IDX_one_time_tokens_account', columnNames: ['account_id', 'purpose', 'created_at'] },
        ],
        foreignKeys: [
          {
            name: 'FK_one_time_tokens_account',
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
          user('FK_one_time_tokens_user'),
        ],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'unverified_emails',
        columns: [c.id('account_id', { primary: true }), c.id('user_id', { primary: true })],
        foreignKeys: [user('FK_unverified_emails_user')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('unverified_emails', true, true, true);
    await queryRunner.dropTable('one_time_tokens', true, true, true);
  }
}
