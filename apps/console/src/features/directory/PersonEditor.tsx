import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  ActionIcon,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { SortableList, useSortableLabels } from '../../components/SortableList';
import { errorAt, fieldErrors, generalErrors, type FieldError } from '../../lib/errors';
import type { DirectoryQuery } from '../../gql/graphql';
import { CreatePersonDocument, DeletePersonDocument, UpdatePersonDocument } from './documents';
import { ColourField, EditorFooter, useDeleteEntry } from './shared';
import { FormErrors } from '../../components/FormErrors';

type Person = DirectoryQuery['people']['edges'][number]['node'];

interface NumberRow {
  /** Stable while the row moves, for the drag and drop. */
  readonly key: string;
  readonly number: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly ringTimeoutSeconds: number | string;
  /** What the server knows of a saved number (its line type and country). */
  readonly saved?: Person['contactNumbers'][number];
}

let rowKeys = 0;
const newRow = (): NumberRow => ({
  key: `new-${++rowKeys}`,
  number: '',
  label: 'mobile',
  enabled: true,
  ringTimeoutSeconds: 25,
});

interface PersonEditorProps {
  /** null: a new person. */
  readonly person: Person | null;
  readonly canEdit: boolean;
  readonly onClose: () => void;
  /** Describes an IN_USE refusal in words. */
  readonly describeUsage: (name: string, error: CombinedError) => string | null;
}

