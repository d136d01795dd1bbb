import { invalid } from './errors';
import { IsoWeekday } from './local-date-time';

const NAMES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type WeekdayName = (typeof NAMES)[number];

/** A set of ISO weekdays (Monday = 1 … Sunday = 7). */
export class WeekdaySet {
  private constructor(private readonly mask: number) {}

  static readonly EVERY_DAY = new WeekdaySet(0b1111111);
  static readonly MONDAY_TO_FRIDAY = new WeekdaySet(0b0011111);

  /** `['MON', 'TUE']`; an empty list is refused. */
  static of(names: readonly string[], field = 'weekdays'): WeekdaySet {
    if (!Array.isArray(names) || names.length === 0) invalid('INVALID_WEEKDAYS', field, 'name at least one weekday');
    let mask = 0;
    names.forEach((name, i) => {
      const index = NAMES.indexOf(String(name).toUpperCase() as WeekdayName);
      if (index < 0) invalid('INVALID_WEEKDAYS', `${field}[${i}]`, `"${name}" is not one of ${NAMES.join(', ')}`);
      mask |= 1 << index;
    });
    return new WeekdaySet(mask);
  }

  has(day: IsoWeekday): boolean {
    return (this.mask & (1 << (day - 1))) !== 0;
  }

  get names(): WeekdayName[] {
    return NAMES.filter((_, i) => (this.mask & (1 << i)) !== 0);
  }

  toJSON(): WeekdayName[] {
    return this.names;
  }
}
