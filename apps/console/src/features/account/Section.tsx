import type { FormEvent, ReactNode } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { FormErrors } from '../../components/FormErrors';
import type { FieldError } from '../../lib/errors';

interface HeadingProps {
  /** The heading's id, which names the section or form. */
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
}

function Heading({ id, title, intro }: HeadingProps) {
  return (
    <>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
    </>
  );
}

/** A part of the Account page named by its heading, with a line saying what it is for. */
export function Section({ children, ...heading }: HeadingProps & { children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={heading.id}>
      <Heading {...heading} />
      {children}
    </Stack>
  );
}

interface FormCardProps extends HeadingProps {
  readonly onSubmit: (event: FormEvent) => void;
  readonly submitLabel: string;
  readonly busy: boolean;
  /** The server's refusals that name no field of the form. */
  readonly errors: readonly FieldError[];
  readonly children: ReactNode;
}

/** A form in a card, named by its heading: refusals above the fields, the submit button at the bottom right. */
export function FormCard({ onSubmit, submitLabel, busy, errors, children, ...heading }: FormCardProps) {
  return (
    <Card withBorder padding="lg" component="form" onSubmit={onSubmit} aria-labelledby={heading.id}>
      <Stack gap="sm">
        <Heading {...heading} />
        <FormErrors errors={errors} />
        {children}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
