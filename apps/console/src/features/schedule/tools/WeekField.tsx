import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '@mantine/core';
import { formatDate, isDate, mondayOf, plusDays } from './time';

/** `Week of Mon 7 Dec 2026 – Sun 13 Dec` in the language's words. */
export function useWeekName(): (monday: string) => string {
  const { t, i18n } = useTranslation('scheduleTools');
  return useCallback(
    (monday: string) =>
      t('weeks.name', { from: formatDate(monday, i18n.language), to: formatDate(plusDays(monday, 6), i18n.language) }),
    [t, i18n.language],
  );
}

/** A week, picked by any date in it and kept as its Monday (`YYYY-MM-DD`). */
export function WeekField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange(monday: string): void;
  error?: string;
}) {
  const weekName = useWeekName();
  return (
    <TextInput
      type="date"
      label={label}
      description={isDate(value) ? weekName(value) : undefined}
      value={value}
      onChange={(e) => {
        const date = e.currentTarget.value;
        onChange(isDate(date) ? mondayOf(date) : date);
      }}
      error={error}
    />
  );
}
