import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * The routing changes every gateway announced, in order: instances read what came after the last
 * sequence they saw, so a silent Redis connection cannot keep an old plan cached. Rows live minutes.
 */
export class ChangeLog1795520000000 implements MigrationInterface {
  name = 'ChangeLog1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'change_log',
        columns: [
          {
            name: 'seq',
            type: c.mariaDb ? 'bigint' : 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          c.code('topic', 200),
          c.instant('created_at'),
        ],
        indices: [{ name: 'IDX_change_log_created_at', columnNames: ['created_at'] }],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('change_log', true, true, true);
  }
}
