import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Anchor,
  Autocomplete,
  Box,
  Button,
  Grid,
  Group,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMe } from '../../app/me';
import { DeleteConfirmation } from '../../components/DeleteConfirmation';
import { OrderedPeopleField } from '../../components/OrderedPeopleField';
import { QueryFallback } from '../../components/QueryFallback';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice';
import { errorAt, generalErrors } from '../../lib/errors';
import {
  CallEntryDocument,
  DeleteHotlineDocument,
  HotlineSettingsDocument,
  ShiftAlertSettingsDocument,
} from './documents';
import type { HotlineDraft } from './draft';
import type { OtherHotline } from './EntryTargetSelect';
import { CallEntrySection, callEntryFields } from './CallEntrySection';
import { PromptField } from './PromptField';
import { RingingField } from './RingingField';
import { SaveBar } from './SaveBar';
import { ScenarioField } from './ScenarioField';
import { ServiceHoursField } from './ServiceHoursField';
import { SettingsSection as Section } from './SettingsSection';
import { SHIFT_ALERT_FIELDS } from './shift-alert-draft';
import { ShiftAlertList } from './ShiftAlertList';
import { ShiftAlertsField } from './ShiftAlertsField';
import { useSettingsDrafts, type SettingsSources } from './useSettingsDrafts';
import { PROMPT_LANGUAGES, timeZoneOptions } from './zones';

/** `/hotlines/:hotlineId/settings`: every setting of one hotline, saved at once. */
export function HotlineSettingsPage() {
  const { t } = useTranslation('hotlines');
  const { hotlineId = '' } = useParams();
  const [{ data, error }] = useQuery({ query: HotlineSettingsDocument, variables: { id: hotlineId } });
  const [alerts] = useQuery({ query: ShiftAlertSettingsDocument, variables: { hotlineId }, pause: !data?.hotline });
  const [entry] = useQuery({ query: CallEntryDocument, variables: { hotlineId }, pause: !data?.hotline });
  if (!data) {
    return <QueryFallback error={error} />;
  }
  if (!data.hotline) {
    return (
      <Stack>
        <Alert color="yellow">{t('settings.notFound')}</Alert>
        <Anchor component={Link} to="/hotlines">
          {t('settings.allHotlines')}
        </Anchor>
      </Stack>
    );
  }
  if (!alerts.data || !entry.data) {
    return <QueryFallback error={alerts.error ?? entry.error} />;
  }
  const people = data.people.edges.map((e) => e.node);
  return (
    <SettingsForm
      key={data.hotline.id}
      hotline={data.hotline}
      alertSettings={alerts.data.shiftAlertSettings}
      entry={entry.data.callEntry}
      otherHotlines={entry.data.hotlines.edges.map((e) => e.node).filter((h) => h.id !== hotlineId)}
      people={people}
    />
  );
}

interface SettingsFormProps extends SettingsSources {
  readonly otherHotlines: readonly OtherHotline[];
  readonly people: readonly { id: string; name: string; colour: string }[];
}

