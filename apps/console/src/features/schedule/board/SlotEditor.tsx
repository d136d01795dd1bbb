import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { AssigneeKind } from '../../../gql/graphql';
import { errorAt, generalErrors, type FieldError } from '../../../lib/errors';
import { assigneeInputs, type BoardSlot, type Candidate } from './model';
import type { ScheduleBoardState } from './useScheduleBoard';
import { formatSpan } from './time';

interface SlotEditorProps {
  readonly slot: BoardSlot;
  readonly zone: string;
  readonly candidates: readonly Candidate[];
  readonly write: ScheduleBoardState['write'];
  onClose(): void;
}

const key = (a: { kind: string; id: string }) => `${a.kind}:${a.id}`;

/** Reassign (ordered levels), change start and end, or delete one slot; the server's refusals shown at their field. */
export function SlotEditor({ slot, zone, candidates, write, onClose }: SlotEditorProps) {
  const { t, i18n } = useTranslation('schedule');
  const { t: common } = useTranslation();
  const [levels, setLevels] = useState<(string | null)[]>(() => assigneeInputs(slot).map(key));
  const [start, setStart] = useState(slot.start);
  const [end, setEnd] = useState(slot.end);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const options = candidates.map((c) => ({
    value: key(c),
    label: c.kind === 'TEAM' ? `${c.name} (${t('team')})` : c.name,
  }));
  const span = formatSpan(DateTime.fromISO(slot.startsAt).setZone(zone), DateTime.fromISO(slot.endsAt).setZone(zone), {
    language: i18n.language,
    alwaysBothDays: false,
  });

  async function save() {
    const chosen = levels.filter((v): v is string => !!v);
    if (chosen.length === 0) {
      setErrors([{ message: t('editor.needOne'), field: 'input.assignees' }]);
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      if (start !== slot.start || end !== slot.end) {
        const outcome = await write('resize', { id: slot.id, start, end, mode: 'REJECT' });
        if (!outcome.ok) return outcome.conflict ? onClose() : setErrors(outcome.errors);
      }
      if (chosen.join(',') !== assigneeInputs(slot).map(key).join(',')) {
        const assignees = chosen.map((v) => ({
          kind: v.slice(0, v.indexOf(':')) as AssigneeKind,
          id: v.slice(v.indexOf(':') + 1),
        }));
        const outcome = await write('reassign', { id: slot.id, assignees });
        if (!outcome.ok) return outcome.conflict ? onClose() : setErrors(outcome.errors);
      }
      onClose();
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    setSaving(true);
    const outcome = await write('delete', { ids: [slot.id] });
    setSaving(false);
    if (outcome.ok || outcome.conflict) onClose();
    else setErrors(outcome.errors);
  }

  const move = (from: number, to: number) =>
    setLevels((current) => {
      const next = [...current];
      [next[from], next[to]] = [next[to], next[from]];
      return next;
    });
  const levelFields = levels.map((_, i) => `assignees[${i}]`);
  const general = generalErrors(errors, ['start', 'end', 'assignees', ...levelFields]);
  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>{t('editor.title', { span })}</Text>} size="md">
      <Stack gap="sm">
        {general.map((e) => (
          <Alert key={e.message} color="red" role="alert">
            {e.message}
          </Alert>
        ))}
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('editor.start')}
            description={zone}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value.slice(0, 16))}
            error={errorAt(errors, 'start')}
          />
          <TextInput
            type="datetime-local"
            label={t('editor.end')}
            description={zone}
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value.slice(0, 16))}
            error={errorAt(errors, 'end')}
          />
        </Group>
        {levels.map((value, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <Select
              style={{ flex: 1 }}
              label={t('editor.assignee', { n: i + 1 })}
              placeholder={t('editor.pick')}
              searchable
              data={options}
              value={value}
              onChange={(v) => setLevels((current) => current.map((c, j) => (j === i ? v : c)))}
              error={errorAt(errors, `assignees[${i}].id`) ?? errorAt(errors, `assignees[${i}]`)}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('editor.up', { n: i + 1 })}
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('editor.down', { n: i + 1 })}
              disabled={i === levels.length - 1}
              onClick={() => move(i, i + 1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="default"
              color="red"
              size="lg"
              aria-label={t('editor.remove', { n: i + 1 })}
              onClick={() => setLevels((current) => current.filter((_, j) => j !== i))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        {errorAt(errors, 'assignees') && (
          <Text c="red" size="sm" role="alert">
            {errorAt(errors, 'assignees')}
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          onClick={() => setLevels((current) => [...current, null])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('editor.addLevel')}
        </Button>
        <Group justify="space-between" mt="sm">
          <Button color="red" variant="subtle" onClick={remove} disabled={saving}>
            {t('editor.deleteSlot')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {common('cancel')}
            </Button>
            <Button onClick={save} loading={saving}>
              {common('save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
