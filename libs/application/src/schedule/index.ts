export { type ScheduleChangeListener, type ScheduleServiceDeps } from './ports';
export {
  type ApplyPatternInput,
  type CopyDayInput,
  type CopyToHotlineInput,
  type CopyWeekInput,
  type NewOverride,
  type OverrideWrite,
  type RepeatWeekInput,
  type ScheduleRead,
  type ScheduleRefusal,
  type ScheduleWrite,
  type WriteControl,
  type WriteOptions,
} from './schedule-types';
export { ScheduleService } from './schedule.service';
