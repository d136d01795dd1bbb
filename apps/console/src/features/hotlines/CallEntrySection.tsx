import { useTranslation } from 'react-i18next';
import { Divider, Stack } from '@mantine/core';
import type { FieldError } from '../../lib/errors';
import type { CallEntryDraft } from './call-entry-draft';
import { EntryFrontField } from './EntryFrontField';
import { EntryRulesField } from './EntryRulesField';
import type { OtherHotline } from './EntryTargetSelect';
import { SettingsSection } from './SettingsSection';

interface CallEntrySectionProps {
  readonly draft: CallEntryDraft;
  readonly onChange: (patch: Partial<CallEntryDraft>) => void;
  readonly hotlineNumber: string;
  /** The hotlines of the account other than this one. */
  readonly hotlines: readonly OtherHotline[];
  readonly timeZone: string;
  readonly language: string;
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
}

const TARGET_PARTS = ['target', 'target.kind', 'target.hotlineId'];

/** Every input path the section shows an error at (the others are shown in the save bar). */
export function callEntryFields(draft: CallEntryDraft): string[] {
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

/** "Menu and routing": extra numbers, rules, and a menu or keyed number before the line (F25), saved by the page's Save. */
export function CallEntrySection({
  draft,
  onChange,
  hotlineNumber,
  hotlines,
  timeZone,
  language,
  errors,
  disabled,
}: CallEntrySectionProps) {
  const { t } = useTranslation('hotlines');
  return (
    <SettingsSection title={t('entry.title')} hint={t('entry.hint')}>
      <Stack gap="md">
        <EntryRulesField
          draft={draft}
          onChange={onChange}
          hotlineNumber={hotlineNumber}
          hotlines={hotlines}
          timeZone={timeZone}
          errors={errors}
          disabled={disabled}
        />
        <Divider />
        <EntryFrontField
          front={draft.front}
          onChange={(front) => onChange({ front })}
          hotlines={hotlines}
          language={language}
          errors={errors}
          disabled={disabled}
        />
      </Stack>
    </SettingsSection>
  );
}
