import { ROLES, Role } from '@dutyline/domain';

export { ROLES, type Role };

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The roles that may change schedules and the directory; members only read. */
export const EDITORS: readonly Role[] = ['admin', 'supervisor'];
