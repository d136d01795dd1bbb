import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * The call log (F17): one row per inbound call, its whole state as a JSON document written
 * compare-and-set, with the columns the log is listed on (account, hotline, start, outcome, who
 * answered) and the carrier's id of the caller's leg, unique per carrier (a retried answer webhook
 * finds the call it opened).
 */
export class Calls1795340000000 implements MigrationInterface {
  name = 'Calls1795340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'calls',
        columns: [
          c.id('id', { primary: true }),
          c.id('account_id', { nullable: true }),
          c.id('hotline_id', { nullable: true }),
          c.code('hotline_number', 16),
          c.code('carrier', 32),
          c.code('carrier_call_id', 128),
          c.code('caller', 16, true),
          c.code('outcome', 16),
          c.id('answered_by', { nullable: true }),
          c.instant('started_at'),
          c.int('version'),
          c.json('document'),
        ],
        indices: [
          { name: 'IDX_calls_account_started', columnNames: ['account_id', 'started_at', 'id'] },
          { name: 'IDX_calls_account_hotline_started', columnNames: ['account_id', 'hotline_id', 'started_at', 'id'] },
          { name: 'UQ_calls_carrier_call', columnNames: ['carrier', 'carrier_call_id'], isUnique: true },
        ],
        foreignKeys: [
          {
            name: 'FK_calls_account',
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calls', true, true, true);
  }
}
