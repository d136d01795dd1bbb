import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Box, Button, Group, Input, Text, TextInput } from '@mantine/core';
import { formatDate, isDate } from './time';

/** A calendar date of the hotline's clock (`YYYY-MM-DD`): the browser's date field, which knows no zone. */
export function DateField({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  description?: string;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** A wall-clock time `HH:MM` of the hotline's clock. */
export function TimeField({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  description?: string;
}) {
  return (
    <TextInput
      type="time"
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

interface DateListInputProps {
  readonly label: string;
  readonly description?: string;
  readonly values: readonly string[];
  onChange(values: string[]): void;
  /** e.g. to the Monday of the week the date falls in. */
  readonly snap?: (date: string) => string;
  /** How a chosen date is named, e.g. `Week of Mon 14 Dec 2026`. */
  readonly format?: (date: string) => string;
  /** The server's message for the whole list or the i-th entry. */
  readonly error?: string;
  readonly errorOf?: (index: number) => string | undefined;
}

/** Several dates: pick one, "Add", and each chosen date is listed with a button to take it away. */
export function DateListInput({
  label,
  description,
  values,
  onChange,
  snap = (d) => d,
  format,
  error,
  errorOf,
}: DateListInputProps) {
  const { t, i18n } = useTranslation('scheduleTools');
  const [draft, setDraft] = useState('');
  const listId = useId();
  const name = format ?? ((d: string) => formatDate(d, i18n.language));
  const add = () => {
    if (!isDate(draft)) return;
    const date = snap(draft);
    if (!values.includes(date)) onChange([...values, date].sort());
    setDraft('');
  };
  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <Group gap="xs" align="flex-end" mt={4} wrap="nowrap">
        <TextInput
          type="date"
          aria-label={t('dates.pick', { label })}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          style={{ flex: 1 }}
        />
        <Button variant="light" onClick={add} disabled={!isDate(draft)} aria-describedby={listId}>
          {t('dates.add')}
        </Button>
      </Group>
      <Box component="ul" id={listId} aria-label={label} m={0} mt={6} p={0} style={{ listStyle: 'none' }}>
        {values.length === 0 && (
          <Text component="li" size="sm" c="dimmed">
            {t('dates.none')}
          </Text>
        )}
        {values.map((date, index) => (
          <Box component="li" key={date} aria-label={name(date)}>
            <Group gap={4} wrap="nowrap">
              <Text size="sm">{name(date)}</Text>
              <ActionIcon
                variant="subtle"
                size="sm"
                color="gray"
                aria-label={t('dates.remove', { date: name(date) })}
                onClick={() => onChange(values.filter((v) => v !== date))}
              >
                ✕
              </ActionIcon>
              {errorOf?.(index) && (
                <Text size="xs" c="red">
                  {errorOf(index)}
                </Text>
              )}
            </Group>
          </Box>
        ))}
      </Box>
    </Input.Wrapper>
  );
}
