import { MigrationInterface, QueryRunner, Table, TableForeignKeyOptions, TableIndexOptions } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * Accounts, users and API keys; people, teams and hotlines; slots, overrides and the schedule
 * version; the audit log.
 *
 * Every table holding account data has `account_id`, and its primary key starts with it: ids are
 * unique per account, and references between tables are composite foreign keys
 * `(account_id, x_id)`, so no row can point into another account. People and teams that are still
 * referenced cannot be deleted (RESTRICT); the rows a parent owns (numbers, members, assignees, a
 * hotline's schedule) go with it (CASCADE).
 */
export class InitialSchema1795320498610 implements MigrationInterface {
  name = 'InitialSchema1795320498610';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const accountKey = [c.id('account_id', { primary: true }), c.id('id', { primary: true })];
    const belongsToAccount = (table: string): TableForeignKeyOptions => ({
      name: `FK_${table}_account`,
      columnNames: ['account_id'],
      referencedTableName: 'accounts',
      referencedColumnNames: ['id'],
    });
    const owned = (table: string, column: string, parent: string): TableForeignKeyOptions => ({
      name: `FK_${table}_${parent}`,
      columnNames: ['account_id', column],
      referencedTableName: parent,
      referencedColumnNames: ['account_id', 'id'],
      onDelete: 'CASCADE',
    });
    const names = (
      table: string,
      { column, target, label }: { column: string; target: string; label: string },
    ): TableForeignKeyOptions => ({
      name: `FK_${table}_${label}`,
      columnNames: ['account_id', column],
      referencedTableName: target,
      referencedColumnNames: ['account_id', 'id'],
      onDelete: 'RESTRICT',
    });
    const index = (table: string, label: string, columnNames: string[]): TableIndexOptions => ({
      name: `IDX_${table}_${label}`,
      columnNames,
      isUnique: false,
    });
    const uniqueIndex = (table: string, label: string, columnNames: string[]): TableIndexOptions => ({
      name: `UQ_${table}_${label}`,
      columnNames,
      isUnique: true,
    });
    const create = (table: Table) => queryRunner.createTable(table, false, true, true);

    await create(
      new Table({
        name: 'accounts',
        columns: [c.id('id', { primary: true }), c.text('name', 200), c.instant('created_at')],
      }),
    );

    await create(
      new Table({
        name: 'users',
        columns: [
          ...accountKey,
          c.text('email', 254),
          c.key('email_key', 254),
          c.text('name', 120),
          c.code('role', 16),
          c.code('password_hash', 255),
          c.instant('created_at'),
        ],
        indices: [
          uniqueIndex('users', 'email', ['account_id', 'email_key']),
          index('users', 'email_key', ['email_key']),
        ],
        foreignKeys: [belongsToAccount('users')],
      }),
    );

    await create(
      new Table({
        name: 'api_keys',
        columns: [
          ...accountKey,
          c.text('name', 120),
          c.code('prefix', 32),
          c.code('key_hash', 255),
          c.code('role', 16),
          c.instant('created_at'),
          c.instant('revoked_at', true),
          c.instant('last_used_at', true),
        ],
        indices: [
          uniqueIndex('api_keys', 'prefix', ['prefix']),
          index('api_keys', 'created', ['account_id', 'created_at']),
        ],
        foreignKeys: [belongsToAccount('api_keys')],
      }),
    );

    await create(
      new Table({
        name: 'people',
        columns: [
          ...accountKey,
          c.text('name', 120),
          c.key('sort_name', 120),
          c.code('colour', 7),
          c.text('email', 254, true),
        ],
        indices: [index('people', 'sort', ['account_id', 'sort_name', 'id'])],
        foreignKeys: [belongsToAccount('people')],
      }),
    );

    await create(
      new Table({
        name: 'person_numbers',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('person_id', { primary: true }),
          c.int('position', { primary: true }),
          c.code('number', 16),
          c.text('label', 40),
          c.int('ring_timeout_seconds'),
          c.flag('enabled'),
        ],
        foreignKeys: [owned('person_numbers', 'person_id', 'people')],
      }),
    );

    await create(
      new Table({
        name: 'teams',
        columns: [...accountKey, c.text('name', 120), c.key('sort_name', 120), c.code('colour', 7)],
        indices: [index('teams', 'sort', ['account_id', 'sort_name', 'id'])],
        foreignKeys: [belongsToAccount('teams')],
      }),
    );

    await create(
      new Table({
        name: 'team_members',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('team_id', { primary: true }),
          c.int('position', { primary: true }),
          c.id('person_id'),
        ],
        indices: [index('team_members', 'person', ['account_id', 'person_id'])],
        foreignKeys: [
          owned('team_members', 'team_id', 'teams'),
          names('team_members', { column: 'person_id', target: 'people', label: 'person' }),
        ],
      }),
    );

    await create(
      new Table({
        name: 'hotlines',
        columns: [
          ...accountKey,
          c.text('name', 120),
          c.key('sort_name', 120),
          c.code('number', 16),
          c.code('time_zone', 64),
          c.code('language', 35),
          c.json('service_hours'),
          c.json('scenario'),
          c.json('greeting', true),
          c.flag('require_answer_confirmation'),
          c.code('caller_id_mode', 16),
        ],
        // One number answers for one hotline, across all accounts: incoming calls are routed by it.
        indices: [
          uniqueIndex('hotlines', 'number', ['number']),
          index('hotlines', 'sort', ['account_id', 'sort_name', 'id']),
        ],
        foreignKeys: [belongsToAccount('hotlines')],
      }),
    );

    await create(
      new Table({
        name: 'hotline_supervisors',
        columns: [
          c.id('account_id', { primary: true }),
          c.id('hotline_id', { primary: true }),
          c.int('position', { primary: true }),
          c.id('person_id'),
        ],
        indices: [index('hotline_supervisors', 'person', ['account_id', 'person_id'])],
        foreignKeys: [
          owned('hotline_supervisors', 'hotline_id', 'hotlines'),
          names('hotline_supervisors', { column: 'person_id', target: 'people', label: 'person' }),
        ],
      }),
    );

    // Moves on by one with every change of the hotline's slots: the optimistic lock of its schedule.
    await create(
      new Table({
        name: 'schedule_versions',
        columns: [c.id('account_id', { primary: true }), c.id('hotline_id', { primary: true }), c.int('version')],
        foreignKeys: [owned('schedule_versions', 'hotline_id', 'hotlines')],
      }),
    );

    // Local wall-clock times as `YYYY-MM-DDTHH:mm` text: sorts and compares like the times themselves.
    await create(
      new Table({
        name: 'slots',
        columns: [...accountKey, c.id('hotline_id'), c.code('start_local', 16), c.code('end_local', 16)],
        indices: [
          index('slots', 'start', ['account_id', 'hotline_id', 'start_local']),
          index('slots', 'end', ['account_id', 'hotline_id', 'end_local']),
        ],
        foreignKeys: [owned('slots', 'hotline_id', 'hotlines')],
      }),
    );
    await this.createAssignees(queryRunner, { table: 'slot_assignees', ownerColumn: 'slot_id', owner: 'slots' });

    await create(
      new Table({
        name: 'overrides',
        columns: [
          ...accountKey,
          c.id('hotline_id'),
          c.instant('start_at'),
          c.instant('end_at'),
          c.int('level', { nullable: true }),
          c.text('reason', 500, true),
          c.instant('created_at'),
        ],
        indices: [index('overrides', 'end', ['account_id', 'hotline_id', 'end_at'])],
        foreignKeys: [owned('overrides', 'hotline_id', 'hotlines')],
      }),
    );
    await this.createAssignees(queryRunner, {
      table: 'override_assignees',
      ownerColumn: 'override_id',
      owner: 'overrides',
    });

    await create(
      new Table({
        name: 'audit_log',
        columns: [
          ...accountKey,
          c.code('actor_kind', 16),
          c.id('actor_id', { nullable: true }),
          c.code('action', 64),
          c.code('entity_type', 32),
          c.id('entity_id'),
          c.json('before_json'),
          c.json('after_json'),
          c.instant('at'),
        ],
        indices: [
          index('audit_log', 'at', ['account_id', 'at', 'id']),
          index('audit_log', 'entity', ['account_id', 'entity_type', 'entity_id']),
        ],
        foreignKeys: [belongsToAccount('audit_log')],
      }),
    );
  }

  /** Escalation levels of a slot or an override: each names exactly one person or one team. */
  private async createAssignees(
    queryRunner: QueryRunner,
    { table, ownerColumn, owner }: { table: string; ownerColumn: string; owner: string },
  ): Promise<void> {
    const c = schemaColumns(queryRunner);
    const oneKind = { name: `CHK_${table}_one_kind`, expression: '(person_id IS NULL) <> (team_id IS NULL)' };
    await queryRunner.createTable(
      new Table({
        name: table,
        columns: [
          c.id('account_id', { primary: true }),
          c.id(ownerColumn, { primary: true }),
          c.int('position', { primary: true }),
          c.id('person_id', { nullable: true }),
          c.id('team_id', { nullable: true }),
        ],
        // TypeORM writes CHECK constraints for SQLite only; MariaDB gets the same one just below.
        checks: c.mariaDb ? [] : [oneKind],
        indices: [
          { name: `IDX_${table}_person`, columnNames: ['account_id', 'person_id'] },
          { name: `IDX_${table}_team`, columnNames: ['account_id', 'team_id'] },
        ],
        foreignKeys: [
          {
            name: `FK_${table}_${owner}`,
            columnNames: ['account_id', ownerColumn],
            referencedTableName: owner,
            referencedColumnNames: ['account_id', 'id'],
            onDelete: 'CASCADE',
          },
          {
            name: `FK_${table}_person`,
            columnNames: ['account_id', 'person_id'],
            referencedTableName: 'people',
            referencedColumnNames: ['account_id', 'id'],
            onDelete: 'RESTRICT',
          },
          {
            name: `FK_${table}_team`,
            columnNames: ['account_id', 'team_id'],
            referencedTableName: 'teams',
            referencedColumnNames: ['account_id', 'id'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
      false,
      true,
      true,
    );
    if (c.mariaDb)
      await queryRunner.query(
        `ALTER TABLE \`${table}\` ADD CONSTRAINT \`${oneKind.name}\` CHECK (${oneKind.expression})`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'override_assignees',
      'overrides',
      'slot_assignees',
      'slots',
      'schedule_versions',
      'hotline_supervisors',
      'hotlines',
      'team_members',
      'teams',
      'person_numbers',
      'people',
      'api_keys',
      'users',
      'accounts',
    ]) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}
