import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** When an operator disabled the account: its users and keys are refused, its hotlines out of service. Null: in service. */
export class AccountDisabled1795380000000 implements MigrationInterface {
  name = 'AccountDisabled1795380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('accounts', new TableColumn(schemaColumns(queryRunner).instant('disabled_at', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('accounts', 'disabled_at');
  }
}
