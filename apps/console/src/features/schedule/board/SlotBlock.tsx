import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { readableText, safeColour } from './colour';
import type { AssigneeView, BoardSlot } from './model';
import classes from './board.module.css';

export interface SlotDragData {
  readonly type: 'slot';
  readonly slot: BoardSlot;
  readonly level: number;
}
export interface ResizeDragData {
  readonly type: 'resize';
  readonly slot: BoardSlot;
  readonly edge: 'start' | 'end';
}

interface SlotBlockProps {
  readonly slot: BoardSlot;
  readonly level: number;
  readonly who: AssigneeView;
  readonly name: string;
  /** Left and width as fractions of the axis (already clipped). */
  readonly left: number;
  readonly width: number;
  readonly canEdit: boolean;
  readonly focus: boolean;
  onOpen(slot: BoardSlot, level: number): void;
  onKey(slot: BoardSlot, level: number, event: KeyboardEvent<HTMLDivElement>): void;
}

function ResizeHandle({ slot, edge, level }: { slot: BoardSlot; edge: 'start' | 'end'; level: number }) {
  const { setNodeRef, listeners } = useDraggable({
    id: `resize:${edge}:${slot.id}:${level}`,
    data: { type: 'resize', slot, edge } satisfies ResizeDragData,
  });
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      aria-hidden
      className={`${classes.handle} ${edge === 'start' ? classes.handleStart : classes.handleEnd}`}
    />
  );
}

/** One escalation level of a slot: a block in its assignee's colour, named for tests and screen readers. */
/** What a block too narrow for the name shows: "Camille Martin" → "CM", "Agent Dupont 12" → "AD12". */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const number = words.find((w) => /^\d+$/.test(w)) ?? '';
  return (
    words
      .filter((w) => !/^\d+$/.test(w))
      .slice(0, 2)
      .map((w) => w[0].toUpperCase())
      .join('') + number
  );
}

export const SlotBlock = memo(function SlotBlock({
  slot,
  level,
  who,
  name,
  left,
  width,
  canEdit,
  focus,
  onOpen,
  onKey,
}: SlotBlockProps) {
  const { setNodeRef, listeners, attributes, transform, isDragging } = useDraggable({
    id: `slot:${slot.id}:${level}`,
    data: { type: 'slot', slot, level } satisfies SlotDragData,
    disabled: !canEdit,
  });
  const element = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (focus) element.current?.focus();
  }, [focus]);
  const background = safeColour(who.colour);
  const colour = readableText(background);
  return (
    <div
      ref={(node) => {
        setNodeRef(node);
        element.current = node;
      }}
      {...(canEdit ? listeners : {})}
      {...attributes}
      role={canEdit ? 'button' : 'img'}
      aria-roledescription={canEdit ? 'slot' : undefined}
      aria-describedby={undefined}
      aria-label={name}
      title={name}
      tabIndex={0}
      className={`${classes.slot} ${canEdit ? '' : classes.slotReadOnly} ${isDragging ? classes.slotDragging : ''}`}
      style={{
        left: `${left * 100}%`,
        width: `${width * 100}%`,
        background,
        color: colour,
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
      }}
      onClick={() => canEdit && onOpen(slot, level)}
      onKeyDown={(event) => onKey(slot, level, event)}
    >
      {canEdit && <ResizeHandle slot={slot} edge="start" level={level} />}
      <div className={classes.slotName}>{who.name}</div>
      <div className={classes.slotInitials} aria-hidden>
        {initials(who.name)}
      </div>
      {who.members.map((m) => (
        <div key={m} className={classes.slotMembers}>
          {m}
        </div>
      ))}
      {canEdit && <ResizeHandle slot={slot} edge="end" level={level} />}
    </div>
  );
});
