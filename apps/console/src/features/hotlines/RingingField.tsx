import { useTranslation } from 'react-i18next';
import { Box, Button, Group, Radio, Stack, Text } from '@mantine/core';
import type { RingingStrategy } from '../../gql/graphql';
import { errorAt, type FieldError } from '../../lib/errors';

const STRATEGIES: readonly RingingStrategy[] = ['IN_ORDER', 'BALANCED', 'ALL_AT_ONCE'];
const MAX_LEVELS = 10;

interface RingingFieldProps {
  readonly strategies: readonly RingingStrategy[];
  readonly onChange: (strategies: RingingStrategy[]) => void;
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
}

/** One choice per on-call level: in order, balanced or all at once, each explained in a line. */
export function RingingField({ strategies, onChange, errors, disabled }: RingingFieldProps) {
  const { t } = useTranslation('hotlines');
  const set = (level: number, strategy: RingingStrategy) =>
    onChange(strategies.map((current, i) => (i === level ? strategy : current)));
  return (
    <Stack gap="sm">
      <Box component="dl" m={0} aria-label={t('ringing.legend')}>
        {STRATEGIES.map((value) => (
          <Text key={value} size="sm" component="div" lh={1.45}>
            <Text span fw={600} component="dt" display="inline">
              {t(`ringing.strategies.${value}`)}
            </Text>
            {': '}
            <Text span c="dimmed" component="dd" display="inline" m={0}>
              {t(`ringing.hints.${value}`)}
            </Text>
          </Text>
        ))}
      </Box>
      {strategies.map((strategy, level) => (
        <Radio.Group
          key={level}
          label={t('ringing.level', { n: level + 1 })}
          value={strategy}
          onChange={(value) => set(level, value as RingingStrategy)}
          error={errorAt(errors, `levelStrategies[${level}]`)}
        >
          <Group gap="lg" mt={6}>
            {STRATEGIES.map((value) => (
              <Radio key={value} value={value} label={t(`ringing.strategies.${value}`)} disabled={disabled} />
            ))}
          </Group>
        </Radio.Group>
      ))}
      {!disabled && strategies.length < MAX_LEVELS && (
        <Group>
          <Button variant="light" size="xs" onClick={() => onChange([...strategies, 'IN_ORDER'])}>
            {t('ringing.addLevel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
