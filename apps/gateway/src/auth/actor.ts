import type { Caller } from '@dutyline/application';
import type { AuditActor, Id, Role } from '@dutyline/domain';

/**
 * Who is calling: always an account and a role, and either a signed-in user or an API key.
 * Every read and write of a resolver is scoped to `accountId`.
 */
export interface Actor {
  readonly accountId: Id;
  readonly role: Role;
  /** Set when a user signed in with a login token. */
  readonly userId: Id | null;
  /** Set when an integration called with an API key. */
  readonly apiKeyId: Id | null;
}

export const userActor = (accountId: Id, userId: Id, role: Role): Actor => ({
  accountId,
  role,
  userId,
  apiKeyId: null,
});
export const apiKeyActor = (accountId: Id, apiKeyId: Id, role: Role): Actor => ({
  accountId,
  role,
  userId: null,
  apiKeyId,
});

/** The audit log's view of an actor. */
export const auditActorOf = (actor: Actor): AuditActor =>
  actor.userId !== null ? { kind: 'user', id: actor.userId } : { kind: 'api-key', id: actor.apiKeyId };

/** The use cases' view of the caller: the account every call is scoped to, and the audit actor. */
export const callerOf = (actor: Actor): Caller => ({
  accountId: actor.accountId,
  actor: auditActorOf(actor),
});
