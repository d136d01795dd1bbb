import { useTranslation } from 'react-i18next';
import { Autocomplete, Input, SegmentedControl, Stack, TextInput, Textarea } from '@mantine/core';
import { errorAt, type FieldError } from '../../lib/errors';
import type { PromptDraft } from './draft';
import { PROMPT_LANGUAGES } from './zones';

interface PromptFieldProps {
  /** e.g. "Greeting"; names the group and prefixes its inputs' names. */
  readonly label: string;
  readonly value: PromptDraft;
  readonly onChange: (next: PromptDraft) => void;
  /** The API's path of this prompt, e.g. `greeting` or `scenario[1].message`. */
  readonly path: string;
  readonly errors: readonly FieldError[];
  /** False for a prompt that must be given (a MESSAGE step's message). */
  readonly optional: boolean;
  /** The hotline's language, used when a text names none. */
  readonly defaultLanguage: string;
  readonly disabled: boolean;
  /** False where a heading above already says what this is (the label still names the inputs). */
  readonly showLabel?: boolean;
}

/** Something played to the caller: nothing (when optional), a text spoken in a language, or an audio file. */
export function PromptField({
  label,
  value,
  onChange,
  path,
  errors,
  optional,
  defaultLanguage,
  disabled,
  showLabel = true,
}: PromptFieldProps) {
  const { t } = useTranslation('hotlines');
  const modes = [...(optional ? (['none'] as const) : []), 'text', 'audio'] as const;
  const mode = !optional && value.mode === 'none' ? 'text' : value.mode;
  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Input.Wrapper label={showLabel ? label : undefined} error={errorAt(errors, path)}>
        <div>
          <SegmentedControl
            size="xs"
            aria-label={t('prompt.kind', { label })}
            value={mode}
            onChange={(next) => onChange({ ...value, mode: next as PromptDraft['mode'] })}
            data={modes.map((m) => ({ value: m, label: t(`prompt.${m}`) }))}
            disabled={disabled}
          />
        </div>
      </Input.Wrapper>
      {mode === 'text' && (
        <>
          <Textarea
            label={t('prompt.text')}
            aria-label={t('prompt.textOf', { label })}
            autosize
            minRows={2}
            maxLength={1500}
            value={value.text}
            onChange={(e) => onChange({ ...value, mode, text: e.currentTarget.value })}
            error={errorAt(errors, `${path}.text`)}
            disabled={disabled}
          />
          <Autocomplete
            label={t('prompt.language')}
            aria-label={t('prompt.languageOf', { label })}
            placeholder={defaultLanguage}
            description={t('prompt.languageHint', { language: defaultLanguage })}
            data={PROMPT_LANGUAGES}
            value={value.language}
            onChange={(language) => onChange({ ...value, mode, language })}
            error={errorAt(errors, `${path}.language`)}
            disabled={disabled}
            maw={260}
          />
        </>
      )}
      {mode === 'audio' && (
        <TextInput
          label={t('prompt.audioUrl')}
          aria-label={t('prompt.audioUrlOf', { label })}
          type="url"
          placeholder="https://…"
          value={value.audioUrl}
          onChange={(e) => onChange({ ...value, mode, audioUrl: e.currentTarget.value })}
          error={errorAt(errors, `${path}.audioUrl`)}
          disabled={disabled}
        />
      )}
    </Stack>
  );
}
