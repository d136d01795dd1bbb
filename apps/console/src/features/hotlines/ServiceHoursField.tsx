import { useTranslation } from 'react-i18next';
import { ActionIcon, Button, Chip, Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { Info } from 'luxon';
import { errorAt, type FieldError } from '../../lib/errors';
import { WEEKDAYS, newKey, type WindowDraft } from './draft';

interface ServiceHoursFieldProps {
  readonly alwaysOpen: boolean;
  readonly windows: WindowDraft[];
  readonly onChange: (next: { alwaysOpen: boolean; windows: WindowDraft[] }) => void;
  readonly timeZone: string;
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
  /** The API's path of these hours. @defaultValue `serviceHours` */
  readonly path?: string;
  /** The question and the "always" answer, when these are not the hotline's service hours. */
  readonly texts?: { readonly mode: string; readonly always: string };
}

/** 24/7, or weekly windows (days, start, end) in the hotline's zone; an end at or before the start is the next day. */
export function ServiceHoursField({
  alwaysOpen,
  windows,
  onChange,
  timeZone,
  errors,
  disabled,
  path = 'serviceHours',
  texts,
}: ServiceHoursFieldProps) {
  const { t, i18n } = useTranslation('hotlines');
  const dayNames = Info.weekdays('short', { locale: i18n.language });
  const longDayNames = Info.weekdays('long', { locale: i18n.language });
  const patch = (index: number, next: Partial<WindowDraft>) =>
    onChange({ alwaysOpen, windows: windows.map((w, i) => (i === index ? { ...w, ...next } : w)) });
  return (
    <Stack gap="sm">
      <Radio.Group
        label={texts?.mode ?? t('hours.mode')}
        value={alwaysOpen ? 'always' : 'weekly'}
        onChange={(mode) =>
          onChange({
            alwaysOpen: mode === 'always',
            windows:
              mode === 'weekly' && windows.length === 0
                ? [{ key: newKey(), days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '18:00' }]
                : windows,
          })
        }
        error={errorAt(errors, path)}
      >
        <Group mt={6} gap="lg">
          <Radio value="always" label={texts?.always ?? t('hours.always')} disabled={disabled} />
          <Radio value="weekly" label={t('hours.weekly')} disabled={disabled} />
        </Group>
      </Radio.Group>
      {!alwaysOpen && (
        <>
          <Text size="sm" c="dimmed">
            {t('hours.hint', { zone: timeZone })}
          </Text>
          <Stack component="ol" gap="xs" m={0} p={0} aria-label={t('hours.windows')} style={{ listStyle: 'none' }}>
            {windows.map((w, index) => {
              const overnight = w.end !== '' && w.start !== '' && w.end <= w.start;
              return (
                <Paper
                  component="li"
                  key={w.key}
                  withBorder
                  p="xs"
                  role="group"
                  aria-label={t('hours.window', { n: index + 1 })}
                >
                  <Stack gap="xs">
                    <Chip.Group
                      multiple
                      value={w.days}
                      onChange={(days) => patch(index, { days: days as WindowDraft['days'] })}
                    >
                      <Group gap={6} role="group" aria-label={t('hours.days')}>
                        {WEEKDAYS.map((day, d) => (
                          <Chip key={day} value={day} size="xs" disabled={disabled} aria-label={longDayNames[d]}>
                            {dayNames[d]}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                    {errorAt(errors, `${path}.windows[${index}].days`) && (
                      <Text c="red" size="xs">
                        {errorAt(errors, `${path}.windows[${index}].days`)}
                      </Text>
                    )}
                    <Group gap="sm" align="flex-end" wrap="wrap">
                      <TextInput
                        type="time"
                        label={t('hours.start')}
                        value={w.start}
                        onChange={(e) => patch(index, { start: e.currentTarget.value })}
                        error={errorAt(errors, `${path}.windows[${index}].start`)}
                        disabled={disabled}
                        w={130}
                      />
                      <TextInput
                        type="time"
                        label={t('hours.end')}
                        value={w.end}
                        onChange={(e) => patch(index, { end: e.currentTarget.value })}
                        error={errorAt(errors, `${path}.windows[${index}].end`)}
                        disabled={disabled}
                        w={130}
                      />
                      {overnight && (
                        <Text size="sm" c="dimmed" pb={8}>
                          {t('hours.nextDay')}
                        </Text>
                      )}
                      {!disabled && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          ml="auto"
                          mb={2}
                          aria-label={t('hours.remove', { n: index + 1 })}
                          onClick={() => onChange({ alwaysOpen, windows: windows.filter((_, i) => i !== index) })}
                        >
                          <span aria-hidden>✕</span>
                        </ActionIcon>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
          {!disabled && (
            <Button
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                onChange({
                  alwaysOpen,
                  windows: [...windows, { key: newKey(), days: [], start: '08:00', end: '18:00' }],
                })
              }
            >
              {t('hours.add')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
