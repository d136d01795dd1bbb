import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** How each on-call level of a hotline is rung (JSON list of strategies, index = level). Null: every level in order. */
export class LevelStrategies1795573519000 implements MigrationInterface {
  name = 'LevelStrategies1795573519000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('hotlines', new TableColumn(schemaColumns(queryRunner).json('level_strategies', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('hotlines', 'level_strategies');
  }
}
