export { type ScheduleChangeListener, type ScheduleServiceDeps } from './ports';
export {
  type ApplyPatternInput,
  type CopyDayInput,
  type CopyToHotlineInput,
  type CopyWeekInput,
  type NewOverride,
  type NewSlots,
  type OverrideEnd,
  type OverrideWrite,
  type RepeatWeekInput,
  type ScheduleRead,
  type ScheduleRefusal,
  type ScheduleWrite,
  type SlotDeletion,
  type SlotMove,
  type SlotReassignment,
  type SlotResize,
  type WriteControl,
  type WriteOptions,
} from './schedule-types';
export { ScheduleService } from './schedule.service';
