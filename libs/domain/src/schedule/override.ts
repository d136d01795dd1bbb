import { assigneeList } from '../directory/assignee';
import {
  Id,
  Instant,
  Result,
  assertId,
  assertInstant,
  err,
  instantRange,
  invalid,
  ok,
  parseInstant,
  requireText,
  validatingUnder,
} from '../shared';
import { OverrideEndedError, SCHEDULE_LIMITS } from './schedule-error';
import { AssigneeInput } from './slot-operations';
import { Override } from './slot';

/** An instant as epoch milliseconds or ISO-8601 text with an offset (`2027-10-31T01:30:00Z`). */
export type InstantInput = Instant | string;

/** The most escalation levels a slot can have; a level override addresses one of them or the end. */
const MAX_LEVEL = 19;

export interface OverrideInput {
  readonly id: Id;
  readonly hotlineId: Id;
  /** @defaultValue `createdAt`: in force from the moment it is made. */
  readonly start?: InstantInput;
  /** Calls follow the override until this instant (excluded). */
  readonly end: InstantInput;
  /** Who takes the calls: the whole escalation list, or exactly one assignee when `level` is set. */
  readonly assignees: readonly AssigneeInput[];
  /** The escalation level replaced (0 = first); past the current list it is appended. @defaultValue null: the whole list */
  readonly level?: number | null;
  /** When it was made, from the caller's clock; the override made last wins. */
  readonly createdAt: Instant;
  /** @defaultValue null */
  readonly reason?: string | null;
}

/**
 * "Calls go to X until T" (F7). Lasts at most `SCHEDULE_LIMITS.maxSlotDays` days and must still be
 * in force after `createdAt`. How overrides stack is `ScheduleIndex`'s rule: the one created last
 * wins (ties: the higher id); a level override replaces only that level of what is beneath.
 */
export function override(input: OverrideInput): Override {
  const createdAt = assertInstant(input.createdAt, 'createdAt');
  const start = instant(input.start ?? createdAt, 'start');
  const end = instant(input.end, 'end');
  validatingUnder('', () => instantRange(start, end, { field: '', maxDays: SCHEDULE_LIMITS.maxSlotDays }));
  if (end <= createdAt) invalid('ALREADY_OVER', 'end', 'the override would be over before it is made');
  const level = input.level ?? null;
  if (level !== null && (!Number.isInteger(level) || level < 0 || level > MAX_LEVEL)) {
    invalid('INVALID_LEVEL', 'level', `a level is a whole number from 0 (first) to ${MAX_LEVEL}`);
  }
  const assignees = assigneeList(input.assignees, 'assignees');
  if (level !== null && assignees.length > 1)
    invalid('TOO_MANY', 'assignees', 'an override of one level names one assignee');
  const reason = input.reason == null || input.reason.trim() === '' ? null : requireText(input.reason, 'reason', 200);
  return {
    id: assertId(input.id, 'id'),
    hotlineId: assertId(input.hotlineId, 'hotlineId'),
    start,
    end,
    assignees,
    level,
    createdAt,
    reason,
  };
}

/** What to store after ending an override early. */
export type OverrideEnding =
  /** The override, shortened to end at the instant given. */
  | { readonly action: 'save'; readonly override: Override }
  /** It had not begun: delete it. */
  | { readonly action: 'delete'; readonly overrideId: Id };

/** Ends `current` at `at` ("back to the schedule now"); refused when it is already over by then. */
export function endOverride(current: Override, at: Instant): Result<OverrideEnding, OverrideEndedError> {
  assertInstant(at, 'at');
  if (at >= current.end)
    return err({ code: 'OVERRIDE_ENDED', field: 'at', message: `override ${current.id} is already over by then` });
  if (at <= current.start) return ok({ action: 'delete', overrideId: current.id });
  return ok({ action: 'save', override: { ...current, end: at } });
}

function instant(value: InstantInput, field: string): Instant {
  return typeof value === 'string' ? parseInstant(value, field) : assertInstant(value, field);
}
