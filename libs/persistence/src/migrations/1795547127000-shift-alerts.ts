import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Shift-start alerts (F27): each hotline's settings, and the ledger of alerts sent with their
 * acknowledgement (the token's SHA-256 only); both deleted with the hotline.
 */
export class ShiftAlerts1795547127000 implements MigrationInterface {
  name = 'ShiftAlerts1795547127000';

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
        name: 'shift_alert_settings',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('hotline_id', { primary: true }),
          c.flag('enabled'),
          c.int('minutes_before'),
          c.json('channels'),
          c.int('ack_within_minutes', { nullable: true }),
        ],
        foreignKeys: [hotline('shift_alert_settings')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'shift_alerts',
        columns: [
          { ...c.code('id', 200), isPrimary: true },
          c.id('account_id'),
          c.id('hotline_id'),
          c.id('person_id'),
          c.int('level'),
          c.instant('duty_start'),
          c.instant('duty_end'),
          c.json('steps'),
          c.instant('sent_at', true),
          c.code('ack_token_hash', 64, true),
          c.instant('ack_expires_at', true),
          c.instant('acknowledged_at', true),
          c.instant('supervisors_told_at', true),
          c.instant('created_at'),
        ],
        indices: [
          { name: 'IDX_shift_alerts_duty', columnNames: ['account_id', 'hotline_id', 'duty_start'] },
          { name: 'UQ_shift_alerts_ack', columnNames: ['ack_token_hash'], isUnique: true },
        ],
        foreignKeys: [hotline('shift_alerts')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('shift_alerts', true, true, true);
    await queryRunner.dropTable('shift_alert_settings', true, true, true);
  }
}
