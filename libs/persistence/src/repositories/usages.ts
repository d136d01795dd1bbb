import { Id, InUse, NotFound, Result, err, ok } from '@dutyline/domain';
import { EntityManager } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import {
  HotlineSupervisorRow,
  OverrideAssigneeRow,
  PersonRow,
  SlotAssigneeRow,
  TeamMemberRow,
  TeamRow,
} from '../entities';
import { isForeignKeyViolation } from '../support/store-errors';

/** How many of each kind of user `InUse.usedBy` lists at most. */
export const MAX_USAGES_PER_KIND = 20;

type UsedBy = InUse['usedBy'][number];

/**
 * What still names the person or team (teams and hotlines name people only). A list names an
 * assignee once at most (the domain refuses duplicates), so each row is a distinct user.
 */
export async function usagesOf(
  manager: EntityManager,
  accountId: Id,
  { kind, id }: { readonly kind: 'person' | 'team'; readonly id: Id },
): Promise<UsedBy[]> {
  const take = MAX_USAGES_PER_KIND;
  const assignee = kind === 'person' ? { personId: id } : { teamId: id };
  const usedBy: UsedBy[] = [];
  if (kind === 'person') {
    const teams = await manager.find(TeamMemberRow, {
      where: { accountId, personId: id },
      order: { teamId: 'ASC' },
      take,
    });
    usedBy.push(...teams.map((m): UsedBy => ({ kind: 'team', id: m.teamId })));
    const hotlines = await manager.find(HotlineSupervisorRow, {
      where: { accountId, personId: id },
      order: { hotlineId: 'ASC' },
      take,
    });
    usedBy.push(...hotlines.map((s): UsedBy => ({ kind: 'hotline', id: s.hotlineId })));
  }
  const slots = await manager.find(SlotAssigneeRow, {
    where: { accountId, ...assignee },
    order: { slotId: 'ASC' },
    take,
  });
  usedBy.push(...slots.map((s): UsedBy => ({ kind: 'slot', id: s.slotId })));
  const overrides = await manager.find(OverrideAssigneeRow, {
    where: { accountId, ...assignee },
    order: { overrideId: 'ASC' },
    take,
  });
  usedBy.push(...overrides.map((o): UsedBy => ({ kind: 'override', id: o.overrideId })));
  return usedBy;
}

/**
 * Deletes a person or a team (with the rows it owns) unless something still names it. A reference
 * added between the check and the delete trips the foreign key; the check then runs again.
 */
export async function deleteUnlessUsed(
  store: SqlStore,
  { kind, accountId, id }: { readonly kind: 'person' | 'team'; readonly accountId: Id; readonly id: Id },
): Promise<Result<void, NotFound | InUse>> {
  const entity = kind === 'person' ? PersonRow : TeamRow;
  const attempt = () =>
    store.write(async (manager): Promise<Result<void, NotFound | InUse>> => {
      if (!(await manager.exists(entity, { where: { accountId, id } }))) return err({ code: 'NOT_FOUND' });
      const usedBy = await usagesOf(manager, accountId, { kind, id });
      if (usedBy.length > 0) return err({ code: 'IN_USE', usedBy });
      await manager.delete(entity, { accountId, id });
      return ok(undefined);
    });
  try {
    return await attempt();
  } catch (error) {
    if (isForeignKeyViolation(error)) return attempt();
    throw error;
  }
}
