import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column shapes shared by the migrations, identical in meaning on MariaDB and SQLite. Only the
 * character sets differ: SQLite compares text byte by byte, so on MariaDB ids, lookup keys and
 * sort keys use binary collations to compare (and sort) exactly as SQLite does.
 */
export function schemaColumns(queryRunner: QueryRunner) {
  const type = queryRunner.connection.options.type;
  const mariaDb = type === 'mariadb' || type === 'mysql';
  const ascii = mariaDb ? { charset: 'ascii', collation: 'ascii_bin' } : {};
  const exact = mariaDb ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
  const prose = mariaDb ? { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' } : {};
  const nullable = (isNullable = false) => ({ isNullable });

  return {
    mariaDb,
    /** An opaque id from the IdGenerator port: `[A-Za-z0-9_-]{1,64}`, case-sensitive. */
    id: (name: string, options: { primary?: boolean; nullable?: boolean } = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: '64',
      isPrimary: options.primary ?? false,
      ...nullable(options.nullable),
      ...ascii,
    }),
    /** ASCII text compared exactly: roles, codes, E.164 numbers, zone names, local date-times. */
    code: (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...nullable(isNullable),
      ...ascii,
    }),
    /** Unicode text compared exactly (code point order): sort and lookup keys computed by the adapter. */
    key: (name: string, length: number): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...exact,
    }),
    /** Unicode text for people to read. */
    text: (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...nullable(isNullable),
      ...prose,
    }),
    /** A JSON document always read whole (a list of windows, a scenario). */
    json: (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: mariaDb ? 'mediumtext' : 'text',
      ...nullable(isNullable),
      ...(mariaDb ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {}),
    }),
    /**
     * An instant as BIGINT milliseconds since the epoch (UTC), the domain's own `Instant`. Chosen
     * over DATETIME(3) because it means the same on both databases with no driver or session time
     * zone in between, keeps the millisecond exactly, and compares as a plain number.
     */
    instant: (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: 'bigint',
      ...nullable(isNullable),
    }),
    int: (name: string, options: { primary?: boolean; nullable?: boolean } = {}): TableColumnOptions => ({
      name,
      type: 'int',
      isPrimary: options.primary ?? false,
      ...nullable(options.nullable),
    }),
    flag: (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false }),
  };
}
