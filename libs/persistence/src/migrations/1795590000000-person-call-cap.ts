import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** A person's cap on simultaneous Dutyline calls (F26); every existing person takes one call at a time. */
export class PersonCallCap1795590000000 implements MigrationInterface {
  name = 'PersonCallCap1795590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const column = schemaColumns(queryRunner).int('max_simultaneous_calls');
    await queryRunner.addColumn('people', new TableColumn({ ...column, default: 1 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('people', 'max_simultaneous_calls');
  }
}
