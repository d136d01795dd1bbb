import { useTranslation } from 'react-i18next';
import { Box, Group, ScrollArea, Text } from '@mantine/core';
import type { ToolSlotFragment } from '../../../gql/graphql';
import { assigneeColour, assigneeName } from './names';
import { formatDuration, formatLocalRange } from './time';

/** `1. Camille Martin · 2. Hugo Durand`: the escalation levels in order. */
export function levelsText(slot: Pick<ToolSlotFragment, 'assignees'>): string {
  return [...slot.assignees]
    .sort((a, b) => a.level - b.level)
    .map((a) => `${a.level + 1}. ${assigneeName(a)}`)
    .join(' · ');
}

/** `Mon 14 Dec 08:00 – 18:00 (10 h): 1. Camille Martin · 2. Hugo Durand` (times on the hotline's clock). */
export function slotText(slot: ToolSlotFragment, timeZone: string, locale: string): string {
  return `${formatLocalRange(slot, timeZone, locale)} (${formatDuration(slot.durationMinutes)}): ${levelsText(slot)}`;
}

interface SlotListProps {
  readonly label: string;
  readonly slots: readonly ToolSlotFragment[];
  readonly timeZone: string;
  /** Drawn struck through: slots that go away. */
  readonly struck?: boolean;
  /** Text before each slot, e.g. "was …" for a trimmed one. */
  readonly note?: (slot: ToolSlotFragment) => string | undefined;
}

/** A list of slots named by their local times and levels (a `list` named `label`). */
export function SlotList({ label, slots, timeZone, struck, note }: SlotListProps) {
  const { i18n } = useTranslation();
  return (
    <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
      <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
        {slots.map((slot) => {
          const text = slotText(slot, timeZone, i18n.language);
          const extra = note?.(slot);
          return (
            <Box component="li" key={`${slot.id}-${slot.start}`} aria-label={extra ? `${text} ${extra}` : text} py={2}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Group gap={2} pt={6} wrap="nowrap" aria-hidden w={30} style={{ flex: 'none' }}>
                  {[...slot.assignees]
                    .sort((a, b) => a.level - b.level)
                    .map((a) => (
                      <Box
                        key={`${a.level}-${a.id}`}
                        w={8}
                        h={8}
                        style={{ borderRadius: 2, background: assigneeColour(a) ?? 'gray' }}
                      />
                    ))}
                </Group>
                <Text size="sm" td={struck ? 'line-through' : undefined} c={struck ? 'dimmed' : undefined}>
                  <Text span fw={600} inherit>
                    {formatLocalRange(slot, timeZone, i18n.language)}
                  </Text>{' '}
                  <Text span c="dimmed" inherit>
                    ({formatDuration(slot.durationMinutes)})
                  </Text>{' '}
                  {levelsText(slot)}
                  {extra && (
                    <Text span c="dimmed" inherit>
                      {' '}
                      {extra}
                    </Text>
                  )}
                </Text>
              </Group>
            </Box>
          );
        })}
      </Box>
    </ScrollArea.Autosize>
  );
}
