import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Callback requests (F19–F21): one row per request, its whole state as a JSON document written
 * compare-and-set, with the columns the list and the worker look at (service, number, creation, expiry,
 * closing status, next attempt, next automatic dial, the outbound call in progress, unique); and each
 * service's intake settings (the hotline's offer point, the countries called back).
 */
export class CallbackRequests1795356000000 implements MigrationInterface {
  name = 'CallbackRequests1795356000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const account = (name: string) => ({
      name,
      columnNames: ['account_id'],
      referencedTableName: 'accounts',
      referencedColumnNames: ['id'],
    });
    await queryRunner.createTable(
      new Table({
        name: 'callback_requests',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('id', { primary: true }),
          c.code('service_kind', 16),
          c.id('service_id'),
          c.code('number', 16),
          c.instant('created_at'),
          c.instant('expires_at'),
          c.code('closed_status', 32, true),
          c.instant('next_attempt_at', true),
          c.instant('dial_due_at', true),
          c.id('active_call_id', { nullable: true }),
          c.int('version'),
          c.json('document'),
        ],
        indices: [
          { name: 'IDX_callback_requests_account_created', columnNames: ['account_id', 'created_at', 'id'] },
          { name: 'IDX_callback_requests_caller', columnNames: ['account_id', 'service_kind', 'service_id', 'number'] },
          { name: 'IDX_callback_requests_dial_due', columnNames: ['dial_due_at', 'id'] },
          { name: 'UQ_callback_requests_call', columnNames: ['active_call_id'], isUnique: true },
        ],
        foreignKeys: [account('FK_callback_requests_account')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'callback_intake_settings',
        columns: [
          c.id('account_id', { primary: true }),
          { ...c.code('service_kind', 16), isPrimary: true },
          c.id('service_id', { primary: true }),
          c.code('offer_at', 32, true),
          c.json('allowed_countries', true),
          c.instant('updated_at'),
        ],
        foreignKeys: [account('FK_callback_intake_settings_account')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('callback_intake_settings', true, true, true);
    await queryRunner.dropTable('callback_requests', true, true, true);
  }
}
