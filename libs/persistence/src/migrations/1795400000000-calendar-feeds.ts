import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Calendar feeds (iCal): one secret token per person or hotline that has a feed, found by the
 * token's SHA-256, deleted with its owner (and its account).
 */
export class CalendarFeeds1795400000000 implements MigrationInterface {
  name = 'CalendarFeeds1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const owner = (name: string, column: string, table: string) => ({
      name,
      columnNames: ['account_id', column],
      referencedTableName: table,
      referencedColumnNames: ['account_id', 'id'],
      onDelete: 'CASCADE',
      onUpdate: 'RESTRICT',
    });
    await queryRunner.createTable(
      new Table({
        name: 'calendar_feed_tokens',
        columns: [
          { ...c.code('token_hash', 64), isPrimary: true },
          c.id('account_id'),
          c.id('person_id', { nullable: true }),
          c.id('hotline_id', { nullable: true }),
          c.code('sealed_token', 128),
          c.instant('created_at'),
        ],
        indices: [
          { name: 'UQ_calendar_feed_tokens_person', columnNames: ['account_id', 'person_id'], isUnique: true },
          { name: 'UQ_calendar_feed_tokens_hotline', columnNames: ['account_id', 'hotline_id'], isUnique: true },
        ],
        foreignKeys: [
          {
            name: 'FK_calendar_feed_tokens_account',
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
          owner('FK_calendar_feed_tokens_person', 'person_id', 'people'),
          owner('FK_calendar_feed_tokens_hotline', 'hotline_id', 'hotlines'),
        ],
      }),
      false,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_feed_tokens', true, true, true);
  }
}
