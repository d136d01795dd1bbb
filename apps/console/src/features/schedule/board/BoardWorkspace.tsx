import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext,
  DragOverlay,
  type Announcements,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { DateTime } from 'luxon';
import { Alert } from '@mantine/core';
import { Board, type Carrying, type ResizePreview, type RowDropData } from './Board';
import { CoverageStrip } from './CoverageStrip';
import { Palette, type PaletteDragData } from './Palette';
import type { ResizeDragData, SlotDragData } from './SlotBlock';
import { readableText, safeColour } from './colour';
import { type BoardGap, type BoardPattern, type BoardSlot, type Candidate } from './model';
import { formatMoment, formatSpan, fromWall, instantMs, snapped, type BoardRange } from './time';
import { useBoardActions } from './useBoardActions';
import type { ScheduleBoardState } from './useScheduleBoard';
import classes from './board.module.css';

/** Loaded when a slot is first opened: not needed to show the board. */
const SlotEditor = lazy(() => import('./SlotEditor').then((m) => ({ default: m.SlotEditor })));

type DragData = PaletteDragData | SlotDragData | ResizeDragData;

interface BoardWorkspaceProps {
  readonly board: ScheduleBoardState;
  readonly range: BoardRange;
  readonly canEdit: boolean;
  readonly snapPattern: BoardPattern | null;
  /** The side area under the palette, where the schedule tools go. */
  readonly side?: ReactNode;
}