function SettingsForm({ hotline, alertSettings, entry, otherHotlines, people }: SettingsFormProps) {
  const { t } = useTranslation('hotlines');
  const { canEdit } = useMe();
  const navigate = useNavigate();
  const { line, alerts, callEntry, errors, setErrors, entryErrors, dirty, saving, save, revert } = useSettingsDrafts({
    hotline,
    alertSettings,
    entry,
  });
  const { draft, saved, change } = line;
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleted, deleteHotline] = useMutation(DeleteHotlineDocument);
  const disabled = !canEdit;

  async function remove() {
    const answer = await deleteHotline({ id: hotline.id });
    if (!answer.error) {
      notifications.show({ message: t('settings.deleted', { name: hotline.name }) });
      navigate('/hotlines');
    }
  }

  const shown = [
    'name',
    'number',
    'timeZone',
    'language',
    'callerIdMode',
    'requireAnswerConfirmation',
    'serviceHours',
    ...draft.levelStrategies.map((_, i) => `levelStrategies[${i}]`),
    ...SHIFT_ALERT_FIELDS,
    'scenario',
    ...draft.supervisors.map((_, i) => `supervisorIds[${i}]`),
    ...['', '.text', '.language', '.audioUrl'].map((s) => `greeting${s}`),
    ...draft.scenario.flatMap((_, i) =>
      [
        'kind',
        'message',
        'greeting',
        'message.text',
        'message.language',
        'message.audioUrl',
        'greeting.text',
        'greeting.language',
        'greeting.audioUrl',
      ].map((f) => `scenario[${i}].${f}`),
    ),
    ...draft.windows.flatMap((_, i) => ['days', 'start', 'end'].map((f) => `serviceHours.windows[${i}].${f}`)),
  ];
  const general = [...generalErrors(errors, shown), ...generalErrors(entryErrors, callEntryFields(callEntry.draft))];

  return (
    <Box component="form" onSubmit={save} noValidate maw={880} pb={80}>
      <Stack gap="md">
        <div>
          <Anchor component={Link} to="/hotlines" size="sm">
            ← {t('settings.allHotlines')}
          </Anchor>
          <Group justify="space-between" align="center" mt={4} gap="sm">
            <Title order={1} size="h3">
              {t('settings.title', { name: hotline.name })}
            </Title>
            <Anchor component={Link} to={`/hotlines/${hotline.id}/schedule`}>
              {t('list.schedule')}
            </Anchor>
          </Group>
        </div>
        {disabled && <ReadOnlyNotice />}

        <Section title={t('settings.line')}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('fields.name')}
                required
                value={draft.name}
                onChange={(e) => change({ name: e.currentTarget.value })}
                error={errorAt(errors, 'name')}
                disabled={disabled}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('fields.number')}
                description={t('fields.numberHint')}
                type="tel"
                required
                value={draft.number}
                onChange={(e) => change({ number: e.currentTarget.value })}
                error={errorAt(errors, 'number')}
                disabled={disabled}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('fields.timeZone')}
                description={draft.timeZone !== saved.timeZone ? t('fields.timeZoneChange') : t('fields.timeZoneHint')}
                searchable
                required
                allowDeselect={false}
                data={timeZoneOptions()}
                value={draft.timeZone}
                onChange={(timeZone) => timeZone && change({ timeZone })}
                nothingFoundMessage={t('fields.noZone')}
                limit={50}
                error={errorAt(errors, 'timeZone')}
                disabled={disabled}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Autocomplete
                label={t('fields.language')}
                description={t('fields.languageHint')}
                data={PROMPT_LANGUAGES}
                value={draft.language}
                onChange={(language) => change({ language })}
                error={errorAt(errors, 'language')}
                disabled={disabled}
              />
            </Grid.Col>
          </Grid>
        </Section>

        <Section title={t('settings.answering')}>
          <Switch
            label={t('fields.confirmation')}
            description={t('fields.confirmationHint')}
            checked={draft.requireAnswerConfirmation}
            onChange={(e) => change({ requireAnswerConfirmation: e.currentTarget.checked })}
            error={errorAt(errors, 'requireAnswerConfirmation')}
            disabled={disabled}
          />
          <Radio.Group
            label={t('fields.callerId')}
            value={draft.callerIdMode}
            onChange={(mode) => change({ callerIdMode: mode as HotlineDraft['callerIdMode'] })}
            error={errorAt(errors, 'callerIdMode')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="HOTLINE" label={t('fields.callerIdHotline')} disabled={disabled} />
              <Radio value="CALLER" label={t('fields.callerIdCaller')} disabled={disabled} />
            </Stack>
          </Radio.Group>
        </Section>

        <Section title={t('ringing.title')} hint={t('ringing.hint')}>
          <RingingField
            strategies={draft.levelStrategies}
            onChange={(levelStrategies) => {
              change({ levelStrategies });
              setErrors((current) => current.filter((e) => !e.field?.includes('levelStrategies')));
            }}
            errors={errors}
            disabled={disabled}
          />
        </Section>

        <Section title={t('settings.greeting')} hint={t('settings.greetingHint')}>
          <PromptField
            label={t('settings.greeting')}
            value={draft.greeting}
            onChange={(greeting) => change({ greeting })}
            path="greeting"
            errors={errors}
            showLabel={false}
            optional
            defaultLanguage={draft.language}
            disabled={disabled}
          />
        </Section>

        <Section title={t('supervisors.list')} hint={t('supervisors.hint')}>
          <OrderedPeopleField
            value={draft.supervisors}
            people={people}
            onChange={(supervisors) => {
              change({ supervisors });
              setErrors((current) => current.filter((e) => !e.field?.includes('supervisorIds')));
            }}
            namespace="hotlines"
            keyPrefix="supervisors"
            errorAt={(index) => errorAt(errors, `supervisorIds[${index}]`)}
            disabled={disabled}
          />
        </Section>

        <Section title={t('scenario.title')} hint={t('scenario.hint')}>
          <ScenarioField
            steps={draft.scenario}
            onChange={(scenario) => {
              change({ scenario });
              setErrors((current) => current.filter((e) => !e.field?.includes('scenario')));
            }}
            errors={errors}
            defaultLanguage={draft.language}
            disabled={disabled}
          />
        </Section>

        <Section title={t('hours.title')}>
          <ServiceHoursField
            alwaysOpen={draft.alwaysOpen}
            windows={draft.windows}
            onChange={({ alwaysOpen, windows }) => change({ alwaysOpen, windows })}
            timeZone={draft.timeZone}
            errors={errors}
            disabled={disabled}
          />
        </Section>

        <Section title={t('alerts.title')} hint={t('alerts.hint')}>
          <ShiftAlertsField draft={alerts.draft} onChange={alerts.change} errors={errors} disabled={disabled} />
          <ShiftAlertList
            hotlineId={hotline.id}
            timeZone={saved.timeZone}
            personName={(id) => people.find((p) => p.id === id)?.name ?? '?'}
          />
        </Section>

        <CallEntrySection
          draft={callEntry.draft}
          onChange={callEntry.change}
          hotlineNumber={saved.number}
          hotlines={otherHotlines}
          timeZone={saved.timeZone}
          language={saved.language}
          errors={entryErrors}
          disabled={disabled}
        />

        {canEdit && (
          <Section title={t('settings.danger')}>
            {confirmingDelete ? (
              <DeleteConfirmation
                question={t('settings.deleteQuestion', { name: hotline.name })}
                confirmLabel={t('settings.delete')}
                busy={deleted.fetching}
                onConfirm={remove}
                onCancel={() => setConfirmingDelete(false)}
              />
            ) : (
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Text size="sm">{t('settings.deleteHint')}</Text>
                <Button color="red" variant="outline" onClick={() => setConfirmingDelete(true)}>
                  {t('settings.delete')}
                </Button>
              </Group>
            )}
            {deleted.error && (
              <Alert color="red" role="alert">
                {deleted.error.graphQLErrors[0]?.message ?? deleted.error.message}
              </Alert>
            )}
          </Section>
        )}
      </Stack>

      {canEdit && (
        <SaveBar
          general={general}
          hasErrors={errors.length + entryErrors.length > 0}
          dirty={dirty}
          saving={saving}
          onRevert={revert}
        />
      )}
    </Box>
  );
}
