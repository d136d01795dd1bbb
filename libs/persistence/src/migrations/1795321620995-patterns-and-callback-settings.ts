import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Predefined on-call periods (F5) and per-service callback settings (F20). A service is a hotline or
 * a team, so its settings live in one table per kind, each deleted with its service (CASCADE).
 */
export class PatternsAndCallbackSettings1795321620995 implements MigrationInterface {
  name = 'PatternsAndCallbackSettings1795321620995';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'on_call_patterns',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('id', { primary: true }),
          c.text('name', 120),
          c.key('sort_name', 120),
          c.json('windows'),
        ],
        indices: [{ name: 'IDX_on_call_patterns_sort', columnNames: ['account_id', 'sort_name', 'id'] }],
        foreignKeys: [
          {
            name: 'FK_on_call_patterns_account',
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
          },
        ],
      }),
      false,
      true,
      true,
    );
    for (const [kind, owner] of [
      ['hotline', 'hotlines'],
      ['team', 'teams'],
    ]) {
      const table = `${kind}_callback_settings`;
      await queryRunner.createTable(
        new Table({
          name: table,
          columns: [
            c.id('account_id', { primary: true }),
            c.id(`${kind}_id`, { primary: true }),
            c.json('policy'),
            c.instant('updated_at'),
          ],
          foreignKeys: [
            {
              name: `FK_${table}_${owner}`,
              columnNames: ['account_id', `${kind}_id`],
              referencedTableName: owner,
              referencedColumnNames: ['account_id', 'id'],
              onDelete: 'CASCADE',
            },
          ],
        }),
        false,
        true,
        true,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['team_callback_settings', 'hotline_callback_settings', 'on_call_patterns']) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}
