import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Button, Group, Input, NativeSelect, Stack } from '@mantine/core';
import type { AssigneeKind } from '../../../gql/graphql';
import { ToolsDirectoryDocument } from './documents';

export interface AssigneeRef {
  readonly kind: AssigneeKind;
  readonly id: string;
}

const encode = (ref: AssigneeRef | null) => (ref ? `${ref.kind}:${ref.id}` : '');
const decode = (value: string): AssigneeRef | null => {
  const at = value.indexOf(':');
  return at < 0 ? null : { kind: value.slice(0, at) as AssigneeKind, id: value.slice(at + 1) };
};

/** The account's people and teams as `<select>` options, grouped. */
export function useAssigneeOptions(): { group: string; items: { value: string; label: string }[] }[] {
  const { t } = useTranslation('scheduleTools');
  const [{ data }] = useQuery({ query: ToolsDirectoryDocument });
  return [
    {
      group: t('levels.people'),
      items: (data?.people.edges ?? []).map(({ node }) => ({
        value: encode({ kind: 'PERSON', id: node.id }),
        label: node.name,
      })),
    },
    {
      group: t('levels.teams'),
      items: (data?.teams.edges ?? []).map(({ node }) => ({
        value: encode({ kind: 'TEAM', id: node.id }),
        label: node.name,
      })),
    },
  ];
}

/** One person or team, chosen from the account's directory. */
export function AssigneeSelect({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: AssigneeRef | null;
  onChange(value: AssigneeRef | null): void;
  error?: string;
  description?: string;
}) {
  const { t } = useTranslation('scheduleTools');
  const options = useAssigneeOptions();
  return (
    <NativeSelect
      label={label}
      description={description}
      value={encode(value)}
      onChange={(e) => onChange(decode(e.currentTarget.value))}
      data={[{ value: '', label: t('levels.choose') }, ...options]}
      error={error}
    />
  );
}

interface AssigneeLevelsInputProps {
  /** Escalation levels in order; null while a level is not chosen yet. */
  readonly value: readonly (AssigneeRef | null)[];
  onChange(value: (AssigneeRef | null)[]): void;
  /** The server's message for `assignees` or `assignees[i]`. */
  errorAt(path: string): string | undefined;
}

/** Who is on duty, level by level: a select per level, add, reorder (buttons, so the keyboard works) and remove. */
export function AssigneeLevelsInput({ value, onChange, errorAt }: AssigneeLevelsInputProps) {
  const { t } = useTranslation('scheduleTools');
  const options = useAssigneeOptions();
  const set = (index: number, ref: AssigneeRef | null) => onChange(value.map((v, i) => (i === index ? ref : v)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  return (
    <Input.Wrapper label={t('levels.label')} description={t('levels.hint')} error={errorAt('assignees')}>
      <Stack gap={6} mt={4}>
        {value.map((ref, index) => (
          <Group key={index} gap={4} wrap="nowrap" align="flex-end">
            <NativeSelect
              style={{ flex: 1 }}
              label={t('levels.level', { level: index + 1 })}
              value={encode(ref)}
              onChange={(e) => set(index, decode(e.currentTarget.value))}
              data={[{ value: '', label: t('levels.choose') }, ...options]}
              error={errorAt(`assignees[${index}]`) ?? errorAt(`assignees[${index}].id`)}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('levels.up', { level: index + 1 })}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('levels.down', { level: index + 1 })}
              disabled={index === value.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('levels.remove', { level: index + 1 })}
              disabled={value.length === 1}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="xs"
          onClick={() => onChange([...value, null])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('levels.add')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}

/** The levels as the API wants them, or null while one is not chosen. */
export function chosenLevels(value: readonly (AssigneeRef | null)[]): AssigneeRef[] | null {
  if (value.length === 0 || value.some((v) => v === null)) return null;
  return value as AssigneeRef[];
}
