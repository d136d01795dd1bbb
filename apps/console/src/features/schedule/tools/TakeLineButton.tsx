import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { ActionIcon, Alert, Button, Group, Popover, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorAt, fieldErrors, generalErrors, type FieldError } from '../../../lib/errors';
import { DateField, TimeField } from './DateInputs';
import {
  ON_CALL_CONTEXT,
  ToolsCreateOverrideDocument,
  ToolsEndOverrideDocument,
  ToolsMeDocument,
  ToolsOverridesDocument,
} from './documents';
import { dateAndTimeToInstant, formatInstant, instantToDateAndTime, roundedUp } from './time';
import type { ScheduleToolProps } from './types';
import { useNow } from './use-now';

type TakeLineProps = Pick<ScheduleToolProps, 'hotlineId' | 'timeZone' | 'canEdit' | 'onChanged'> & {
  /** The phone header's variant: a smaller button, the reason it is disabled kept short. */
  readonly compact?: boolean;
};

/** The default end of "take the line now": in one hour, rounded up to the next quarter hour on the hotline's clock. */
export function defaultTakeLineEnd(now: DateTime, zone: string): DateTime {
  return roundedUp(now.setZone(zone).plus({ hours: 1 }), 15);
}

/**
 * "Take the line now": the signed-in user's person (`me.person`) becomes level 1 from now until the end
 * chosen (one click: in about an hour; the clock button picks another end on the hotline's clock). The
 * other levels stay as they are, as backups.
 */
