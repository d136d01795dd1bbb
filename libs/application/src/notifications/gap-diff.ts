import { Gap, Instant, formatInstant } from '@dutyline/domain';
import { AnnouncedGap, GapNotice, GapNoticeKind } from './ports';

export interface GapRun {
  /** The run's instant, the start of its look-ahead window. */
  readonly now: Instant;
  /** The end of the look-ahead window. */
  readonly until: Instant;
}

export interface GapDiff {
  /** What is announced once the notices are sent. */
  readonly announced: AnnouncedGap[];
  /** One per new, changed and resolved gap, in order of start. */
  readonly notices: GapNotice[];
}

/**
 * Compares the gaps a run found ahead with those announced before (ADR 0004):
 * - a gap matched by key, or else by overlap with an announced gap no other current gap claims, is
 *   the same occurrence: it keeps its key and is re-announced only if its shape changed — its start
 *   (unless it is already under way), or its end. An end first seen beyond the window and now seen
 *   at or after that old window's end is the same gap revealed, not a change;
 * - an unmatched gap is new (an ongoing one too: it is not a past gap);
 * - an announced gap left unmatched is resolved, unless it is over by now (it ended as announced,
 *   or ran past an earlier window and slid out of sight), or lies beyond this window (a shorter
 *   look-ahead): then it is forgotten, or kept, silently.
 */
export function diffGaps(previous: readonly AnnouncedGap[], gaps: readonly Gap[], run: GapRun): GapDiff {
  const live = previous.filter((a) => (a.open ? a.seenUntil > run.now : a.end > run.now));
  const claimedKeys = new Set(gaps.map((g) => g.key));
  const matched = new Set<AnnouncedGap>();
  const announced: AnnouncedGap[] = [];
  const notices: GapNotice[] = [];
  const notice = (kind: GapNoticeKind, gap: AnnouncedGap, before: AnnouncedGap | null): GapNotice => ({
    id: `${gap.key}/${kind}/${fingerprintOf(gap)}@${formatInstant(run.now)}`,
    kind,
    gap,
    previous: before,
    at: run.now,
  });

  for (const gap of gaps) {
    const match =
      live.find((a) => !matched.has(a) && a.key === gap.key) ??
      live.find((a) => !matched.has(a) && !claimedKeys.has(a.key) && overlaps(a, gap));
    const seen: AnnouncedGap = {
      key: match?.key ?? gap.key,
      start: match && gap.startsBeforeRange ? Math.min(match.start, gap.start) : gap.start,
      end: gap.end,
      open: gap.endsAfterRange,
      seenUntil: run.until,
      reason: gap.reason,
      announcedAt: match?.announcedAt ?? run.now,
    };
    if (!match) {
      announced.push(seen);
      notices.push(notice('new', seen, null));
      continue;
    }
    matched.add(match);
    if (sameShape(match, seen, gap.startsBeforeRange)) {
      announced.push(seen);
    } else {
      const changed = { ...seen, announcedAt: run.now };
      announced.push(changed);
      notices.push(notice('changed', changed, match));
    }
  }

  for (const gap of live) {
    if (matched.has(gap)) continue;
    if (gap.start >= run.until) announced.push(gap);
    else notices.push(notice('resolved', gap, null));
  }
  announced.sort((a, b) => a.start - b.start);
  notices.sort((a, b) => a.gap.start - b.gap.start);
  return { announced, notices };
}

/** `…Z` end, or `open` when the gap runs past the window it was seen in. */
export const fingerprintOf = (gap: AnnouncedGap): string => (gap.open ? 'open' : formatInstant(gap.end));

function overlaps(announced: AnnouncedGap, gap: Gap): boolean {
  const announcedEnd = announced.open ? Infinity : announced.end;
  const gapEnd = gap.endsAfterRange ? Infinity : gap.end;
  return announced.start < gapEnd && gap.start < announcedEnd;
}

function sameShape(before: AnnouncedGap, now: AnnouncedGap, underWay: boolean): boolean {
  if (!underWay && before.start !== now.start) return false;
  if (before.open && now.open) return true;
  if (!before.open && !now.open) return before.end === now.end;
  // Open before, closed now: the same gap if its end lies where the earlier run could not see.
  if (before.open) return now.end >= before.seenUntil;
  return false;
}
