import { AuditEntry, AuditLog, Clock, Id, IdGenerator, JsonValue } from '@dutyline/domain';
import { Caller } from './caller';

/** A value as the audit log keeps it: its JSON form (value objects write themselves as text). */
export const toJson = (value: unknown): JsonValue =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);

export interface AuditChange {
  /** e.g. `person.updated`, `schedule.slots-moved` */
  readonly action: string;
  /** e.g. `person`, `schedule` */
  readonly entityType: string;
  readonly entityId: Id;
  /** The state before; null for a creation. */
  readonly before: unknown;
  /** The state after; null for a deletion. */
  readonly after: unknown;
}

/** Builds audit entries (who, when, what, before, after) and appends them. */
export class AuditRecorder {
  constructor(private readonly deps: { readonly audit: AuditLog; readonly clock: Clock; readonly ids: IdGenerator }) {}

  entry(caller: Caller, change: AuditChange): AuditEntry {
    return {
      id: this.deps.ids.next(),
      accountId: caller.accountId,
      actor: caller.actor,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: toJson(change.before),
      after: toJson(change.after),
      at: this.deps.clock.now(),
    };
  }

  /**
   * Appends the entry after the write it describes. Not in the write's transaction (the directory
   * ports have none to offer): a store failure between the two leaves a change without its entry.
   */
  record(caller: Caller, change: AuditChange): Promise<void> {
    return this.deps.audit.append([this.entry(caller, change)]);
  }
}
