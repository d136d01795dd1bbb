import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Login sessions that end before their token expires: the instant before which a user's tokens are
 * refused (password or role changed), and the signed-out tokens, kept until they expire.
 */
export class LoginSessions1795370000000 implements MigrationInterface {
  name = 'LoginSessions1795370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    await queryRunner.addColumn('users', new TableColumn(c.instant('sessions_valid_after', true)));
    await queryRunner.createTable(
      new Table({
        name: 'revoked_login_tokens',
        columns: [c.id('token_id', { primary: true }), c.id('account_id'), c.id('user_id'), c.instant('expires_at')],
        indices: [{ name: 'IDX_revoked_login_tokens_expiry', columnNames: ['expires_at'] }],
        foreignKeys: [
          {
            name: 'FK_revoked_login_tokens_user',
            columnNames: ['account_id', 'user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['account_id', 'id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('revoked_login_tokens', true, true, true);
    await queryRunner.dropColumn('users', 'sessions_valid_after');
  }
}
