import {
  Id,
  OverrideEndedError,
  Result,
  assertId,
  endOverride as endOverrideChange,
  err,
  ok,
  override as buildOverride,
} from '@dutyline/domain';
import { Caller, NotFoundRefusal, instantOf, notFound } from '../shared';
import { ScheduleServiceDeps } from './ports';
import { NewOverride, OverrideEnd, OverrideWrite } from './schedule-types';
import { ScheduleWritePath, refsAt } from './schedule-write-path';

/** The override writes (F7) of `ScheduleService`, which documents them. */
export class OverrideWrites {
  constructor(
    private readonly path: ScheduleWritePath,
    private readonly deps: Pick<ScheduleServiceDeps, 'schedules' | 'clock' | 'ids'>,
  ) {}

  async createOverride(
    caller: Caller,
    hotlineId: Id,
    input: NewOverride,
  ): Promise<Result<OverrideWrite, NotFoundRefusal>> {
    assertId(hotlineId, 'hotlineId');
    const created = buildOverride({
      ...input,
      start: input.start ?? undefined,
      id: this.deps.ids.next(),
      hotlineId,
      createdAt: this.deps.clock.now(),
    });
    await this.path.assertAssigneesKnown(caller, refsAt(input.assignees, 'assignees'));
    const hotline = await this.path.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    await this.deps.schedules.saveOverride(caller.accountId, created);
    await this.path.audit.record(caller, {
      action: 'override.created',
      entityType: 'override',
      entityId: created.id,
      before: null,
      after: created,
    });
    return ok({ hotline, override: created });
  }

  async endOverride(
    caller: Caller,
    hotlineId: Id,
    { id: overrideId, at }: OverrideEnd,
  ): Promise<Result<OverrideWrite, NotFoundRefusal | OverrideEndedError>> {
    assertId(hotlineId, 'hotlineId');
    assertId(overrideId, 'id');
    const when = at == null ? this.deps.clock.now() : instantOf(at, 'at');
    const hotline = await this.path.findHotline(caller, hotlineId, 'hotlineId');
    if (!hotline) return err(notFound('hotline', hotlineId, 'hotlineId'));
    const current = (
      await this.deps.schedules.overrides(caller.accountId, hotline.id, { from: when, to: Number.MAX_SAFE_INTEGER })
    ).find((o) => o.id === overrideId);
    if (!current) return err(notFound('override', overrideId, 'id'));
    const ending = endOverrideChange(current, when);
    if (!ending.ok) return ending;
    if (ending.value.action === 'save') await this.deps.schedules.saveOverride(caller.accountId, ending.value.override);
    else await this.deps.schedules.deleteOverride(caller.accountId, hotline.id, overrideId);
    const after = ending.value.action === 'save' ? ending.value.override : null;
    await this.path.audit.record(caller, {
      action: after ? 'override.ended' : 'override.removed',
      entityType: 'override',
      entityId: overrideId,
      before: current,
      after,
    });
    return ok({ hotline, override: after });
  }
}
