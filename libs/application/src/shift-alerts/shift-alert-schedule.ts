import { DAY_MS, Directory, Hotline, Instant, LocalDateTime, ScheduleIndex } from '@dutyline/domain';
import { readDirectory } from '../shared';
import { ShiftAlertPorts } from './ports';

/** How far past a duty's start its end is looked for: a longer duty is reported as ending there. */
export const DUTY_LOOK_AHEAD_MS = 8 * DAY_MS;

/**
 * A hotline's schedule (slots, overrides, the people and teams named, its supervisors) for duty starts
 * in `[from, to)`: a day before `from`, so someone already on duty is seen as such, and
 * `DUTY_LOOK_AHEAD_MS` past `to`, so each duty's end is found.
 */
export async function scheduleAround(
  ports: Pick<ShiftAlertPorts, 'schedules' | 'people' | 'teams'>,
  { hotline, from, to }: { hotline: Hotline; from: Instant; to: Instant },
): Promise<{ schedule: ScheduleIndex; directory: Directory }> {
  const zone = hotline.timeZone;
  const start = from - DAY_MS;
  const end = to + DUTY_LOOK_AHEAD_MS;
  const local = {
    start: LocalDateTime.ofWall(zone.toLocal(start).wall - DAY_MS),
    end: LocalDateTime.ofWall(zone.toLocal(end).wall + DAY_MS),
  };
  const [view, overrides] = await Promise.all([
    ports.schedules.slots(hotline.accountId, hotline.id, local),
    ports.schedules.overrides(hotline.accountId, hotline.id, { from: start, to: end }),
  ]);
  const slots = view?.slots ?? [];
  const refs = [...slots.flatMap((s) => s.assignees), ...overrides.flatMap((o) => o.assignees)];
  const directory = await readDirectory(ports, hotline.accountId, { refs, personIds: hotline.supervisorIds });
  return { schedule: ScheduleIndex.build(zone, slots, overrides), directory };
}
