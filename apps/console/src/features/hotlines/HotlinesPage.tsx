import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMe } from '../../app/me';
import { QueryFallback } from '../../components/QueryFallback';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import { errorAt, fieldErrors, generalErrors, type FieldError } from '../../lib/errors';
import { CreateHotlineDocument, HotlineListDocument } from './documents';
import { PROMPT_LANGUAGES, timeZoneNames, timeZoneOptions } from './zones';

/** `/hotlines`: the account's hotlines, each with its schedule and its settings, and a new one. */
export function HotlinesPage() {
  const { t } = useTranslation('hotlines');
  const { canEdit } = useMe();
  const [{ data, error }] = useQuery({ query: HotlineListDocument });
  const [creating, setCreating] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)');

  if (!data) {
    return <QueryFallback error={error} />;
  }
  const hotlines = data.hotlines.edges.map((e) => e.node);
  const zoneLabel = new Map(timeZoneOptions().map((o) => [o.value, o.label]));
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" gap="sm">
        <Title order={1} size="h3">
          {t('list.title')}
        </Title>
        {canEdit && <Button onClick={() => setCreating(true)}>{t('list.new')}</Button>}
      </Group>
      {!canEdit && <ReadOnlyNotice />}
      {hotlines.length === 0 && <Text c="dimmed">{t('common:noHotline')}</Text>}
      <SimpleGrid
        component="ul"
        aria-label={t('list.title')}
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {hotlines.map((h) => (
          <Card key={h.id} component="li" withBorder padding="md" aria-label={h.name}>
            <Stack gap={4}>
              <Title order={2} size="h4">
                {h.name}
              </Title>
              <Text ff="monospace">{h.number}</Text>
              <Text size="sm" c="dimmed">
                {zoneLabel.get(h.timeZone) ?? h.timeZone} · {h.language}
              </Text>
            </Stack>
            <Group mt="sm" gap="sm">
              <Button
                component={Link}
                to={`/hotlines/${h.id}/schedule`}
                size="xs"
                variant="light"
                aria-label={t('list.scheduleOf', { name: h.name })}
              >
                {t('list.schedule')}
              </Button>
              <Button
                component={Link}
                to={`/hotlines/${h.id}/settings`}
                size="xs"
                variant="default"
                aria-label={t('list.settingsOf', { name: h.name })}
              >
                {t('list.settings')}
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('list.new')}
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': t('common:close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {creating && <NewHotlineForm onCancel={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}

/** Name, number, zone and language; the rest keeps the server's defaults until the settings page. */
function NewHotlineForm({ onCancel }: { onCancel: () => void }) {
  const { t, i18n } = useTranslation('hotlines');
  const navigate = useNavigate();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [timeZone, setTimeZone] = useState(timeZoneNames().includes(browserZone) ? browserZone : 'Europe/Paris');
  const [language, setLanguage] = useState(i18n.language.startsWith('fr') ? 'fr-FR' : 'en-GB');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, createHotline] = useMutation(CreateHotlineDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await createHotline({
      input: { name: name.trim(), number: number.trim(), timeZone, language: language.trim() || undefined },
    });
    if (answer.error) {
      setErrors(fieldErrors(answer.error));
      return;
    }
    if (answer.data) navigate(`/hotlines/${answer.data.createHotline.id}/settings`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {generalErrors(errors, ['name', 'number', 'timeZone', 'language']).map((e) => (
          <Alert key={e.message} color="red" role="alert">
            {e.message}
          </Alert>
        ))}
        <TextInput
          label={t('fields.name')}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorAt(errors, 'name')}
        />
        <TextInput
          label={t('fields.number')}
          description={t('fields.numberHint')}
          type="tel"
          required
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={errorAt(errors, 'number')}
        />
        <Select
          label={t('fields.timeZone')}
          searchable
          required
          allowDeselect={false}
          data={timeZoneOptions()}
          value={timeZone}
          onChange={(zone) => zone && setTimeZone(zone)}
          nothingFoundMessage={t('fields.noZone')}
          limit={50}
          error={errorAt(errors, 'timeZone')}
          comboboxProps={{ withinPortal: true }}
        />
        <Autocomplete
          label={t('fields.language')}
          description={t('fields.languageHint')}
          data={PROMPT_LANGUAGES}
          value={language}
          onChange={setLanguage}
          error={errorAt(errors, 'language')}
        />
        <Text size="sm" c="dimmed">
          {t('list.newHint')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={created.fetching}>
            {t('list.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
