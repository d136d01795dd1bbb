import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * What the notification workers keep (F13, F14, F16): the deliveries owed about calls and the steps
 * done of each (the truth the reconcile pass re-enqueues from), one versioned JSON document per
 * hotline and kind (gap-alert state, notification settings; deleted with the hotline), and the
 * voicemail links sent by SMS, by the hash of their token.
 */
export class Notifications1795330000000 implements MigrationInterface {
  name = 'Notifications1795330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const account = (table: string) => ({
      name: `FK_${table}_account`,
      columnNames: ['account_id'],
      referencedTableName: 'accounts',
      referencedColumnNames: ['id'],
    });
    await queryRunner.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          { ...c.code('id', 160), isPrimary: true },
          c.id('account_id'),
          c.code('kind', 32),
          c.id('hotline_id'),
          c.id('call_id'),
          c.json('record'),
          c.code('status', 16),
          c.json('steps'),
          c.text('last_error', 1000, true),
          c.instant('created_at'),
          c.instant('updated_at'),
        ],
        indices: [{ name: 'IDX_notification_deliveries_status', columnNames: ['status', 'created_at', 'id'] }],
        foreignKeys: [account('notification_deliveries')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'hotline_documents',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('hotline_id', { primary: true }),
          { ...c.code('kind', 32), isPrimary: true },
          c.int('version'),
          c.json('body'),
          c.int('pending'),
          c.instant('updated_at'),
        ],
        indices: [{ name: 'IDX_hotline_documents_pending', columnNames: ['kind', 'pending'] }],
        foreignKeys: [
          {
            name: 'FK_hotline_documents_hotlines',
            columnNames: ['account_id', 'hotline_id'],
            referencedTableName: 'hotlines',
            referencedColumnNames: ['account_id', 'id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'voicemail_links',
        columns: [
          { ...c.code('token_hash', 64), isPrimary: true },
          c.id('account_id'),
          c.id('call_id'),
          c.json('recording'),
          c.instant('expires_at'),
        ],
        indices: [{ name: 'IDX_voicemail_links_expiry', columnNames: ['expires_at'] }],
        foreignKeys: [account('voicemail_links')],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['voicemail_links', 'hotline_documents', 'notification_deliveries'])
      await queryRunner.dropTable(table, true, true, true);
  }
}
