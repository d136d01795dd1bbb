import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Divider, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormErrors } from '../../components/FormErrors';
import { QueryFallback } from '../../components/QueryFallback';
import { fieldErrors, generalErrors, type FieldError } from '../../lib/errors';
import type { CallEntryFieldsFragment } from '../../gql/graphql';
import { callEntryDraft, callEntryInput, type CallEntryDraft } from './call-entry-draft';
import { CallEntryDocument, UpdateCallEntryDocument } from './documents';
import { EntryFrontField } from './EntryFrontField';
import { EntryRulesField } from './EntryRulesField';
import type { OtherHotline } from './EntryTargetSelect';
import { SettingsSection } from './SettingsSection';

interface CallEntrySectionProps {
  readonly hotlineId: string;
  readonly hotlineNumber: string;
  readonly timeZone: string;
  readonly language: string;
  readonly canEdit: boolean;
}

const TARGET_PARTS = ['target', 'target.kind', 'target.hotlineId'];

/** Every input path the section shows an error at. */
function shownFields(draft: CallEntryDraft): string[] {
  const windows = (path: string, count: number) =>
    [
      path,
      ...Array.from({ length: count }, (_, w) => ['days', 'start', 'end'].map((f) => `${path}.windows[${w}].${f}`)),
    ].flat();
  return [
    ...draft.extraNumbers.map((_, i) => `extraNumbers[${i}]`),
    ...draft.rules.flatMap((rule, i) => [
      `rules[${i}].dialled`,
      ...windows(`rules[${i}].hours`, rule.windows.length),
      ...TARGET_PARTS.map((p) => `rules[${i}].${p}`),
    ]),
    'front',
    ...['', '.text', '.language', '.audioUrl'].map((s) => `front.prompt${s}`),
    'front.choices',
    ...draft.front.choices.flatMap((_, i) => ['key', 'label', ...TARGET_PARTS].map((p) => `front.choices[${i}].${p}`)),
    'front.maxDigits',
    'front.matches',
    ...draft.front.matches.flatMap((_, i) =>
      ['prefix', 'from', 'to', ...TARGET_PARTS].map((p) => `front.matches[${i}].${p}`),
    ),
    ...TARGET_PARTS.map((p) => `front.default${p[0].toUpperCase()}${p.slice(1)}`),
    'front.timeoutSeconds',
  ];
}

/** "Menu and routing": extra numbers, rules, and a menu or keyed number before the line (F25), saved on its own. */
export function CallEntrySection(props: CallEntrySectionProps) {
  const { t } = useTranslation('hotlines');
  const [{ data, error }] = useQuery({ query: CallEntryDocument, variables: { hotlineId: props.hotlineId } });
  return (
    <SettingsSection title={t('entry.title')} hint={t('entry.hint')}>
      {data ? (
        <CallEntryForm
          {...props}
          entry={data.callEntry}
          hotlines={data.hotlines.edges.map((e) => e.node).filter((h) => h.id !== props.hotlineId)}
        />
      ) : (
        <QueryFallback error={error} />
      )}
    </SettingsSection>
  );
}

function CallEntryForm({
  hotlineId,
  hotlineNumber,
  timeZone,
  language,
  canEdit,
  entry,
  hotlines,
}: CallEntrySectionProps & { entry: CallEntryFieldsFragment; hotlines: OtherHotline[] }) {
  const { t } = useTranslation('hotlines');
  const [draft, setDraft] = useState<CallEntryDraft>(() => callEntryDraft(entry));
  const [saved, setSaved] = useState(draft);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [updated, updateCallEntry] = useMutation(UpdateCallEntryDocument);
  const disabled = !canEdit;
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const change = (patch: Partial<CallEntryDraft>) => setDraft((current) => ({ ...current, ...patch }));

  async function save() {
    const answer = await updateCallEntry({ input: callEntryInput(hotlineId, draft) });
    if (answer.error) {
      setErrors(fieldErrors(answer.error));
      return;
    }
    setErrors([]);
    setSaved(draft);
    notifications.show({ color: 'green', message: t('entry.saved') });
  }

  return (
    <Stack gap="md">
      <EntryRulesField
        draft={draft}
        onChange={change}
        hotlineNumber={hotlineNumber}
        hotlines={hotlines}
        timeZone={timeZone}
        errors={errors}
        disabled={disabled}
      />
      <Divider />
      <EntryFrontField
        front={draft.front}
        onChange={(front) => change({ front })}
        hotlines={hotlines}
        language={language}
        errors={errors}
        disabled={disabled}
      />
      <FormErrors errors={generalErrors(errors, shownFields(draft))} />
      {canEdit && (
        <Group justify="flex-end" gap="sm">
          {dirty && (
            <Badge variant="light" color="yellow">
              {t('entry.unsaved')}
            </Badge>
          )}
          <Button variant="light" onClick={save} loading={updated.fetching}>
            {t('entry.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
