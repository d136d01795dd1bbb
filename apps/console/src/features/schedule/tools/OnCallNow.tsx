import { useEffect } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Box, Group, Text } from '@mantine/core';
import { ON_CALL_CONTEXT, ToolsOnCallNowDocument } from './documents';
import { assigneeColour, assigneeName } from './names';
import { formatInstant } from './time';
import { ToolSection } from './ToolSection';
import type { ScheduleToolProps } from './types';
import { useNow } from './use-now';

/** Who takes a call right now, level by level (slots and overrides merged by the server), asked again every minute. */
export function OnCallNow({
  hotlineId,
  timeZone,
  version,
}: Pick<ScheduleToolProps, 'hotlineId' | 'timeZone' | 'version'>) {
  const { t, i18n } = useTranslation('scheduleTools');
  const now = useNow();
  const [{ data }, reload] = useQuery({
    query: ToolsOnCallNowDocument,
    variables: { hotlineId },
    context: ON_CALL_CONTEXT,
  });
  useEffect(() => {
    reload({ requestPolicy: 'network-only' });
  }, [now, version, reload]);

  const onCall = data?.onCallNow;
  return (
    <ToolSection
      title={t('onCall.title')}
      aside={
        onCall &&
        onCall.overrideIds.length > 0 && (
          <Badge size="sm" variant="light" color="grape">
            {t('onCall.override')}
          </Badge>
        )
      }
    >
      {onCall && onCall.levels.length === 0 && (
        <Alert color="red" p="xs">
          {t('onCall.nobody')}
        </Alert>
      )}
      {onCall && onCall.levels.length > 0 && (
        <Box component="ol" aria-label={t('onCall.title')} m={0} p={0} style={{ listStyle: 'none' }}>
          {onCall.levels.map((a) => (
            <Box
              component="li"
              key={`${a.level}-${a.id}`}
              aria-label={t('onCall.level', { level: a.level + 1, name: assigneeName(a) })}
            >
              <Group gap={8} wrap="nowrap">
                <Box
                  w={10}
                  h={10}
                  style={{ borderRadius: 3, background: assigneeColour(a) ?? 'gray', flex: 'none' }}
                  aria-hidden
                />
                <Text size="sm">
                  <Text span c="dimmed" inherit>
                    {t('onCall.levelShort', { level: a.level + 1 })}
                  </Text>{' '}
                  <Text span fw={600} inherit>
                    {assigneeName(a)}
                  </Text>
                </Text>
              </Group>
            </Box>
          ))}
        </Box>
      )}
      {onCall?.nextChangeAt && (
        <Text size="xs" c="dimmed">
          {t('onCall.nextChange', { at: formatInstant(onCall.nextChangeAt, timeZone, i18n.language), zone: timeZone })}
        </Text>
      )}
    </ToolSection>
  );
}
