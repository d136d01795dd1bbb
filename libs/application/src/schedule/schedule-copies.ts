import {
  Id,
  IdGenerator,
  Result,
  assertId,
  copyDay as copyDayChange,
  copyToHotline as copyToHotlineChange,
  copyWeek as copyWeekChange,
  err,
  repeatWeek as repeatWeekChange,
} from '@dutyline/domain';
import { Caller, dateOf, notFound } from '../shared';
import { copyRange, daysFrom, daysWithReach } from './schedule-ranges';
import {
  CopyDayInput,
  CopyToHotlineInput,
  CopyWeekInput,
  RepeatWeekInput,
  ScheduleRefusal,
  ScheduleWrite,
} from './schedule-types';
import { DRY_RUN_IDS, ScheduleWritePath, control, prepared } from './schedule-write-path';

type Answer = Promise<Result<ScheduleWrite, ScheduleRefusal>>;

/** The copies (F6) of `ScheduleService`, which documents them. */
export class ScheduleCopies {
  constructor(
    private readonly path: ScheduleWritePath,
    private readonly ids: IdGenerator,
  ) {}

  async copyDay(caller: Caller, hotlineId: Id, input: CopyDayInput): Answer {
    assertId(hotlineId, 'hotlineId');
    const { day, targets, mode } = input;
    copyDayChange([], { day, targets, hotlineId, ids: DRY_RUN_IDS, mode });
    const range = copyRange(
      [dateOf(day)],
      targets.map((d) => dateOf(d)),
      1,
    );
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.day-copied',
      control: control(input),
      prepare: this.path.overRange(caller, range, (existing, hotline) =>
        copyDayChange(existing, { day, targets, hotlineId: hotline.id, ids: this.ids, mode }),
      ),
    });
  }

  async copyWeek(caller: Caller, hotlineId: Id, input: CopyWeekInput): Answer {
    assertId(hotlineId, 'hotlineId');
    const { week, targets, mode } = input;
    copyWeekChange([], { week, targets, hotlineId, ids: DRY_RUN_IDS, mode });
    const range = copyRange(
      [dateOf(week)],
      targets.map((d) => dateOf(d)),
      7,
    );
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.week-copied',
      control: control(input),
      prepare: this.path.overRange(caller, range, (existing, hotline) =>
        copyWeekChange(existing, { week, targets, hotlineId: hotline.id, ids: this.ids, mode }),
      ),
    });
  }

  async repeatWeek(caller: Caller, hotlineId: Id, input: RepeatWeekInput): Answer {
    assertId(hotlineId, 'hotlineId');
    const { week, times, mode } = input;
    repeatWeekChange([], { week, times, hotlineId, ids: DRY_RUN_IDS, mode });
    const source = dateOf(week);
    const range = copyRange([source], [source.plusDays(7 * times)], 7);
    return this.path.write({
      caller,
      hotlineId,
      action: 'schedule.week-repeated',
      control: control(input),
      prepare: this.path.overRange(caller, range, (existing, hotline) =>
        repeatWeekChange(existing, { week, times, hotlineId: hotline.id, ids: this.ids, mode }),
      ),
    });
  }

  async copyToHotline(caller: Caller, input: CopyToHotlineInput): Answer {
    assertId(input.sourceHotlineId, 'sourceHotlineId');
    assertId(input.targetHotlineId, 'targetHotlineId');
    const targetFrom = input.targetFrom ?? undefined;
    const options = { from: input.from, to: input.to, targetFrom, mode: input.mode };
    copyToHotlineChange([], [], { ...options, hotlineId: input.targetHotlineId, ids: DRY_RUN_IDS });
    const from = dateOf(input.from);
    const days = from.daysUntil(dateOf(input.to)) + 1;
    const landing = targetFrom === undefined ? from : dateOf(targetFrom);
    const source = await this.path.findHotline(caller, input.sourceHotlineId, 'sourceHotlineId');
    if (!source) return err(notFound('hotline', input.sourceHotlineId, 'sourceHotlineId'));
    return this.path.write({
      caller,
      hotlineId: input.targetHotlineId,
      action: 'schedule.copied-from-hotline',
      control: control(input),
      field: 'targetHotlineId',
      prepare: async (target) => {
        if (source.id === target.id) {
          const view = await this.path.read(caller, target, copyRange([from], [landing], days));
          return prepared(
            view,
            copyToHotlineChange(view.slots, view.slots, { ...options, hotlineId: target.id, ids: this.ids }),
          );
        }
        const sourceView = await this.path.read(caller, source, daysFrom(from, days));
        const view = await this.path.read(caller, target, daysWithReach(landing, days));
        return prepared(
          view,
          copyToHotlineChange(sourceView.slots, view.slots, { ...options, hotlineId: target.id, ids: this.ids }),
        );
      },
    });
  }
}
