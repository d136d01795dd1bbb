import { useTranslation } from 'react-i18next';
import { Grid, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { errorAt, type FieldError } from '../../lib/errors';
import { newChoice, newMatch, type ChoiceDraft, type FrontDraft, type MatchDraft } from './call-entry-draft';
import { EntryTargetSelect, type OtherHotline } from './EntryTargetSelect';
import { AddButton, SubHeading, TargetAndRemove, type TargetProps } from './EntryParts';
import { PromptField } from './PromptField';

interface EntryFrontFieldProps {
  readonly front: FrontDraft;
  readonly onChange: (front: FrontDraft) => void;
  readonly hotlines: readonly OtherHotline[];
  readonly language: string;
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
}

/** Nothing, a menu ("press 1 for …") or a number to key (prefixes and ranges), with its default. */
export function EntryFrontField({ front, onChange, hotlines, language, errors, disabled }: EntryFrontFieldProps) {
  const { t } = useTranslation('hotlines');
  const patch = (next: Partial<FrontDraft>) => onChange({ ...front, ...next });
  const patchChoice = (index: number, next: Partial<ChoiceDraft>) =>
    patch({ choices: front.choices.map((c, i) => (i === index ? { ...c, ...next } : c)) });
  const patchMatch = (index: number, next: Partial<MatchDraft>) =>
    patch({ matches: front.matches.map((m, i) => (i === index ? { ...m, ...next } : m)) });
  const targetProps = { hotlines, errors, disabled };
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text fw={600} size="sm" id="entry-front-kind">
          {t('entry.front')}
        </Text>
        <SegmentedControl
          aria-labelledby="entry-front-kind"
          value={front.kind}
          onChange={(kind) =>
            patch({
              kind: kind as FrontDraft['kind'],
              choices: kind === 'MENU' && front.choices.length === 0 ? [newChoice('1')] : front.choices,
              matches: kind === 'KEYED' && front.matches.length === 0 ? [newMatch()] : front.matches,
            })
          }
          data={(['NONE', 'MENU', 'KEYED'] as const).map((kind) => ({
            value: kind,
            label: t(`entry.frontKinds.${kind}`),
          }))}
          disabled={disabled}
          style={{ alignSelf: 'flex-start' }}
        />
        {errorAt(errors, 'front') && (
          <Text size="xs" c="red">
            {errorAt(errors, 'front')}
          </Text>
        )}
      </Stack>
      {front.kind !== 'NONE' && (
        <>
          <PromptField
            label={t('entry.prompt')}
            value={front.prompt}
            onChange={(prompt) => patch({ prompt })}
            path="front.prompt"
            errors={errors}
            optional={false}
            defaultLanguage={language}
            disabled={disabled}
          />
          {front.kind === 'MENU' && (
            <Stack gap="xs" role="group" aria-label={t('entry.choices')}>
              <SubHeading title={t('entry.choices')} />
              {errorAt(errors, 'front.choices') && (
                <Text size="xs" c="red">
                  {errorAt(errors, 'front.choices')}
                </Text>
              )}
              {front.choices.map((choice, index) => (
                <Paper key={choice.key} withBorder p="xs" role="group" aria-label={t('entry.choice', { n: index + 1 })}>
                  <Grid gap="xs" align="flex-end">
                    <Grid.Col span={{ base: 3, sm: 2 }}>
                      <TextInput
                        label={t('entry.key')}
                        inputMode="numeric"
                        maxLength={1}
                        value={choice.digit}
                        onChange={(e) => patchChoice(index, { digit: e.currentTarget.value })}
                        error={errorAt(errors, `front.choices[${index}].key`)}
                        disabled={disabled}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 9, sm: 5 }}>
                      <TextInput
                        label={t('entry.label')}
                        value={choice.label}
                        onChange={(e) => patchChoice(index, { label: e.currentTarget.value })}
                        error={errorAt(errors, `front.choices[${index}].label`)}
                        disabled={disabled}
                      />
                    </Grid.Col>
                    <TargetAndRemove
                      label={t('entry.target')}
                      value={choice.target}
                      onChange={(target) => patchChoice(index, { target })}
                      path={`front.choices[${index}].target`}
                      removeLabel={t('entry.removeChoice', { n: index + 1 })}
                      onRemove={() => patch({ choices: front.choices.filter((_, i) => i !== index) })}
                      {...targetProps}
                    />
                  </Grid>
                </Paper>
              ))}
              {!disabled && (
                <AddButton
                  label={t('entry.addChoice')}
                  onClick={() => patch({ choices: [...front.choices, newChoice(String(front.choices.length + 1))] })}
                />
              )}
            </Stack>
          )}
          {front.kind === 'KEYED' && (
            <KeyedMatches front={front} patch={patch} patchMatch={patchMatch} targetProps={targetProps} />
          )}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <EntryTargetSelect
                label={t('entry.defaultTarget')}
                value={front.defaultTarget}
                onChange={(defaultTarget) => patch({ defaultTarget })}
                path="front.defaultTarget"
                {...targetProps}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('entry.timeout')}
                value={front.timeoutSeconds}
                onChange={(timeoutSeconds) => patch({ timeoutSeconds })}
                min={1}
                max={10}
                clampBehavior="none"
                allowDecimal={false}
                allowNegative={false}
                error={errorAt(errors, 'front.timeoutSeconds')}
                disabled={disabled}
              />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

interface KeyedMatchesProps {
  readonly front: FrontDraft;
  readonly patch: (next: Partial<FrontDraft>) => void;
  readonly patchMatch: (index: number, next: Partial<MatchDraft>) => void;
  readonly targetProps: TargetProps;
}

/** The keyed number's length and its prefixes or ranges, each leading somewhere. */
function KeyedMatches({ front, patch, patchMatch, targetProps }: KeyedMatchesProps) {
  const { t } = useTranslation('hotlines');
  const { errors, disabled } = targetProps;
  const digitsInput = (index: number, field: 'prefix' | 'from' | 'to') => (
    <TextInput
      label={t(`entry.${field}`)}
      inputMode="numeric"
      value={front.matches[index][field]}
      onChange={(e) => patchMatch(index, { [field]: e.currentTarget.value })}
      error={errorAt(errors, `front.matches[${index}].${field}`)}
      disabled={disabled}
    />
  );
  return (
    <Stack gap="xs" role="group" aria-label={t('entry.matches')}>
      <NumberInput
        label={t('entry.maxDigits')}
        value={front.maxDigits}
        onChange={(maxDigits) => patch({ maxDigits })}
        min={1}
        max={20}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        maw={200}
        error={errorAt(errors, 'front.maxDigits')}
        disabled={disabled}
      />
      <SubHeading title={t('entry.matches')} />
      {errorAt(errors, 'front.matches') && (
        <Text size="xs" c="red">
          {errorAt(errors, 'front.matches')}
        </Text>
      )}
      {front.matches.map((match, index) => (
        <Paper key={match.key} withBorder p="xs" role="group" aria-label={t('entry.match', { n: index + 1 })}>
          <Grid gap="xs" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <SegmentedControl
                aria-label={t('entry.matchMode')}
                size="xs"
                value={match.mode}
                onChange={(mode) => patchMatch(index, { mode: mode as MatchDraft['mode'] })}
                data={[
                  { value: 'prefix', label: t('entry.prefix') },
                  { value: 'range', label: t('entry.range') },
                ]}
                disabled={disabled}
              />
            </Grid.Col>
            {match.mode === 'prefix' ? (
              <Grid.Col span={{ base: 12, sm: 4 }}>{digitsInput(index, 'prefix')}</Grid.Col>
            ) : (
              <>
                <Grid.Col span={{ base: 6, sm: 2 }}>{digitsInput(index, 'from')}</Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>{digitsInput(index, 'to')}</Grid.Col>
              </>
            )}
            <TargetAndRemove
              label={t('entry.target')}
              value={match.target}
              onChange={(target) => patchMatch(index, { target })}
              path={`front.matches[${index}].target`}
              removeLabel={t('entry.removeMatch', { n: index + 1 })}
              onRemove={() => patch({ matches: front.matches.filter((_, i) => i !== index) })}
              {...targetProps}
            />
          </Grid>
        </Paper>
      ))}
      {!disabled && (
        <AddButton label={t('entry.addMatch')} onClick={() => patch({ matches: [...front.matches, newMatch()] })} />
      )}
    </Stack>
  );
}