export function TakeLineButton({ hotlineId, timeZone, canEdit, onChanged, compact }: TakeLineProps) {
  const { t, i18n } = useTranslation('scheduleTools');
  // Every 15 s: the one-click end shown is the one sent, and stays about an hour away.
  const now = useNow(15_000);
  const reasonId = useId();
  const [{ data: meData }] = useQuery({ query: ToolsMeDocument });
  const [result, createOverride] = useMutation(ToolsCreateOverrideDocument);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [pickerOpen, setPickerOpen] = useState(false);
  const defaultEnd = defaultTakeLineEnd(now, timeZone);
  const [until, setUntil] = useState(() => instantToDateAndTime(defaultEnd, timeZone));
  const person = meData?.me.person ?? null;
  // Mine now: overrides of level 1 to my person in force (the newest first: it is the one that wins).
  const [{ data: nowData }] = useQuery({
    query: ToolsOverridesDocument,
    variables: {
      hotlineId,
      from: now.startOf('minute').toISO()!,
      to: now.startOf('minute').plus({ minutes: 1 }).toISO()!,
    },
    pause: !person,
    context: ON_CALL_CONTEXT,
  });
  const minesNow = [...(nowData?.overrides ?? [])]
    .reverse()
    .filter(
      (o) =>
        o.level === 0 &&
        o.assignees[0]?.person?.id === person?.id &&
        DateTime.fromISO(o.start) <= DateTime.now() &&
        DateTime.fromISO(o.end) > DateTime.now(),
    );
  const mine = minesNow[0];
  const [giving, endOverride] = useMutation(ToolsEndOverrideDocument);

  const disabledReason = !canEdit ? t('common:readOnly') : meData && !person ? t('takeLine.noPerson') : null;
  const defaultTime = defaultEnd.toFormat('HH:mm');

  async function take(end: string | null): Promise<void> {
    if (!person) return;
    if (!end) {
      setErrors([{ message: t('takeLine.badEnd'), field: 'input.end' }]);
      return;
    }
    const answer = await createOverride({
      input: {
        hotlineId,
        assignees: [{ kind: 'PERSON', id: person.id }],
        level: 0,
        end,
        reason: t('takeLine.reason', { name: person.name }),
      },
    });
    setErrors(fieldErrors(answer.error));
    if (answer.data?.createOverride.override) {
      setPickerOpen(false);
      notifications.show({
        color: 'green',
        message: t('takeLine.taken', {
          until: formatInstant(answer.data.createOverride.override.end, timeZone, i18n.language),
          zone: timeZone,
        }),
      });
      onChanged();
    }
  }

  /** Ends every override of mine in force: the calls go back to the schedule. */
  async function giveBack(): Promise<void> {
    let ended = 0;
    for (const o of minesNow) {
      const answer = await endOverride({ input: { hotlineId, id: o.id } });
      setErrors(fieldErrors(answer.error));
      if (!answer.data) break;
      ended++;
    }
    if (ended > 0) {
      notifications.show({ color: 'green', message: t('takeLine.givenBack') });
      onChanged();
    }
  }

  const general = generalErrors(errors, pickerOpen ? ['end'] : []);
  return (
    <Stack gap={2} style={compact ? undefined : { minWidth: 0 }}>
      <Group gap={0} wrap="nowrap">
        {mine ? (
          <Button
            size={compact ? 'xs' : 'sm'}
            color="teal"
            variant="light"
            onClick={() => void giveBack()}
            loading={giving.fetching}
            disabled={!!disabledReason}
            aria-describedby={reasonId}
            style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
          >
            {t('takeLine.giveBack')}
          </Button>
        ) : (
          <Button
            size={compact ? 'xs' : 'sm'}
            color="teal"
            onClick={() => void take(defaultEnd.toISO())}
            loading={result.fetching && !pickerOpen}
            disabled={!!disabledReason || !person}
            aria-describedby={disabledReason ? reasonId : undefined}
            style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
          >
            {compact ? t('takeLine.short') : t('takeLine.until', { time: defaultTime })}
          </Button>
        )}
        <Popover
          opened={pickerOpen}
          onChange={setPickerOpen}
          position="bottom-end"
          withArrow
          trapFocus
          shadow="md"
          onOpen={() => {
            setErrors([]);
            setUntil(instantToDateAndTime(defaultEnd, timeZone));
          }}
        >
          <Popover.Target>
            <ActionIcon
              size={compact ? 30 : 36}
              color="teal"
              variant="filled"
              aria-label={t('takeLine.chooseEnd')}
              disabled={!!disabledReason || !person}
              onClick={() => setPickerOpen((o) => !o)}
              style={{
                borderTopLeftRadius: 0,
                borderBottomLeftRadius: 0,
                borderLeft: '1px solid rgba(255,255,255,0.4)',
              }}
            >
              <span aria-hidden>▾</span>
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack
              component="form"
              gap="xs"
              w={280}
              aria-label={t('takeLine.formName')}
              onSubmit={(event) => {
                event.preventDefault();
                void take(dateAndTimeToInstant(until.date, until.time, timeZone));
              }}
            >
              <Text size="sm" fw={600}>
                {t('takeLine.formName')}
              </Text>
              <SimpleGrid cols={2} spacing="xs">
                <DateField
                  label={t('takeLine.untilDate')}
                  value={until.date}
                  onChange={(date) => setUntil((u) => ({ ...u, date }))}
                />
                <TimeField
                  label={t('takeLine.untilTime')}
                  value={until.time}
                  onChange={(time) => setUntil((u) => ({ ...u, time }))}
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('zoneNote', { zone: timeZone })}
              </Text>
              {errorAt(errors, 'end') && (
                <Text size="sm" c="red" role="alert">
                  {errorAt(errors, 'end')}
                </Text>
              )}
              <Button type="submit" color="teal" loading={result.fetching}>
                {t('takeLine.submit')}
              </Button>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      </Group>
      {(disabledReason || mine) && (
        <Text id={reasonId} size="xs" c="dimmed" maw={compact ? 180 : 260} lh={1.2}>
          {disabledReason ?? t('takeLine.yours', { until: formatInstant(mine!.end, timeZone, i18n.language) })}
        </Text>
      )}
      {general.map((e) => (
        <Alert key={e.message} color="red" role="alert" p="xs">
          {e.message}
        </Alert>
      ))}
    </Stack>
  );
}
