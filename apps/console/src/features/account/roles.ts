import type { TFunction } from 'i18next';
import type { Role } from '../../gql/graphql';

export const ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'MEMBER'];

/** The roles as Select options, in the page's language. */
export function roleOptions(t: TFunction<'account'>): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
}
