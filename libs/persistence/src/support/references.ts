import { AssigneeRef, Id, invalid } from '@dutyline/domain';
import { EntityManager } from 'typeorm';
import { PersonRow, TeamRow } from '../entities';
import { findIn } from './batches';

/** A reference to check, with the input field that made it (`memberIds[2]`). */
export interface NamedReference<T> {
  readonly ref: T;
  readonly field: string;
}

async function knownIds(
  manager: EntityManager,
  entity: typeof PersonRow | typeof TeamRow,
  { accountId, ids }: { readonly accountId: Id; readonly ids: readonly Id[] },
): Promise<Set<Id>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await findIn(manager, entity as typeof PersonRow, {
    accountId,
    property: 'id',
    values: ids,
  });
  return new Set(rows.map((row) => row.id));
}

/** Refuses (`UNKNOWN_PERSON`, at the first offending field) people absent from the account. */
export async function assertPeopleExist(
  manager: EntityManager,
  accountId: Id,
  references: readonly NamedReference<Id>[],
): Promise<void> {
  const known = await knownIds(manager, PersonRow, { accountId, ids: references.map((r) => r.ref) });
  const missing = references.find((r) => !known.has(r.ref));
  if (missing) invalid('UNKNOWN_PERSON', missing.field, `there is no person ${missing.ref} in this account`);
}

/** Refuses (`UNKNOWN_ASSIGNEE`, at the first offending `…id` field) people or teams absent from the account. */
export async function assertAssigneesExist(
  manager: EntityManager,
  accountId: Id,
  references: readonly NamedReference<AssigneeRef>[],
): Promise<void> {
  const ofKind = (kind: AssigneeRef['kind']) => references.filter((r) => r.ref.kind === kind).map((r) => r.ref.id);
  const people = await knownIds(manager, PersonRow, { accountId, ids: ofKind('person') });
  const teams = await knownIds(manager, TeamRow, { accountId, ids: ofKind('team') });
  const missing = references.find((r) => !(r.ref.kind === 'person' ? people : teams).has(r.ref.id));
  if (missing)
    invalid(
      'UNKNOWN_ASSIGNEE',
      `${missing.field}.id`,
      `there is no ${missing.ref.kind} ${missing.ref.id} in this account`,
    );
}
