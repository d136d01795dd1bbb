import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { DocumentNode } from 'graphql';
import { useSearchParams } from 'react-router';
import { DateTime } from 'luxon';
import { fieldErrors, type FieldError } from '../../../lib/errors';
import type {
  CreateSlotsInput,
  DeleteSlotsInput,
  MoveSlotInput,
  ReassignSlotInput,
  ResizeSlotInput,
} from '../../../gql/graphql';
import {
  BoardCoverageBadgeDocument,
  BoardCoverageDocument,
  BoardDirectoryDocument,
  BoardHotlineDocument,
  BoardOverridesDocument,
  BoardScheduleDocument,
  CreateSlotsDocument,
  DeleteSlotsDocument,
  MoveSlotDocument,
  ReassignSlotDocument,
  ResizeSlotDocument,
} from './documents';
import { boardRange, rangeStartDate, shiftDate, todayIn, VIEWS, wallBounds, type BoardRange, type View } from './time';
import { candidatesOf, diffSlots, type BoardSlot, type ScheduleDiff } from './model';

/** The visible range, kept in the URL (`?view=week&date=2026-12-07`) so a reload keeps it. */
export function useBoardRange(zone: string | undefined) {
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.includes(params.get('view') as View) ? (params.get('view') as View) : 'week';
  const date = params.get('date') ?? (zone ? todayIn(zone) : DateTime.now().toISODate()!);
  const range = useMemo(() => (zone ? boardRange(view, date, zone) : undefined), [view, date, zone]);
  const walls = useMemo(() => wallBounds(view, date), [view, date]);
  const go = useCallback(
    (next: { view?: View; date?: string }) => {
      const v = next.view ?? view;
      const d = next.date ?? date;
      setParams((p) => {
        const q = new URLSearchParams(p);
        q.set('view', v);
        q.set('date', zone ? rangeStartDate(v, d, zone) : d);
        return q;
      });
    },
    [view, date, zone, setParams],
  );
  return {
    view,
    range,
    walls,
    setView: (v: View) => go({ view: v }),
    previous: () => zone && go({ date: shiftDate({ view, date, zone, direction: -1 }) }),
    next: () => zone && go({ date: shiftDate({ view, date, zone, direction: 1 }) }),
    today: () => zone && go({ date: todayIn(zone) }),
  };
}

const SCHEDULE_WRITES = { additionalTypenames: ['ScheduleChange', 'Slot'] };
const OVERRIDE_WRITES = { additionalTypenames: ['ScheduleChange', 'Slot', 'OverrideChange', 'Override'] };

export type WriteOutcome = { ok: true; version: number } | { ok: false; errors: FieldError[]; conflict: boolean };

/** Each write's input, without what the board adds to every one (the hotline and the version it loaded). */
interface WriteInputs {
  create: Omit<CreateSlotsInput, 'hotlineId' | 'expectedVersion'>;
  move: Omit<MoveSlotInput, 'hotlineId' | 'expectedVersion'>;
  resize: Omit<ResizeSlotInput, 'hotlineId' | 'expectedVersion'>;
  reassign: Omit<ReassignSlotInput, 'hotlineId' | 'expectedVersion'>;
  delete: Omit<DeleteSlotsInput, 'hotlineId' | 'expectedVersion'>;
}
type WriteKind = keyof WriteInputs;
const WRITE_DOCUMENTS: Record<WriteKind, DocumentNode> = {
  create: CreateSlotsDocument,
  move: MoveSlotDocument,
  resize: ResizeSlotDocument,
  reassign: ReassignSlotDocument,
  delete: DeleteSlotsDocument,
};

/**
 * Everything the board shows of one hotline over the range, and its writes. Each write carries the loaded
 * `Schedule.version` as `expectedVersion`; on SCHEDULE_VERSION_CONFLICT the board reloads and `conflict`
 * says what the other editor changed.
 */
