import { useTranslation } from 'react-i18next';
import { Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { errorAt, type FieldError } from '../../lib/errors';
import { newKey } from './draft';
import { newRule, type CallEntryDraft, type RuleDraft } from './call-entry-draft';
import { AddButton, RemoveButton, SubHeading } from './EntryParts';
import { EntryTargetSelect, type OtherHotline } from './EntryTargetSelect';
import { ServiceHoursField } from './ServiceHoursField';

interface EntryRulesFieldProps {
  readonly draft: CallEntryDraft;
  readonly onChange: (patch: Partial<CallEntryDraft>) => void;
  readonly hotlineNumber: string;
  readonly hotlines: readonly OtherHotline[];
  readonly timeZone: string;
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
}

const ANY = 'ANY';

/** Extra public numbers, and rules choosing the way by number dialled and weekly hours. */
export function EntryRulesField({
  draft,
  onChange,
  hotlineNumber,
  hotlines,
  timeZone,
  errors,
  disabled,
}: EntryRulesFieldProps) {
  const { t } = useTranslation('hotlines');
  const numbers = draft.extraNumbers;
  const patchRule = (index: number, patch: Partial<RuleDraft>) =>
    onChange({ rules: draft.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const dialledOptions = [
    { value: ANY, label: t('entry.anyNumber') },
    ...[hotlineNumber, ...numbers.map((n) => n.number.trim())]
      .filter((n, i, all) => n !== '' && all.indexOf(n) === i)
      .map((n) => ({ value: n, label: n })),
  ];
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <SubHeading title={t('entry.extraNumbers')} hint={t('entry.extraNumbersHint')} />
        {numbers.map((row, index) => (
          <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={t('entry.extraNumber', { n: index + 1 })}
              type="tel"
              placeholder="+33184800001"
              value={row.number}
              onChange={(e) => {
                const number = e.currentTarget.value;
                onChange({ extraNumbers: numbers.map((n, i) => (i === index ? { ...n, number } : n)) });
              }}
              error={errorAt(errors, `extraNumbers[${index}]`)}
              disabled={disabled}
              style={{ flex: 1, maxWidth: 320 }}
            />
            {!disabled && (
              <RemoveButton
                label={t('entry.removeNumber', { n: index + 1 })}
                onClick={() => onChange({ extraNumbers: numbers.filter((_, i) => i !== index) })}
              />
            )}
          </Group>
        ))}
        {!disabled && (
          <AddButton
            label={t('entry.addNumber')}
            onClick={() => onChange({ extraNumbers: [...numbers, { key: newKey(), number: '' }] })}
          />
        )}
      </Stack>

      <Stack gap={6}>
        <SubHeading title={t('entry.rules')} hint={t('entry.rulesHint')} />
        {draft.rules.map((rule, index) => (
          <Paper key={rule.key} withBorder p="xs" role="group" aria-label={t('entry.rule', { n: index + 1 })}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {t('entry.rule', { n: index + 1 })}
                </Text>
                {!disabled && (
                  <RemoveButton
                    label={t('entry.removeRule', { n: index + 1 })}
                    onClick={() => onChange({ rules: draft.rules.filter((_, i) => i !== index) })}
                  />
                )}
              </Group>
              <Select
                label={t('entry.dialled')}
                data={dialledOptions}
                value={rule.dialled || ANY}
                onChange={(dialled) => patchRule(index, { dialled: !dialled || dialled === ANY ? '' : dialled })}
                allowDeselect={false}
                error={errorAt(errors, `rules[${index}].dialled`)}
                disabled={disabled}
              />
              <ServiceHoursField
                alwaysOpen={rule.anyTime}
                windows={rule.windows}
                onChange={({ alwaysOpen, windows }) => patchRule(index, { anyTime: alwaysOpen, windows })}
                timeZone={timeZone}
                errors={errors}
                disabled={disabled}
                path={`rules[${index}].hours`}
                texts={{ mode: t('entry.hoursMode'), always: t('entry.anyTime') }}
              />
              <EntryTargetSelect
                label={t('entry.target')}
                value={rule.target}
                onChange={(target) => patchRule(index, { target })}
                hotlines={hotlines}
                withFront
                path={`rules[${index}].target`}
                errors={errors}
                disabled={disabled}
              />
            </Stack>
          </Paper>
        ))}
        {!disabled && (
          <AddButton label={t('entry.addRule')} onClick={() => onChange({ rules: [...draft.rules, newRule()] })} />
        )}
      </Stack>
    </Stack>
  );
}
