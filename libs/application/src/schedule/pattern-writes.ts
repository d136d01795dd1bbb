import { Id, Result, applyPattern as applyPatternChange, assertId, err } from '@dutyline/domain';
import { PRESET_PATTERN_DEFINITIONS } from '../patterns';
import { Caller, dateOf, notFound } from '../shared';
import { ScheduleServiceDeps } from './ports';
import { daysFrom, spanOf } from './schedule-ranges';
import { ApplyPatternInput, ScheduleRefusal, ScheduleWrite } from './schedule-types';
import { DRY_RUN_IDS, ScheduleWritePath, control, dryRun, refsAt } from './schedule-write-path';

/** The pattern write (F5) of `ScheduleService`, which documents it. */
export class PatternWrites {
  constructor(
    private readonly path: ScheduleWritePath,
    private readonly deps: Pick<ScheduleServiceDeps, 'patterns' | 'ids'>,
  ) {}

  async applyPattern(
    caller: Caller,
    hotlineId: Id,
    input: ApplyPatternInput,
  ): Promise<Result<ScheduleWrite, ScheduleRefusal>> {
    assertId(hotlineId, 'hotlineId');
    assertId(input.patternId, 'patternId');
    const pattern =
      PRESET_PATTERN_DEFINITIONS.find((p) => p.id === input.patternId) ??
      (await this.deps.patterns.pattern(caller.accountId, input.patternId));
    if (!pattern) return err(notFound('pattern', input.patternId, 'patternId'));
    const options = { from: input.from, to: input.to, assignees: input.assignees, mode: input.mode };
    const dry = dryRun(applyPatternChange([], pattern, { ...options, hotlineId, ids: DRY_RUN_IDS }));
    await this.path.assertAssigneesKnown(caller, refsAt(input.assignees, 'assignees'));
    const range = dry.added.length > 0 ? spanOf(dry.added) : daysFrom(dateOf(input.from), 1);
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.pattern-applied',
      control: control(input),
      prepare: this.path.overRange(caller, range, (existing, hotline) =>
        applyPatternChange(existing, pattern, { ...options, hotlineId: hotline.id, ids: this.deps.ids }),
      ),
    });
  }
}
