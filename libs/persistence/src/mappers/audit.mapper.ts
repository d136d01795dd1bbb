import { AuditEntry, JsonValue } from '@dutyline/domain';
import { AuditEntryRow } from '../entities';

const ACTOR_KINDS = ['user', 'api-key', 'system'] as const;

export const auditToRow = (e: AuditEntry): AuditEntryRow => ({
  accountId: e.accountId,
  id: e.id,
  actorKind: e.actor.kind,
  actorId: e.actor.id,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: JSON.stringify(e.before),
  after: JSON.stringify(e.after),
  at: e.at,
});

export function auditFromRow(row: AuditEntryRow): AuditEntry {
  const kind = ACTOR_KINDS.find((k) => k === row.actorKind);
  if (!kind) throw new Error(`stored actor kind "${row.actorKind}" is not one of ${ACTOR_KINDS.join(', ')}`);
  return {
    id: row.id,
    accountId: row.accountId,
    actor: { kind, id: row.actorId },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: JSON.parse(row.before) as JsonValue,
    after: JSON.parse(row.after) as JsonValue,
    at: row.at,
  };
}