export function useScheduleBoard(
  hotlineId: string,
  range: BoardRange | undefined,
  walls: { fromWall: string; toWall: string },
) {
  const client = useClient();
  const paused = !range;
  const [hotline, refetchHotline] = useQuery({ query: BoardHotlineDocument, variables: { id: hotlineId } });
  const [schedule, refetchSchedule] = useQuery({
    query: BoardScheduleDocument,
    // Asked at once, beside the hotline (its wall-clock bounds need no zone).
    variables: { hotlineId, from: walls.fromWall, to: walls.toWall },
    context: useMemo(() => SCHEDULE_WRITES, []),
  });
  const [overrides, refetchOverrides] = useQuery({
    query: BoardOverridesDocument,
    variables: { hotlineId, from: range?.fromIso ?? '', to: range?.toIso ?? '' },
    pause: paused,
    context: useMemo(() => OVERRIDE_WRITES, []),
  });
  const [coverage, refetchCoverage] = useQuery({
    query: BoardCoverageDocument,
    variables: { hotlineId, from: range?.fromIso ?? '', to: range?.toIso ?? '' },
    pause: paused,
    context: useMemo(() => OVERRIDE_WRITES, []),
  });
  const badgeVariables = useMemo(() => {
    const now = DateTime.now().startOf('minute');
    return {
      hotlineId,
      now: now.toUTC().toISO()!,
      in7: now.plus({ days: 7 }).toUTC().toISO()!,
      in30: now.plus({ days: 30 }).toUTC().toISO()!,
    };
  }, [hotlineId]);
  const [badge, refetchBadge] = useQuery({
    query: BoardCoverageBadgeDocument,
    variables: badgeVariables,
    context: useMemo(() => OVERRIDE_WRITES, []),
  });
  const [directory] = useQuery({ query: BoardDirectoryDocument });

  const slots = useMemo<BoardSlot[]>(() => schedule.data?.schedule.slots ?? [], [schedule.data]);
  const loadedVersion = schedule.data?.schedule.version;
  const version = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (loadedVersion !== undefined) version.current = Math.max(version.current ?? 0, loadedVersion);
  }, [loadedVersion]);

  const refresh = useCallback(() => {
    const fresh = { requestPolicy: 'network-only' as const };
    refetchSchedule(fresh);
    refetchOverrides(fresh);
    refetchCoverage(fresh);
    refetchBadge(fresh);
  }, [refetchSchedule, refetchOverrides, refetchCoverage, refetchBadge]);

  // A version conflict: reload, then tell what changed between the slots we had and the ones we get.
  const [conflictBase, setConflictBase] = useState<{ slots: BoardSlot[]; version: number } | null>(null);
  const [conflict, setConflict] = useState<ScheduleDiff | null>(null);
  useEffect(() => {
    if (!conflictBase || loadedVersion === undefined || loadedVersion <= conflictBase.version) return;
    setConflict(diffSlots(conflictBase.slots, slots));
    setConflictBase(null);
  }, [conflictBase, loadedVersion, slots]);

  const [busy, setBusy] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const write = useCallback(
    <K extends WriteKind>(kind: K, input: WriteInputs[K]): Promise<WriteOutcome> => {
      const run = async (): Promise<WriteOutcome> => {
        setBusy(true);
        try {
          const answer = await client
            .mutation(
              WRITE_DOCUMENTS[kind],
              { input: { ...input, hotlineId, expectedVersion: version.current } },
              SCHEDULE_WRITES,
            )
            .toPromise();
          if (answer.error || !answer.data) {
            const errors = fieldErrors(answer.error);
            const isConflict = errors.some((e) => e.code === 'SCHEDULE_VERSION_CONFLICT');
            if (isConflict) {
              setConflictBase({ slots, version: loadedVersion ?? 0 });
              refresh();
            }
            return { ok: false, errors, conflict: isConflict };
          }
          const change = Object.values(answer.data)[0] as { version: number };
          version.current = Math.max(version.current ?? 0, change.version);
          setConflict(null);
          return { ok: true, version: change.version };
        } finally {
          setBusy(false);
        }
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [client, hotlineId, slots, loadedVersion, refresh],
  );

  return {
    hotline: hotline.data?.hotline ?? null,
    hotlineMissing: !hotline.fetching && !!hotline.data && !hotline.data.hotline,
    hotlines: hotline.data?.hotlines.edges.map((e) => e.node) ?? [],
    hotlineError: hotline.error,
    refetchHotline,
    slots,
    version: loadedVersion,
    loading: schedule.fetching && !schedule.data,
    scheduleError: schedule.error,
    overrides: overrides.data?.overrides ?? [],
    gaps: coverage.data?.coverage.gaps ?? [],
    badge: badge.data ? { week: badge.data.week.coveredFraction, month: badge.data.month.coveredFraction } : null,
    candidates: useMemo(() => candidatesOf(directory.data), [directory.data]),
    patterns: useMemo(
      () => [...(directory.data?.presetPatterns ?? []), ...(directory.data?.patterns.edges.map((e) => e.node) ?? [])],
      [directory.data],
    ),
    busy,
    write,
    refresh,
    conflict,
    dismissConflict: () => setConflict(null),
  };
}

export type ScheduleBoardState = ReturnType<typeof useScheduleBoard>;
