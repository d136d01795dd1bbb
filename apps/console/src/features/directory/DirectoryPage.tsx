import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  Card,
  ColorSwatch,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMe } from '../../app/me';
import { QueryFallback } from '../../components/QueryFallback';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import type { DirectoryQuery } from '../../gql/graphql';
import { DirectoryDocument } from './documents';
import { PersonEditor } from './PersonEditor';
import { TeamEditor } from './TeamEditor';
import { describeUsage, usedByOf } from './usage';

type Person = DirectoryQuery['people']['edges'][number]['node'];
type Team = DirectoryQuery['teams']['edges'][number]['node'];

/**
 * People and teams of the account. `?tab=teams` shows the teams; `?person=<id|new>` and
 * `?team=<id|new>` open the editor (so a link or the back button opens and closes it).
 */
export function DirectoryPage() {
  const { t } = useTranslation('directory');
  const { canEdit } = useMe();
  const [params, setParams] = useSearchParams();
  const [{ data, error }] = useQuery({ query: DirectoryDocument });
  const phone = useMediaQuery('(max-width: 48em)');
  const tab = params.get('tab') === 'teams' ? 'teams' : 'people';

  const people = useMemo(() => data?.people.edges.map((e) => e.node) ?? [], [data]);
  const teams = useMemo(() => data?.teams.edges.map((e) => e.node) ?? [], [data]);
  const names = useMemo(
    () => ({
      teams: new Map(teams.map((team) => [team.id, team.name])),
      hotlines: new Map((data?.hotlines.edges ?? []).map((e) => [e.node.id, e.node.name])),
    }),
    [teams, data],
  );
  const describe = useCallback(
    (name: string, refusal: CombinedError) => {
      const usedBy = usedByOf(refusal);
      return usedBy ? describeUsage(t, { name, usedBy, names }) : null;
    },
    [t, names],
  );

  const open = (key: 'person' | 'team', id: string) => setParams((p) => ({ ...Object.fromEntries(p), [key]: id }));
  const close = () =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete('person');
      next.delete('team');
      return next;
    });

  if (!data) {
    return <QueryFallback error={error} />;
  }

  const personParam = params.get('person');
  const teamParam = params.get('team');
  const editedPerson = personParam && personParam !== 'new' ? people.find((p) => p.id === personParam) : undefined;
  const editedTeam = teamParam && teamParam !== 'new' ? teams.find((x) => x.id === teamParam) : undefined;
  const personOpen = (personParam === 'new' && canEdit) || !!editedPerson;
  const teamOpen = (teamParam === 'new' && canEdit) || !!editedTeam;
  const verb = canEdit ? 'edit' : 'view';

  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h3">
        {t('title')}
      </Title>
      {!canEdit && <ReadOnlyNotice />}
      <Tabs value={tab} onChange={(value) => setParams(value === 'teams' ? { tab: 'teams' } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab
            value="people"
            rightSection={
              <Badge size="xs" variant="light" circle>
                {people.length}
              </Badge>
            }
          >
            {t('people')}
          </Tabs.Tab>
          <Tabs.Tab
            value="teams"
            rightSection={
              <Badge size="xs" variant="light" circle>
                {teams.length}
              </Badge>
            }
          >
            {t('teams')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="people" pt="md">
          <PeopleList people={people} canEdit={canEdit} verb={verb} onOpen={(id) => open('person', id)} />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="md">
          <TeamsList teams={teams} canEdit={canEdit} verb={verb} onOpen={(id) => open('team', id)} />
        </Tabs.Panel>
      </Tabs>

      <Modal
        opened={personOpen}
        onClose={close}
        size="xl"
        fullScreen={phone}
        title={editedPerson ? editedPerson.name : t('person.new')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {personOpen && (
          <PersonEditor
            key={personParam}
            person={editedPerson ?? null}
            canEdit={canEdit}
            onClose={close}
            describeUsage={describe}
          />
        )}
      </Modal>
      <Modal
        opened={teamOpen}
        onClose={close}
        size="lg"
        fullScreen={phone}
        title={editedTeam ? editedTeam.name : t('team.new')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {teamOpen && (
          <TeamEditor
            key={teamParam}
            team={editedTeam ?? null}
            people={people}
            canEdit={canEdit}
            onClose={close}
            describeUsage={describe}
          />
        )}
      </Modal>
    </Stack>
  );
}

interface EntryCardProps {
  readonly name: string;
  readonly colour: string;
  readonly subtitle?: string;
  /** e.g. "Edit Hugo Durand" and its visible "Edit". */
  readonly openLabel: string;
  readonly openText: string;
  readonly onOpen: () => void;
  /** The ordered list under the name (numbers, members). */
  readonly listLabel: string;
  readonly children: ReactNode;
}

/** A person or team in the grid: colour, name, what follows (an ordered list) and the button that opens it. */
function EntryCard({ name, colour, subtitle, openLabel, openText, onOpen, listLabel, children }: EntryCardProps) {
  return (
    <Card component="li" withBorder padding="sm" aria-label={name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          <ColorSwatch color={colour} size={22} aria-hidden style={{ flexShrink: 0 }} />
          <div style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {name}
            </Text>
            {subtitle !== undefined && (
              <Text size="sm" c="dimmed" truncate title={subtitle}>
                {subtitle}
              </Text>
            )}
          </div>
        </Group>
        <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={onOpen} aria-label={openLabel}>
          {openText}
        </Button>
      </Group>
      <Stack component="ol" gap={2} mt="xs" mb={0} p={0} pl={34} aria-label={listLabel} style={{ listStyle: 'none' }}>
        {children}
      </Stack>
    </Card>
  );
}

function EntryGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SimpleGrid
      component="ul"
      aria-label={label}
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="sm"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
    >
      {children}
    </SimpleGrid>
  );
}

interface PeopleListProps {
  readonly people: readonly Person[];
  readonly canEdit: boolean;
  readonly verb: 'edit' | 'view';
  readonly onOpen: (id: string) => void;
}

function PeopleList({ people, canEdit, verb, onOpen }: PeopleListProps) {
  const { t } = useTranslation('directory');
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? people.filter((p) =>
        [p.name, p.email ?? '', ...p.contactNumbers.map((n) => n.number)].some((s) => s.toLowerCase().includes(needle)),
      )
    : people;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <TextInput
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 320 }}
        />
        {canEdit && <Button onClick={() => onOpen('new')}>{t('person.new')}</Button>}
      </Group>
      {people.length === 0 && <Text c="dimmed">{t('person.none')}</Text>}
      <EntryGrid label={t('people')}>
        {shown.map((person) => (
          <EntryCard
            key={person.id}
            name={person.name}
            colour={person.colour}
            subtitle={person.email ?? t('person.noEmail')}
            openLabel={t(`person.${verb}`, { name: person.name })}
            openText={t(verb)}
            onOpen={() => onOpen(person.id)}
            listLabel={t('numbers.of', { name: person.name })}
          >
            {person.contactNumbers.length === 0 && (
              <Text component="li" size="sm" c="orange">
                {t('numbers.none')}
              </Text>
            )}
            {person.contactNumbers.map((n, i) => (
              <Text
                component="li"
                key={n.number}
                size="sm"
                c={n.enabled ? undefined : 'dimmed'}
                td={n.enabled ? undefined : 'line-through'}
              >
                {i + 1}. {n.number} · {n.label} · {t('numbers.seconds', { count: n.ringTimeoutSeconds })}
                {!n.enabled && ` · ${t('numbers.disabled')}`}
              </Text>
            ))}
          </EntryCard>
        ))}
      </EntryGrid>
    </Stack>
  );
}

