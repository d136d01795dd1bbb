import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Role } from '@dutyline/domain';
import { UnauthenticatedError } from '../graphql/api-errors';
import { Actor } from './actor';
import { requestOf } from './gateway-request';

export const PUBLIC_KEY = 'dutyline:public';
export const ROLES_KEY = 'dutyline:roles';

/** No credentials needed (login, health, carrier webhooks with their own signature check). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The roles allowed to call a resolver or route. Without it: queries are open to every role,
 * mutations to admins and supervisors (members read, cannot edit).
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller: `me(@CurrentActor() actor: Actor)`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw new UnauthenticatedError('Sign in first: send Authorization: Bearer <login token or API key>.');
  return actor;
});
