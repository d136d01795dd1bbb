import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Grid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OrderedPeopleField, type OrderedPerson } from '../../components/OrderedPeopleField';
import { errorAt, fieldErrors, generalErrors, type FieldError } from '../../lib/errors';
import type { DirectoryQuery } from '../../gql/graphql';
import { CreateTeamDocument, DeleteTeamDocument, UpdateTeamDocument } from './documents';
import { ColourField, EditorFooter, useDeleteEntry } from './shared';
import { FormErrors } from '../../components/FormErrors';

type Team = DirectoryQuery['teams']['edges'][number]['node'];
type Person = DirectoryQuery['people']['edges'][number]['node'];

interface TeamEditorProps {
  /** null: a new team. */
  readonly team: Team | null;
  readonly people: readonly Person[];
  readonly canEdit: boolean;
  readonly onClose: () => void;
  readonly describeUsage: (name: string, error: CombinedError) => string | null;
}

/** Name, colour and the members of a team in ringing order. */
export function TeamEditor({ team, people, canEdit, onClose, describeUsage }: TeamEditorProps) {
  const { t } = useTranslation('directory');
  const [name, setName] = useState(team?.name ?? '');
  const [colour, setColour] = useState(team?.colour ?? '');
  const [members, setMembers] = useState<OrderedPerson[]>(() => [...(team?.members ?? [])]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, createTeam] = useMutation(CreateTeamDocument);
  const [updated, updateTeam] = useMutation(UpdateTeamDocument);
  const deletion = useDeleteEntry({ kind: 'team', entry: team, document: DeleteTeamDocument, onClose, describeUsage });
  const readOnly = !canEdit;

  const changeMembers = (next: OrderedPerson[]) => {
    setMembers(next);
    setErrors((current) => current.filter((e) => !e.field?.includes('memberIds')));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const memberIds = members.map((m) => m.id);
    const answer = team
      ? await updateTeam({ input: { id: team.id, name: name.trim(), colour: colour || undefined, memberIds } })
      : await createTeam({ input: { name: name.trim(), colour: colour || undefined, memberIds } });
    if (answer.error) {
      setErrors(fieldErrors(answer.error));
      return;
    }
    notifications.show({ color: 'green', message: t('team.saved', { name: name.trim() }) });
    onClose();
  }

  const general = generalErrors(errors, ['name', 'colour', ...members.map((_, i) => `memberIds[${i}]`)]);

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <FormErrors errors={general} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('team.name')}
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errorAt(errors, 'name')}
              disabled={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ColourField
              isNew={!team}
              value={colour}
              onChange={setColour}
              error={errorAt(errors, 'colour')}
              disabled={readOnly}
            />
          </Grid.Col>
        </Grid>
        <Stack gap="xs">
          <Text fw={600}>{t('members.list')}</Text>
          <Text size="sm" c="dimmed">
            {t('team.membersHint')}
          </Text>
          <OrderedPeopleField
            value={members}
            people={people}
            onChange={changeMembers}
            namespace="directory"
            keyPrefix="members"
            errorAt={(index) => errorAt(errors, `memberIds[${index}]`)}
            disabled={readOnly}
          />
        </Stack>
        <EditorFooter
          kind="team"
          name={team?.name}
          canEdit={canEdit}
          saving={created.fetching || updated.fetching}
          deletion={deletion}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
