import { AuditActor, Id } from '@dutyline/domain';

/** Who asks: the account every read and write is scoped to, and the actor the audit log records. */
export interface Caller {
  readonly accountId: Id;
  readonly actor: AuditActor;
}

/** The platform acting on its own (seeding, a worker's housekeeping). */
export const systemCaller = (accountId: Id): Caller => ({ accountId, actor: { kind: 'system', id: null } });
