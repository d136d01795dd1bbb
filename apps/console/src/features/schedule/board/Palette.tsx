import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraggable } from '@dnd-kit/core';
import { Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { safeColour } from './colour';
import type { Candidate } from './model';
import classes from './board.module.css';

export interface PaletteDragData {
  readonly type: 'palette';
  readonly candidate: Candidate;
}

function PaletteEntry({
  candidate,
  carried,
  onKey,
}: {
  candidate: Candidate;
  carried: boolean;
  onKey(candidate: Candidate, event: KeyboardEvent<HTMLDivElement>): void;
}) {
  const { t } = useTranslation('schedule');
  const { setNodeRef, listeners, attributes } = useDraggable({
    id: `palette:${candidate.kind}:${candidate.id}`,
    data: { type: 'palette', candidate } satisfies PaletteDragData,
  });
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      role="button"
      aria-roledescription={candidate.kind === 'TEAM' ? t('team') : undefined}
      aria-describedby={undefined}
      aria-pressed={carried}
      aria-label={candidate.name}
      tabIndex={0}
      className={`${classes.paletteItem} ${carried ? classes.paletteItemCarried : ''}`}
      onKeyDown={(event) => onKey(candidate, event)}
    >
      <span className={classes.swatch} style={{ background: safeColour(candidate.colour) }} />
      <div style={{ minWidth: 0 }}>
        <Text size="sm" truncate>
          {candidate.name}
        </Text>
        {candidate.kind === 'TEAM' && (
          <Text size="xs" c="dimmed" truncate>
            {candidate.members.join(', ')}
          </Text>
        )}
      </div>
    </div>
  );
}

/** People and teams to drag onto the board (or pick up with Space). */
export function Palette({
  candidates,
  carried,
  onKey,
}: {
  candidates: readonly Candidate[];
  carried: Candidate | null;
  onKey(candidate: Candidate, event: KeyboardEvent<HTMLDivElement>): void;
}) {
  const { t } = useTranslation('schedule');
  const [search, setSearch] = useState('');
  const shown = candidates.filter((c) => c.name.toLocaleLowerCase().includes(search.trim().toLocaleLowerCase()));
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="palette-title">
      <Title order={2} size="h5" id="palette-title" mb={4}>
        {t('palette')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('paletteHint')}
      </Text>
      <TextInput
        size="xs"
        placeholder={t('search')}
        aria-label={t('search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        mb="xs"
      />
      <Stack gap={2}>
        {shown.map((c) => (
          <PaletteEntry
            key={`${c.kind}:${c.id}`}
            candidate={c}
            carried={carried?.id === c.id && carried.kind === c.kind}
            onKey={onKey}
          />
        ))}
        {shown.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('nobodyFound')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
