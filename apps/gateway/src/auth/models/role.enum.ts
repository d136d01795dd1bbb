import { registerEnumType } from '@nestjs/graphql';
import type { Role } from '@dutyline/domain';

/** GraphQL's spelling of the domain's roles. */
export enum RoleEnum {
  ADMIN = 'admin',
  SUPERVISOR = 'supervisor',
  MEMBER = 'member',
}

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'ADMIN manages users and API keys; SUPERVISOR edits schedules and the directory; MEMBER reads.',
});

export const roleOf = (value: RoleEnum): Role => value;
