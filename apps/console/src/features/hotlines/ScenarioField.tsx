import { useTranslation } from 'react-i18next';
import { ActionIcon, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { SortableList, useSortableLabels } from '../../components/SortableList';
import { errorAt, type FieldError } from '../../lib/errors';
import type { NoAnswerStepKind } from '../../gql/graphql';
import { emptyPrompt, newKey, type StepDraft } from './draft';
import { PromptField } from './PromptField';

const KINDS: readonly NoAnswerStepKind[] = ['SUPERVISORS', 'VOICEMAIL', 'MESSAGE'];

interface ScenarioFieldProps {
  readonly steps: StepDraft[];
  readonly onChange: (next: StepDraft[]) => void;
  readonly errors: readonly FieldError[];
  readonly defaultLanguage: string;
  readonly disabled: boolean;
}

/** What happens, in order, once nobody on duty answered: ring the supervisors, record a voicemail, or play a message. */
export function ScenarioField({ steps, onChange, errors, defaultLanguage, disabled }: ScenarioFieldProps) {
  const { t } = useTranslation('hotlines');
  const labels = useSortableLabels('hotlines');
  const patch = (index: number, next: Partial<StepDraft>) =>
    onChange(steps.map((s, i) => (i === index ? { ...s, ...next } : s)));
  const kindName = (kind: NoAnswerStepKind) => t(`scenario.kinds.${kind}`);
  return (
    <Stack gap="xs">
      {errorAt(errors, 'scenario') && (
        <Text c="red" size="sm" role="alert">
          {errorAt(errors, 'scenario')}
        </Text>
      )}
      <SortableList
        items={steps}
        getId={(s) => s.key}
        nameOf={(s) => kindName(s.kind)}
        onReorder={onChange}
        labels={labels}
        label={t('scenario.title')}
        disabled={disabled}
        controls="rail"
        renderItem={(step, index) => (
          <Paper
            withBorder
            p="xs"
            role="group"
            aria-label={t('scenario.step', { n: index + 1, kind: kindName(step.kind) })}
          >
            <Stack gap="xs">
              <Group justify="space-between" align="flex-end" wrap="nowrap">
                <Select
                  label={t('scenario.stepLabel', { n: index + 1 })}
                  data={KINDS.map((kind) => ({ value: kind, label: kindName(kind) }))}
                  value={step.kind}
                  allowDeselect={false}
                  onChange={(kind) =>
                    kind &&
                    patch(index, {
                      kind: kind as NoAnswerStepKind,
                      prompt: kind === 'MESSAGE' && step.prompt.mode === 'none' ? emptyPrompt('text') : step.prompt,
                    })
                  }
                  error={errorAt(errors, `scenario[${index}].kind`)}
                  disabled={disabled}
                  maw={260}
                  style={{ flex: 1 }}
                />
                {!disabled && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('scenario.remove', { n: index + 1 })}
                    onClick={() => onChange(steps.filter((_, i) => i !== index))}
                  >
                    <span aria-hidden>✕</span>
                  </ActionIcon>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {t(`scenario.hints.${step.kind}`)}
              </Text>
              {step.kind !== 'SUPERVISORS' && (
                <PromptField
                  label={
                    step.kind === 'MESSAGE'
                      ? t('scenario.message', { n: index + 1 })
                      : t('scenario.voicemailGreeting', { n: index + 1 })
                  }
                  value={step.prompt}
                  onChange={(prompt) => patch(index, { prompt })}
                  path={step.kind === 'MESSAGE' ? `scenario[${index}].message` : `scenario[${index}].greeting`}
                  errors={errors}
                  optional={step.kind === 'VOICEMAIL'}
                  defaultLanguage={defaultLanguage}
                  disabled={disabled}
                />
              )}
            </Stack>
          </Paper>
        )}
      />
      {!disabled && (
        <Button
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            onChange([
              ...steps,
              {
                key: newKey(),
                kind: steps.some((s) => s.kind === 'SUPERVISORS') ? 'VOICEMAIL' : 'SUPERVISORS',
                prompt: emptyPrompt(),
              },
            ])
          }
        >
          {t('scenario.add')}
        </Button>
      )}
    </Stack>
  );
}
