import { ActionIcon, Button, Grid, Group, Text } from '@mantine/core';
import type { FieldError } from '../../lib/errors';
import type { TargetValue } from './call-entry-draft';
import { EntryTargetSelect, type OtherHotline } from './EntryTargetSelect';

/** A remove button named for the row it removes. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
      <span aria-hidden>✕</span>
    </ActionIcon>
  );
}

export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button variant="light" size="xs" onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

/** A list's title with a line saying what it is for. */
export function SubHeading({ title, hint }: { title: string; hint?: string }) {
  return (
    <>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </>
  );
}

export interface TargetProps {
  readonly hotlines: readonly OtherHotline[];
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
}

interface TargetAndRemoveProps extends TargetProps {
  readonly label: string;
  readonly value: TargetValue;
  readonly onChange: (value: TargetValue) => void;
  readonly path: string;
  readonly removeLabel: string;
  readonly onRemove: () => void;
}

/** The end of a choice or match row: where it leads, and its remove button. */
export function TargetAndRemove({ removeLabel, onRemove, ...target }: TargetAndRemoveProps) {
  return (
    <>
      <Grid.Col span={{ base: 10, sm: 4 }}>
        <EntryTargetSelect {...target} />
      </Grid.Col>
      <Grid.Col span={{ base: 2, sm: 1 }}>
        {!target.disabled && <RemoveButton label={removeLabel} onClick={onRemove} />}
      </Grid.Col>
    </>
  );
}
