import { AssigneeRef } from '../directory/assignee';
import { OnCallSegment, Slot } from '../schedule/slot';
import { TimeZone, parseInstant } from '../shared';
import { SegmentSource } from './segment-source';

/** Test double: serves the given segments (in order, non-overlapping) clipped to each query. */
export function fixedSegments(segments: readonly OnCallSegment[]): SegmentSource {
  return {
    segments(from, to) {
      return segments
        .filter((s) => s.end > from && s.start < to)
        .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }));
    },
  };
}

/** A segment between two ISO instants: `onCall('2027-06-01T00:00Z', '2027-06-01T10:00Z', [personRef(alice)])`. */
export function onCall(start: string, end: string, levels: readonly AssigneeRef[]): OnCallSegment {
  return { start: parseInstant(start), end: parseInstant(end), levels, slotId: null, overrideIds: [] };
}

/** Test double: slots in wall-clock time resolved the way the schedule does (`TimeZone.toInstant`). */
export function slotSegments(zone: TimeZone, slots: readonly Slot[]): SegmentSource {
  return fixedSegments(
    slots
      .map((slot) => ({
        start: zone.toInstant(slot.start),
        end: zone.toInstant(slot.end),
        levels: slot.assignees,
        slotId: slot.id,
        overrideIds: [],
      }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start),
  );
}