interface TeamsListProps {
  readonly teams: readonly Team[];
  readonly canEdit: boolean;
  readonly verb: 'edit' | 'view';
  readonly onOpen: (id: string) => void;
}

function TeamsList({ teams, canEdit, verb, onOpen }: TeamsListProps) {
  const { t } = useTranslation('directory');
  return (
    <Stack gap="md">
      {canEdit && (
        <Group justify="flex-end">
          <Button onClick={() => onOpen('new')}>{t('team.new')}</Button>
        </Group>
      )}
      {teams.length === 0 && <Text c="dimmed">{t('team.none')}</Text>}
      <EntryGrid label={t('teams')}>
        {teams.map((team) => (
          <EntryCard
            key={team.id}
            name={team.name}
            colour={team.colour}
            openLabel={t(`team.${verb}`, { name: team.name })}
            openText={t(verb)}
            onOpen={() => onOpen(team.id)}
            listLabel={t('team.membersOf', { name: team.name })}
          >
            {team.members.length === 0 && (
              <Text component="li" size="sm" c="orange">
                {t('members.none')}
              </Text>
            )}
            {team.members.map((m, i) => (
              <Group component="li" key={m.id} gap={6} wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {i + 1}.
                </Text>
                <ColorSwatch color={m.colour} size={10} aria-hidden />
                <Text size="sm">{m.name}</Text>
              </Group>
            ))}
          </EntryCard>
        ))}
      </EntryGrid>
    </Stack>
  );
}
