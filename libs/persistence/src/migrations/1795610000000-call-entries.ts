import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Call entries (F25): per hotline, its rules and front (menu or keyed number) as a JSON document, and
 * its extra public numbers, each unique (the primary key); both deleted with the hotline.
 */
export class CallEntries1795610000000 implements MigrationInterface {
  name = 'CallEntries1795610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const hotline = (table: string) => ({
      name: `FK_${table}_hotlines`,
      columnNames: ['account_id', 'hotline_id'],
      referencedTableName: 'hotlines',
      referencedColumnNames: ['account_id', 'id'],
      onDelete: 'CASCADE',
      onUpdate: 'RESTRICT',
    });
    await queryRunner.createTable(
      new Table({
        name: 'call_entries',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('hotline_id', { primary: true }),
          c.json('document'),
          c.instant('updated_at'),
        ],
        foreignKeys: [hotline('call_entries')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'call_entry_numbers',
        columns: [
          { ...c.code('number', 16), isPrimary: true },
          c.id('account_id'),
          c.id('hotline_id'),
          c.int('position'),
        ],
        indices: [{ name: 'IDX_call_entry_numbers_hotline', columnNames: ['account_id', 'hotline_id'] }],
        foreignKeys: [hotline('call_entry_numbers')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('call_entry_numbers', true, true, true);
    await queryRunner.dropTable('call_entries', true, true, true);
  }
}