/** Name, e-mail, colour and the ordered numbers of a person; one save sends the whole person. */
export function PersonEditor({ person, canEdit, onClose, describeUsage }: PersonEditorProps) {
  const { t } = useTranslation('directory');
  const sortableLabels = useSortableLabels('directory');
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [colour, setColour] = useState(person?.colour ?? '');
  const [maxCalls, setMaxCalls] = useState<number | string>(person?.maxSimultaneousCalls ?? 1);
  const [rows, setRows] = useState<NumberRow[]>(() =>
    person
      ? person.contactNumbers.map((n) => ({
          key: n.number,
          number: n.number,
          label: n.label,
          enabled: n.enabled,
          ringTimeoutSeconds: n.ringTimeoutSeconds,
          saved: n,
        }))
      : [newRow()],
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, createPerson] = useMutation(CreatePersonDocument);
  const [updated, updatePerson] = useMutation(UpdatePersonDocument);
  const deletion = useDeleteEntry({
    kind: 'person',
    entry: person,
    document: DeletePersonDocument,
    onClose,
    describeUsage,
  });
  const readOnly = !canEdit;

  const patchRow = (index: number, patch: Partial<NumberRow>) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };
  // Row errors name positions: once the rows move they no longer match.
  const reorder = (next: NumberRow[]) => {
    setRows(next);
    setErrors((current) => current.filter((e) => !e.field?.includes('contactNumbers')));
  };
  const removeRow = (index: number) => reorder(rows.filter((_, i) => i !== index));

  async function save(event: FormEvent) {
    event.preventDefault();
    const contactNumbers = rows.map((row) => ({
      number: row.number.trim(),
      label: row.label.trim() || undefined,
      enabled: row.enabled,
      ringTimeoutSeconds: row.ringTimeoutSeconds === '' ? undefined : Number(row.ringTimeoutSeconds),
    }));
    // Empty is sent as 0, so the server's refusal names the field.
    const maxSimultaneousCalls = maxCalls === '' ? 0 : Number(maxCalls);
    const answer = person
      ? await updatePerson({
          input: {
            id: person.id,
            name: name.trim(),
            email: email.trim() === '' ? null : email.trim(),
            colour: colour || undefined,
            contactNumbers,
            maxSimultaneousCalls,
          },
        })
      : await createPerson({
          input: {
            name: name.trim(),
            email: email.trim() || undefined,
            colour: colour || undefined,
            contactNumbers,
            maxSimultaneousCalls,
          },
        });
    if (answer.error) {
      setErrors(fieldErrors(answer.error));
      return;
    }
    notifications.show({ color: 'green', message: t('person.saved', { name: name.trim() }) });
    onClose();
  }

  const rowFields = rows.flatMap((_, i) =>
    ['number', 'label', 'ringTimeoutSeconds', 'enabled'].map((f) => `contactNumbers[${i}].${f}`),
  );
  const general = generalErrors(errors, ['name', 'email', 'colour', 'maxSimultaneousCalls', ...rowFields]);

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <FormErrors errors={general} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('person.name')}
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errorAt(errors, 'name')}
              disabled={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('person.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errorAt(errors, 'email')}
              disabled={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ColourField
              isNew={!person}
              value={colour}
              onChange={setColour}
              error={errorAt(errors, 'colour')}
              disabled={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label={t('person.calls')}
              description={t('person.callsHint')}
              min={1}
              max={20}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              value={maxCalls}
              onChange={setMaxCalls}
              error={errorAt(errors, 'maxSimultaneousCalls')}
              disabled={readOnly}
            />
          </Grid.Col>
        </Grid>

        <Stack gap="xs">
          <Text fw={600} id="numbers-title">
            {t('numbers.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('numbers.hint')}
          </Text>
          {rows.length === 0 && <Text size="sm">{t('numbers.none')}</Text>}
          <SortableList
            items={rows}
            getId={(row) => row.key}
            nameOf={(row) => row.number || t('numbers.row', { n: rows.indexOf(row) + 1 })}
            onReorder={reorder}
            labels={sortableLabels}
            label={t('numbers.title')}
            disabled={readOnly}
            controls="rail"
            renderItem={(row, index) => (
              <Paper
                withBorder
                p="xs"
                role="group"
                aria-label={t('numbers.row', { n: index + 1 })}
                bg={row.enabled ? undefined : 'var(--mantine-color-gray-0)'}
              >
                <Grid gap="xs" align="flex-start">
                  <Grid.Col span={{ base: 12, sm: 5 }}>
                    <TextInput
                      label={t('numbers.number')}
                      type="tel"
                      autoComplete="off"
                      placeholder="+33612345678"
                      required
                      autoFocus={!row.saved && index === rows.length - 1 && rows.length > 1}
                      value={row.number}
                      onChange={(e) => patchRow(index, { number: e.currentTarget.value })}
                      error={errorAt(errors, `contactNumbers[${index}].number`)}
                      disabled={readOnly}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 7, sm: 4 }}>
                    <TextInput
                      label={t('numbers.label')}
                      value={row.label}
                      onChange={(e) => patchRow(index, { label: e.currentTarget.value })}
                      error={errorAt(errors, `contactNumbers[${index}].label`)}
                      disabled={readOnly}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 5, sm: 3 }}>
                    <NumberInput
                      label={t('numbers.ring')}
                      min={5}
                      max={120}
                      allowDecimal={false}
                      value={row.ringTimeoutSeconds}
                      onChange={(value) => patchRow(index, { ringTimeoutSeconds: value })}
                      error={errorAt(errors, `contactNumbers[${index}].ringTimeoutSeconds`)}
                      disabled={readOnly}
                    />
                  </Grid.Col>
                </Grid>
                <Group justify="space-between" mt="xs" wrap="nowrap">
                  <Group gap="xs">
                    <Switch
                      label={t('numbers.enabled')}
                      checked={row.enabled}
                      onChange={(e) => patchRow(index, { enabled: e.currentTarget.checked })}
                      disabled={readOnly}
                    />
                    {row.saved && row.saved.number === row.number && (
                      <Badge variant="light" color="gray" tt="none">
                        {[
                          t(`lineTypes.${row.saved.lineType}`, {
                            defaultValue: row.saved.lineType.toLowerCase().replace(/_/g, ' '),
                          }),
                          row.saved.country,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Badge>
                    )}
                  </Group>
                  {!readOnly && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('numbers.remove', { n: index + 1 })}
                      onClick={() => removeRow(index)}
                    >
                      <span aria-hidden>✕</span>
                    </ActionIcon>
                  )}
                </Group>
              </Paper>
            )}
          />
          {!readOnly && (
            <Button
              variant="light"
              onClick={() => setRows((current) => [...current, newRow()])}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('numbers.add')}
            </Button>
          )}
        </Stack>

        <EditorFooter
          kind="person"
          name={person?.name}
          canEdit={canEdit}
          saving={created.fetching || updated.fetching}
          deletion={deletion}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
