import { useId, type ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';

/** A titled part of the side area (a `section` named by its heading), with something at the heading's end. */
export function ToolSection({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Stack gap={6} component="section" aria-labelledby={id}>
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Stack>
  );
}
