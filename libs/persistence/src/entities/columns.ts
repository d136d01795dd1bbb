import { ColumnOptions, ValueTransformer } from 'typeorm';

/** mysql2 hands BIGINT back as a string; SQLite as a number. Instants are always numbers here. */
const instantTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** Column options mirroring `schemaColumns` in the migrations (without the MariaDB collations). */
export const idColumn = (name?: string) => ({ type: 'varchar' as const, length: 64, ...(name ? { name } : {}) });
export const nullableIdColumn = (name: string): ColumnOptions => ({
  type: 'varchar',
  length: 64,
  name,
  nullable: true,
});
export const textColumn = (length: number, name?: string, nullable = false): ColumnOptions => ({
  type: 'varchar',
  length,
  nullable,
  ...(name ? { name } : {}),
});
export const jsonColumn = (name: string, nullable = false): ColumnOptions => ({ type: 'text', name, nullable });
export const instantColumn = (name: string, nullable = false): ColumnOptions => ({
  type: 'bigint',
  name,
  nullable,
  transformer: instantTransformer,
});
export const intColumn = (name?: string) => ({ type: 'int' as const, ...(name ? { name } : {}) });
export const nullableIntColumn = (name: string): ColumnOptions => ({ type: 'int', name, nullable: true });
export const flagColumn = (name: string): ColumnOptions => ({ type: 'boolean', name });
