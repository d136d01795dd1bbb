import { useMemo, type CSSProperties, type ReactNode } from 'react';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Box, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the list says, in the user's language: each screen passes its own translations. */
export interface SortableListLabels {
  /** Accessible name of an item's drag handle, e.g. `Move +33612345678`. */
  handle(name: string): string;
  up(name: string): string;
  down(name: string): string;
  /** Read to screen readers when a handle is focused: how to move with the keyboard. */
  instructions: string;
  picked(name: string): string;
  movedTo(name: string, position: number): string;
  dropped(name: string, position: number): string;
  cancelled(name: string): string;
}

/**
 * The labels from a feature's namespace: it keeps them under `sortable` (handle, up, down with `{{name}}`;
 * instructions; picked, movedTo, dropped, cancelled with `{{name}}` and `{{position}}`).
 */
export function useSortableLabels(namespace: string): SortableListLabels {
  const { t } = useTranslation(namespace);
  return useMemo(
    () => ({
      handle: (name) => t('sortable.handle', { name }),
      up: (name) => t('sortable.up', { name }),
      down: (name) => t('sortable.down', { name }),
      instructions: t('sortable.instructions'),
      picked: (name) => t('sortable.picked', { name }),
      movedTo: (name, position) => t('sortable.movedTo', { name, position }),
      dropped: (name, position) => t('sortable.dropped', { name, position }),
      cancelled: (name) => t('sortable.cancelled', { name }),
    }),
    [t],
  );
}

export interface SortableListProps<T> {
  readonly items: readonly T[];
  readonly getId: (item: T) => string;
  /** The item's name in labels and announcements. */
  readonly nameOf: (item: T) => string;
  readonly onReorder: (next: T[]) => void;
  /** The item's own content; the handle and the up/down buttons are drawn around it. */
  readonly renderItem: (item: T, index: number) => ReactNode;
  readonly labels: SortableListLabels;
  /** An ordered list's accessible name. */
  readonly label: string;
  readonly disabled?: boolean;
  /**
   * `side` (default): the handle on the left, up and down on the right, for one-line items;
   * `rail`: the three stacked on the left, for tall items (a form per item), which keeps them narrow on phones.
   */
  readonly controls?: 'side' | 'rail';
}

/**
 * An ordered list whose items move by drag (mouse, touch), by keyboard on the handle (Space, arrows,
 * Space — @dnd-kit's keyboard sensor) and by the up/down buttons beside each item.
 */
export function SortableList<T>({
  items,
  getId,
  nameOf,
  onReorder,
  renderItem,
  labels,
  label,
  disabled,
  controls = 'side',
}: SortableListProps<T>) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => items.map(getId), [items, getId]);
  const nameById = (id: UniqueIdentifier) => {
    const item = items.find((i) => getId(i) === String(id));
    return item ? nameOf(item) : String(id);
  };
  const positionOf = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => labels.picked(nameById(active.id)),
    onDragOver: ({ active, over }) => (over ? labels.movedTo(nameById(active.id), positionOf(over.id)) : undefined),
    onDragEnd: ({ active, over }) => labels.dropped(nameById(active.id), positionOf(over?.id ?? active.id)),
    onDragCancel: ({ active }) => labels.cancelled(nameById(active.id)),
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    onReorder(arrayMove([...items], from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: labels.instructions } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        <Box
          component="ol"
          aria-label={label}
          m={0}
          p={0}
          style={{ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}
        >
          {items.map((item, index) => (
            <SortableRow
              key={ids[index]}
              id={ids[index]}
              name={nameOf(item)}
              first={index === 0}
              last={index === items.length - 1}
              disabled={disabled}
              controls={controls}
              labels={labels}
              onUp={() => move(index, index - 1)}
              onDown={() => move(index, index + 1)}
            >
              {renderItem(item, index)}
            </SortableRow>
          ))}
        </Box>
      </SortableContext>
    </DndContext>
  );
}

interface SortableRowProps {
  readonly id: string;
  readonly name: string;
  readonly first: boolean;
  readonly last: boolean;
  readonly disabled?: boolean;
  readonly controls: 'side' | 'rail';
  readonly labels: SortableListLabels;
  readonly onUp: () => void;
  readonly onDown: () => void;
  readonly children: ReactNode;
}

/** A disabled up or down button stays in place but recedes. */
const quiet: CSSProperties = { background: 'transparent', opacity: 0.35 };

function SortableRow({ id, name, first, last, disabled, controls, labels, onUp, onDown, children }: SortableRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    position: 'relative',
    zIndex: isDragging ? 2 : undefined,
    opacity: isDragging ? 0.85 : undefined,
  };
  // One-line items keep their buttons small, so that names keep the room on a phone.
  const size = controls === 'rail' ? 'lg' : 'md';
  const handle = (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="subtle"
      color="gray"
      size={size}
      aria-label={labels.handle(name)}
      style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
      {...attributes}
      {...listeners}
    >
      <span aria-hidden style={{ fontSize: 18, lineHeight: 1 }}>
        ⠿
      </span>
    </ActionIcon>
  );
  const upDown = [
    <ActionIcon
      key="up"
      variant="subtle"
      color="gray"
      size={size}
      aria-label={labels.up(name)}
      disabled={first}
      onClick={onUp}
      style={first ? quiet : undefined}
    >
      <span aria-hidden>↑</span>
    </ActionIcon>,
    <ActionIcon
      key="down"
      variant="subtle"
      color="gray"
      size={size}
      aria-label={labels.down(name)}
      disabled={last}
      onClick={onDown}
      style={last ? quiet : undefined}
    >
      <span aria-hidden>↓</span>
    </ActionIcon>,
  ];
  return (
    <Box component="li" ref={setNodeRef} style={style}>
      <Group gap={controls === 'rail' ? 'xs' : 4} wrap="nowrap" align={controls === 'rail' ? 'flex-start' : 'center'}>
        {!disabled &&
          (controls === 'rail' ? (
            <Stack gap={2}>
              {handle}
              {upDown}
            </Stack>
          ) : (
            handle
          ))}
        <Box style={{ flex: 1, minWidth: 0 }}>{children}</Box>
        {!disabled && controls === 'side' && (
          <Group gap={0} wrap="nowrap">
            {upDown}
          </Group>
        )}
      </Group>
    </Box>
  );
}
