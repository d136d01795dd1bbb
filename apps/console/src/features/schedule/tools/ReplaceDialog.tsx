import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { Alert, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ToolSlotFragment } from '../../../gql/graphql';
import { errorAt, fieldErrors, generalErrors } from '../../../lib/errors';
import { AssigneeSelect, type AssigneeRef } from './AssigneeLevelsInput';
import { DateField, TimeField } from './DateInputs';
import { ToolsCreateOverrideDocument, ToolsScheduleDocument } from './documents';
import { assigneeName } from './names';
import { dateAndTimeToInstant, formatInstantRange, instantToDateAndTime, roundedUp } from './time';
import type { ScheduleToolProps } from './types';

type ReplaceProps = Pick<ScheduleToolProps, 'hotlineId' | 'timeZone' | 'range' | 'onChanged'> & {
  readonly opened: boolean;
  onClose(): void;
};

const refKey = (ref: AssigneeRef) => `${ref.kind}:${ref.id}`;
const WHOLE_LIST = 'all';

/** The people and teams on the schedule in the range, each with the first slot of theirs not over yet. */
function onTheSchedule(slots: readonly ToolSlotFragment[], now: DateTime) {
  const found = new Map<string, { ref: AssigneeRef; name: string; slot: ToolSlotFragment; level: number }>();
  for (const slot of slots) {
    if (DateTime.fromISO(slot.endsAt) <= now) continue;
    for (const a of slot.assignees) {
      const ref = { kind: a.kind, id: a.id };
      if (!found.has(refKey(ref))) found.set(refKey(ref), { ref, name: assigneeName(a), slot, level: a.level });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * "Replace X from … to …": X is someone on the schedule in the visible range; picking X proposes their
 * next slot's level and times (start no earlier than now). The override replaces that level, or the whole
 * escalation list, with the replacement → `createOverride`. Times are on the hotline's clock.
 */
export function ReplaceDialog({ opened, onClose, hotlineId, timeZone, range, onChanged }: ReplaceProps) {
  const { t, i18n } = useTranslation('scheduleTools');
  const phone = useMediaQuery('(max-width: 48em)');
  const [{ data }] = useQuery({
    query: ToolsScheduleDocument,
    variables: { hotlineId, from: range.from, to: range.to },
    pause: !opened,
  });
  const [result, createOverride] = useMutation(ToolsCreateOverrideDocument);
  const [replaced, setReplaced] = useState('');
  const [replacement, setReplacement] = useState<AssigneeRef | null>(null);
  const [level, setLevel] = useState(WHOLE_LIST);
  const [start, setStart] = useState({ date: '', time: '' });
  const [end, setEnd] = useState({ date: '', time: '' });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>([]);

  const people = useMemo(() => onTheSchedule(data?.schedule.slots ?? [], DateTime.now()), [data]);
  const levelCount = Math.max(1, ...(data?.schedule.slots ?? []).map((s) => s.assignees.length));

  useEffect(() => {
    if (!opened) return;
    const now = DateTime.now().setZone(timeZone).startOf('minute');
    setReplaced('');
    setReplacement(null);
    setLevel(WHOLE_LIST);
    setStart(instantToDateAndTime(now, timeZone));
    setEnd(instantToDateAndTime(roundedUp(now.plus({ hours: 2 }), 15), timeZone));
    setReason('');
    setErrors([]);
  }, [opened, timeZone]);

  function chooseReplaced(key: string) {
    setReplaced(key);
    const who = people.find((p) => refKey(p.ref) === key);
    if (!who) return;
    // From now (this minute: in force at once) when their slot has begun.
    const from = DateTime.max(DateTime.fromISO(who.slot.startsAt), DateTime.now().startOf('minute'));
    setLevel(String(who.level));
    setStart(instantToDateAndTime(from, timeZone));
    setEnd(instantToDateAndTime(DateTime.fromISO(who.slot.endsAt), timeZone));
    setReason(t('replace.reasonFor', { name: who.name }));
  }

  async function submit() {
    const startAt = dateAndTimeToInstant(start.date, start.time, timeZone);
    const endAt = dateAndTimeToInstant(end.date, end.time, timeZone);
    if (!replacement || !startAt || !endAt) {
      setErrors([
        ...(!replacement ? [{ message: t('replace.chooseReplacement'), field: 'input.assignees' }] : []),
        ...(!startAt ? [{ message: t('replace.badTime'), field: 'input.start' }] : []),
        ...(!endAt ? [{ message: t('replace.badTime'), field: 'input.end' }] : []),
      ]);
      return;
    }
    const answer = await createOverride({
      input: {
        hotlineId,
        assignees: [replacement],
        level: level === WHOLE_LIST ? null : Number(level),
        start: startAt,
        end: endAt,
        reason: reason.trim() || null,
      },
    });
    setErrors(fieldErrors(answer.error));
    const made = answer.data?.createOverride.override;
    if (made) {
      notifications.show({
        color: 'green',
        message: t('replace.done', {
          name: assigneeName(made.assignees[0]),
          range: formatInstantRange(made, timeZone, i18n.language),
          zone: timeZone,
        }),
      });
      onChanged();
      onClose();
    }
  }

  const general = generalErrors(errors, ['assignees', 'level', 'start', 'end', 'reason']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{t('replace.title')}</Text>}
      size="md"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack
        component="form"
        gap="sm"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {general.map((e) => (
          <Alert key={e.message} color="red" role="alert">
            {e.message}
          </Alert>
        ))}
        <NativeSelect
          label={t('replace.who')}
          description={t('replace.whoHint')}
          value={replaced}
          onChange={(e) => chooseReplaced(e.currentTarget.value)}
          data={[
            { value: '', label: people.length ? t('replace.choosePerson') : t('replace.nobody') },
            ...people.map((p) => ({ value: refKey(p.ref), label: p.name })),
          ]}
        />
        <AssigneeSelect
          label={t('replace.by')}
          value={replacement}
          onChange={setReplacement}
          error={errorAt(errors, 'assignees') ?? errorAt(errors, 'assignees[0]')}
        />
        <NativeSelect
          label={t('replace.level')}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          data={[
            { value: WHOLE_LIST, label: t('replace.wholeList') },
            ...Array.from({ length: levelCount }, (_, i) => ({
              value: String(i),
              label: t('replace.onlyLevel', { level: i + 1 }),
            })),
          ]}
          error={errorAt(errors, 'level')}
        />
        <SimpleGrid cols={2} spacing="xs">
          <DateField
            label={t('replace.fromDate')}
            value={start.date}
            onChange={(date) => setStart((s) => ({ ...s, date }))}
            error={errorAt(errors, 'start')}
          />
          <TimeField
            label={t('replace.fromTime')}
            value={start.time}
            onChange={(time) => setStart((s) => ({ ...s, time }))}
          />
          <DateField
            label={t('replace.untilDate')}
            value={end.date}
            onChange={(date) => setEnd((s) => ({ ...s, date }))}
            error={errorAt(errors, 'end')}
          />
          <TimeField
            label={t('replace.untilTime')}
            value={end.time}
            onChange={(time) => setEnd((s) => ({ ...s, time }))}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('zoneNote', { zone: timeZone })}
        </Text>
        <TextInput
          label={t('replace.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errorAt(errors, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={result.fetching}>
            {t('replace.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