/** The board with its coverage strip, the palette at its side, the drags (mouse and keyboard) and the slot editor. */
export function BoardWorkspace({ board, range, canEdit, snapPattern, side }: BoardWorkspaceProps) {
  const { t, i18n } = useTranslation('schedule');
  const actions = useBoardActions(board, range, snapPattern);
  const zone = range.zone;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const track = useRef<HTMLDivElement | null>(null);
  const [trackWidth, setTrackWidth] = useState(0);
  useLayoutEffect(() => {
    const element = track.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setTrackWidth(element.getBoundingClientRect().width));
    observer.observe(element);
    setTrackWidth(element.getBoundingClientRect().width);
    return () => observer.disconnect();
  }, []);

  const [dragged, setDragged] = useState<Candidate | null>(null);
  const [resize, setResize] = useState<ResizePreview | null>(null);
  const [carrying, setCarrying] = useState<Carrying | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ slotId: string; level: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lastDrag = useRef(0);

  const instantAtClientX = useCallback(
    (clientX: number): DateTime => {
      const rect = track.current!.getBoundingClientRect();
      const frac = Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
      return snapped(range.startMs + frac * (range.endMs - range.startMs), zone);
    },
    [range, zone],
  );
  const msPerPx = () => (range.endMs - range.startMs) / (track.current?.getBoundingClientRect().width || 1);

  function onDragStart(event: DragStartEvent) {
    const data = event.active.data.current as DragData | undefined;
    if (data?.type === 'palette') setDragged(data.candidate);
  }
  function onDragMove(event: DragMoveEvent) {
    const data = event.active.data.current as DragData | undefined;
    if (data?.type === 'resize') setResize({ slotId: data.slot.id, edge: data.edge, dx: event.delta.x });
  }
  async function onDragEnd(event: DragEndEvent) {
    lastDrag.current = Date.now();
    setDragged(null);
    setResize(null);
    const data = event.active.data.current as DragData | undefined;
    const over = event.over?.data.current as RowDropData | undefined;
    if (!data || !canEdit) return;
    const pointer = event.activatorEvent as PointerEvent;
    if (data.type === 'palette') {
      if (!over || pointer.clientX === undefined) return;
      await actions.dropCandidate(data.candidate, over.level, instantAtClientX(pointer.clientX + event.delta.x));
      return;
    }
    const shift = event.delta.x * msPerPx();
    if (data.type === 'slot') {
      const newStart = Math.abs(event.delta.x) >= 2 ? snapped(instantMs(data.slot.startsAt) + shift, zone) : null;
      const toLevel = over ? Math.min(over.level, data.slot.assignees.length - 1) : data.level;
      if (await actions.moveSlot(data.slot, { newStart, fromLevel: data.level, toLevel }))
        setFocus({ slotId: data.slot.id, level: toLevel });
      return;
    }
    const start =
      data.edge === 'start' ? snapped(instantMs(data.slot.startsAt) + shift, zone) : fromWall(data.slot.start, zone);
    const end =
      data.edge === 'end' ? snapped(instantMs(data.slot.endsAt) + shift, zone) : fromWall(data.slot.end, zone);
    await actions.resizeSlot(data.slot, start, end);
  }

  const onOpen = useCallback((slot: BoardSlot) => {
    if (Date.now() - lastDrag.current < 300) return;
    setEditing(slot.id);
  }, []);

  /** Keys on a focused slot: arrows move (Shift: a day), up/down change its level row, Alt resizes, Enter edits. */
  const onSlotKey = useCallback(
    async (slot: BoardSlot, level: number, event: KeyboardEvent<HTMLDivElement>) => {
      if (!canEdit) return;
      const { key, shiftKey, altKey } = event;
      if (key === 'Enter') {
        event.preventDefault();
        setEditing(slot.id);
        return;
      }
      if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(key)) return;
      event.preventDefault();
      if (board.busy) return;
      const sign = key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 1;
      const start = fromWall(slot.start, zone);
      const end = fromWall(slot.end, zone);
      if (key === 'ArrowUp' || key === 'ArrowDown') {
        const toLevel = Math.min(Math.max(0, level + sign), slot.assignees.length - 1);
        if (toLevel !== level && (await actions.moveSlot(slot, { newStart: null, fromLevel: level, toLevel })))
          setFocus({ slotId: slot.id, level: toLevel });
        return;
      }
      if (altKey) {
        const ok = shiftKey
          ? await actions.resizeSlot(slot, start.plus({ minutes: 15 * sign }), end)
          : await actions.resizeSlot(slot, start, end.plus({ minutes: 15 * sign }));
        if (ok) setFocus({ slotId: slot.id, level });
        return;
      }
      const moved = shiftKey ? start.plus({ days: sign }) : start.plus({ minutes: 15 * sign });
      if (await actions.moveSlot(slot, { newStart: moved, fromLevel: level, toLevel: level }))
        setFocus({ slotId: slot.id, level });
    },
    [actions, board.busy, canEdit, zone],
  );

  // Focus returns to the slot after the board reloads (its block may have been re-created in another row).
  useEffect(() => {
    if (!focus) return;
    const timer = window.setTimeout(() => setFocus(null), 1500);
    return () => window.clearTimeout(timer);
  }, [focus, board.slots]);

  const describe = (c: Carrying) =>
    t('pickedMove', {
      name: c.candidate.name,
      level: t('level', { n: c.level + 1 }),
      at: formatMoment(c.at, i18n.language),
    });

  /** Keys on a palette entry: Space picks it up, arrows carry it (Shift: a day; up/down: a level), Space drops, Escape cancels. */
  async function onPaletteKey(candidate: Candidate, event: KeyboardEvent<HTMLDivElement>) {
    const { key, shiftKey } = event;
    const mine = carrying && carrying.candidate.id === candidate.id && carrying.candidate.kind === candidate.kind;
    if (key === ' ' || key === 'Enter') {
      event.preventDefault();
      if (!mine) {
        const now = Date.now();
        const at =
          now >= range.startMs && now < range.endMs ? snapped(now, zone) : range.days[0].start.set({ hour: 8 });
        const next = { candidate, level: 0, at };
        setCarrying(next);
        setAnnouncement(
          t('picked', { name: candidate.name, level: t('level', { n: 1 }), at: formatMoment(at, i18n.language) }),
        );
        return;
      }
      setCarrying(null);
      await actions.dropCandidate(carrying.candidate, carrying.level, carrying.at);
      return;
    }
    if (!mine) return;
    if (key === 'Escape') {
      event.preventDefault();
      setCarrying(null);
      setAnnouncement(t('dropCancelled'));
      return;
    }
    const levelCount = Math.max(1, ...board.slots.map((s) => s.assignees.length));
    let next: Carrying | null = null;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const sign = key === 'ArrowLeft' ? -1 : 1;
      const at = shiftKey ? carrying.at.plus({ days: sign }) : carrying.at.plus({ minutes: 15 * sign });
      next = { ...carrying, at };
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      next = { ...carrying, level: Math.min(levelCount, Math.max(0, carrying.level + (key === 'ArrowUp' ? -1 : 1))) };
    }
    if (next) {
      event.preventDefault();
      setCarrying(next);
      setAnnouncement(describe(next));
    }
  }

  const onFill = useCallback(
    async (gap: BoardGap, who: Candidate) => {
      const outcome = await board.write('create', {
        mode: 'REJECT',
        slots: [{ start: gap.localStart, end: gap.localEnd, assignees: [{ kind: who.kind, id: who.id }] }],
      });
      return actions.report(outcome);
    },
    [board, actions],
  );

  // What a screen reader hears during a mouse drag (the keyboard ways announce through `announcement`).
  const dragName = (data: unknown) => {
    const d = data as DragData | undefined;
    return d?.type === 'palette'
      ? d.candidate.name
      : d
        ? t('editor.title', {
            span: formatSpan(
              DateTime.fromISO(d.slot.startsAt).setZone(zone),
              DateTime.fromISO(d.slot.endsAt).setZone(zone),
              { language: i18n.language, alwaysBothDays: false },
            ),
          })
        : '';
  };
  const rowName = (data: unknown) => t('level', { n: ((data as RowDropData | undefined)?.level ?? 0) + 1 });
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.start', { name: dragName(active.data.current) }),
    onDragOver: ({ active, over }) =>
      over ? t('dnd.over', { name: dragName(active.data.current), row: rowName(over.data.current) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.end', { name: dragName(active.data.current), row: rowName(over.data.current) })
        : t('dropCancelled'),
    onDragCancel: () => t('dropCancelled'),
  };

  const editingSlot = editing ? board.slots.find((s) => s.id === editing) : undefined;
  const strip = (
    <CoverageStrip
      range={range}
      gaps={board.gaps}
      serviceHours={board.hotline?.serviceHours}
      candidates={board.candidates}
      canEdit={canEdit}
      onFill={onFill}
    />
  );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => (setDragged(null), setResize(null))}
      accessibility={{ screenReaderInstructions: { draggable: t('paletteHint') }, announcements }}
    >
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          {board.conflict && (
            <Alert color="orange" role="alert" mb="sm" withCloseButton onClose={board.dismissConflict}>
              {t('conflict', { changes: conflictChanges(board.conflict, t) })}
            </Alert>
          )}
          <Board
            range={range}
            slots={board.slots}
            overrides={board.overrides}
            canEdit={canEdit}
            strip={strip}
            trackRef={track}
            trackWidth={trackWidth}
            carrying={carrying}
            resize={resize}
            focus={focus}
            onOpen={onOpen}
            onKey={onSlotKey}
          />
        </div>
        <div style={{ width: 240, flex: 'none', display: 'flex', flexDirection: 'column', gap: 12 }}>
          {canEdit && (
            <Palette candidates={board.candidates} carried={carrying?.candidate ?? null} onKey={onPaletteKey} />
          )}
          {side}
        </div>
      </div>
      <div aria-live="polite" className={classes.visuallyHidden}>
        {announcement}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <div
            className={classes.overlay}
            style={{ background: safeColour(dragged.colour), color: readableText(safeColour(dragged.colour)) }}
          >
            {dragged.name}
          </div>
        )}
      </DragOverlay>
      {editingSlot && (
        <Suspense fallback={null}>
          <SlotEditor
            slot={editingSlot}
            zone={zone}
            candidates={board.candidates}
            write={board.write}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
    </DndContext>
  );
}

function conflictChanges(
  diff: NonNullable<ScheduleBoardState['conflict']>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const parts = (['added', 'removed', 'moved', 'reassigned'] as const)
    .filter((k) => diff[k] > 0)
    .map((k) => t(`changes.${k}`, { count: diff[k] }));
  return parts.length ? parts.join(', ') : t('conflictNone');
}
