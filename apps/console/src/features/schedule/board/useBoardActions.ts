import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { DateTime } from 'luxon';
import type { ScheduleBoardState, WriteOutcome } from './useScheduleBoard';
import { assigneeInputs, reordered, withAssigneeAt, type BoardPattern, type BoardSlot, type Candidate } from './model';
import { instantMs, wall, windowOccurrences, type BoardRange } from './time';

const DEFAULT_HOURS = 8;

/**
 * What a drop, a drag or a key does to the schedule, as writes to the server. Every answer is shown: a
 * refusal with the server's message, a version conflict by the board's conflict notice.
 */
export function useBoardActions(
  board: ScheduleBoardState,
  range: BoardRange | undefined,
  snapPattern: BoardPattern | null,
) {
  const { t } = useTranslation('schedule');
  const zone = range?.zone ?? 'UTC';

  const report = useCallback(
    (outcome: WriteOutcome): boolean => {
      if (outcome.ok) return true;
      if (!outcome.conflict) {
        notifications.show({
          color: 'red',
          title: t('refused'),
          message: outcome.errors.map((e) => e.message).join(' ') || t('refused'),
        });
      }
      return false;
    },
    [t],
  );

  const slotAt = useCallback(
    (ms: number) => board.slots.find((s) => instantMs(s.startsAt) <= ms && ms < instantMs(s.endsAt)),
    [board.slots],
  );

  /** The window of the chosen period that holds `at`, else the one starting that day. */
  const periodWindow = useCallback(
    (at: DateTime): { start: DateTime; end: DateTime } | null => {
      if (!snapPattern) return null;
      const occurrences = windowOccurrences(snapPattern.windows, {
        firstDate: at.startOf('day'),
        dayCountToScan: 1,
        zone,
      });
      const ms = at.toMillis();
      const hit =
        occurrences.find((o) => o.startMs <= ms && ms < o.endMs) ??
        occurrences.find((o) => o.startDate === at.toISODate());
      return hit ? { start: toZone(hit.startMs, zone), end: toZone(hit.endMs, zone) } : null;
    },
    [snapPattern, zone],
  );

  /** A person or team dropped at an instant on a level row (0 = level 1). */
  const dropCandidate = useCallback(
    async (who: Candidate, level: number, at: DateTime) => {
      const input = { kind: who.kind, id: who.id };
      const under = slotAt(at.toMillis());
      if (under) {
        const levels = withAssigneeAt(assigneeInputs(under), input, level);
        if (report(await board.write('reassign', { id: under.id, assignees: levels }))) {
          notifications.show({
            color: 'teal',
            message: t('placed', { name: who.name, level: Math.min(level, levels.length - 1) + 1 }),
          });
        }
        return;
      }
      let start = at;
      let end = at.plus({ hours: DEFAULT_HOURS });
      const period = periodWindow(at);
      if (snapPattern && !period) {
        notifications.show({ color: 'yellow', message: t('noWindow', { period: snapPattern.name }) });
        return;
      }
      if (period) ({ start, end } = period);
      else {
        const next = board.slots
          .map((s) => instantMs(s.startsAt))
          .filter((ms) => ms > start.toMillis())
          .sort((a, b) => a - b)[0];
        if (next !== undefined && next < end.toMillis()) end = toZone(next, zone);
      }
      const outcome = await board.write('create', {
        mode: 'REJECT',
        slots: [{ start: wall(start), end: wall(end), assignees: [input] }],
      });
      if (report(outcome) && level > 0)
        notifications.show({ color: 'blue', message: t('createdAtLevelOne', { name: who.name }) });
    },
    [board, slotAt, periodWindow, snapPattern, report, t, zone],
  );

  /** Moves a slot to a new wall-clock start and/or changes the row of one of its levels. */
  const moveSlot = useCallback(
    async (
      slot: BoardSlot,
      { newStart, fromLevel, toLevel }: { newStart: DateTime | null; fromLevel: number; toLevel: number },
    ) => {
      if (newStart && wall(newStart) !== slot.start) {
        if (!report(await board.write('move', { id: slot.id, start: wall(newStart), mode: 'REJECT' }))) return false;
      }
      if (toLevel !== fromLevel) {
        const levels = reordered(assigneeInputs(slot), fromLevel, toLevel);
        if (!report(await board.write('reassign', { id: slot.id, assignees: levels }))) return false;
      }
      return true;
    },
    [board, report],
  );

  const resizeSlot = useCallback(
    async (slot: BoardSlot, start: DateTime, end: DateTime) => {
      if (end.toMillis() <= start.toMillis()) return false;
      if (wall(start) === slot.start && wall(end) === slot.end) return true;
      return report(await board.write('resize', { id: slot.id, start: wall(start), end: wall(end), mode: 'REJECT' }));
    },
    [board, report],
  );

  return { dropCandidate, moveSlot, resizeSlot, report };
}

function toZone(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}
