import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, ColorSwatch, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { SortableList, useSortableLabels } from './SortableList';

export interface OrderedPerson {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
}

interface OrderedPeopleFieldProps {
  readonly value: readonly OrderedPerson[];
  /** Everybody who may be added. */
  readonly people: readonly OrderedPerson[];
  readonly onChange: (next: OrderedPerson[]) => void;
  /** The feature's namespace: it keeps the `sortable` labels, and this list's words under `keyPrefix`. */
  readonly namespace: string;
  /** Where the words are: `list`, `none`, `add`, `addPlaceholder`, `nobodyLeft`, `remove` (with `{{name}}`). */
  readonly keyPrefix: string;
  /** The server's message about the person at this position, if any. */
  readonly errorAt: (index: number) => string | undefined;
  readonly disabled: boolean;
}

/** People in an order that matters (a team's members, a hotline's supervisors): add, remove, move by drag, keys or buttons. */
export function OrderedPeopleField({
  value,
  people,
  onChange,
  namespace,
  keyPrefix,
  errorAt,
  disabled,
}: OrderedPeopleFieldProps) {
  const { t } = useTranslation(namespace, { keyPrefix });
  const labels = useSortableLabels(namespace);
  const [search, setSearch] = useState('');
  const addable = people.filter((p) => !value.some((v) => v.id === p.id)).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="orange">
          {t('none')}
        </Text>
      )}
      <SortableList
        items={value}
        getId={(p) => p.id}
        nameOf={(p) => p.name}
        onReorder={onChange}
        labels={labels}
        label={t('list')}
        disabled={disabled}
        renderItem={(person, index) => (
          <Paper withBorder px="sm" py={6}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <Text c="dimmed" size="sm" w={18} ta="right">
                  {index + 1}.
                </Text>
                <ColorSwatch color={person.colour} size={16} aria-hidden />
                <Text>{person.name}</Text>
              </Group>
              {!disabled && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('remove', { name: person.name })}
                  onClick={() => onChange(value.filter((v) => v.id !== person.id))}
                >
                  <span aria-hidden>✕</span>
                </ActionIcon>
              )}
            </Group>
            {errorAt(index) && (
              <Text c="red" size="sm">
                {errorAt(index)}
              </Text>
            )}
          </Paper>
        )}
      />
      {!disabled && (
        <Select
          label={t('add')}
          placeholder={t('addPlaceholder')}
          searchable
          data={addable}
          value={null}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={t('nobodyLeft')}
          onChange={(id) => {
            const person = people.find((p) => p.id === id);
            if (person) onChange([...value, person]);
            setSearch('');
          }}
          maw={360}
        />
      )}
    </Stack>
  );
}
