import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { FieldError } from '../../lib/errors';

interface SaveBarProps {
  /** The refusals naming no field the form shows. */
  readonly general: readonly FieldError[];
  readonly hasErrors: boolean;
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly onRevert: () => void;
}

/** The settings' sticky bar: refusals without a field, unsaved badge, undo and save. */
export function SaveBar({ general, hasErrors, dirty, saving, onRevert }: SaveBarProps) {
  const { t } = useTranslation('hotlines');
  return (
    <Paper withBorder shadow="sm" p="sm" pos="sticky" bottom={8} mt="md" style={{ zIndex: 3 }}>
      <Stack gap="xs">
        {general.map((e) => (
          <Alert key={`${e.field}:${e.message}`} color="red" role="alert" p="xs">
            {e.message}
          </Alert>
        ))}
        {hasErrors && general.length === 0 && (
          <Text c="red" size="sm" role="alert">
            {t('settings.fixErrors')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          {dirty && (
            <Badge variant="light" color="yellow" visibleFrom="sm">
              {t('settings.unsaved')}
            </Badge>
          )}
          <Button variant="default" disabled={!dirty} onClick={onRevert}>
            {t('settings.revert')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
