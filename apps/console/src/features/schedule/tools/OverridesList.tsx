import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { Alert, Badge, Box, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ToolOverrideFragment } from '../../../gql/graphql';
import { fieldErrors } from '../../../lib/errors';
import { ON_CALL_CONTEXT, ToolsEndOverrideDocument, ToolsOverridesDocument } from './documents';
import { assigneeColour, assigneeName } from './names';
import { formatInstantRange, localToInstant } from './time';
import { ToolSection } from './ToolSection';
import type { ScheduleToolProps } from './types';
import { useNow } from './use-now';

/** `Julie Moreau (level 1)` or `Julie Moreau (whole list)`. */
function whoText(
  override: ToolOverrideFragment,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const names = override.assignees.map(assigneeName).join(', ');
  return override.level === null || override.level === undefined
    ? t('overrides.whole', { names })
    : t('overrides.atLevel', { names, level: override.level + 1 });
}

/**
 * The overrides in force or ahead within the visible range, made last first (the one that wins), each
 * with "End now" (one not begun yet is removed) → `endOverride`.
 */
export function OverridesList({ hotlineId, timeZone, range, version, canEdit, onChanged }: ScheduleToolProps) {
  const { t, i18n } = useTranslation('scheduleTools');
  useNow(); // a render a minute at least, so what is over leaves the list
  const now = DateTime.now();
  const from = localToInstant(range.from, timeZone) ?? '';
  const to = localToInstant(range.to, timeZone) ?? '';
  const [{ data, error }, reload] = useQuery({
    query: ToolsOverridesDocument,
    variables: { hotlineId, from, to },
    pause: !from || !to,
    context: ON_CALL_CONTEXT,
  });
  const [ending, endOverride] = useMutation(ToolsEndOverrideDocument);
  const [endingId, setEndingId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    reload({ requestPolicy: 'network-only' });
  }, [version, reload]);

  const live = (data?.overrides ?? []).filter((o) => DateTime.fromISO(o.end) > now).reverse();

  async function end(override: ToolOverrideFragment) {
    setEndingId(override.id);
    const answer = await endOverride({ input: { hotlineId, id: override.id } });
    setEndingId(null);
    const errors = fieldErrors(answer.error);
    setRefusal(errors[0]?.message ?? null);
    if (answer.data) {
      notifications.show({
        color: 'green',
        message: answer.data.endOverride.override ? t('overrides.ended') : t('overrides.removed'),
      });
      onChanged();
      reload({ requestPolicy: 'network-only' });
    }
  }

  return (
    <ToolSection title={t('overrides.title')}>
      {error && <Alert color="red">{fieldErrors(error)[0]?.message}</Alert>}
      {refusal && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setRefusal(null)} closeButtonLabel={t('close')}>
          {refusal}
        </Alert>
      )}
      {data && live.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('overrides.none')}
        </Text>
      )}
      <Box component="ul" aria-label={t('overrides.title')} m={0} p={0} style={{ listStyle: 'none' }}>
        {live.map((o) => {
          const inForce = DateTime.fromISO(o.start) <= now;
          const when = formatInstantRange(o, timeZone, i18n.language);
          const who = whoText(o, t);
          const name = `${who}, ${when}${o.reason ? `, ${o.reason}` : ''}`;
          return (
            <Box
              component="li"
              key={o.id}
              aria-label={name}
              py={6}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Box
                  style={{
                    borderLeft: `4px solid ${assigneeColour(o.assignees[0]) ?? 'gray'}`,
                    paddingLeft: 8,
                    minWidth: 0,
                  }}
                >
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {who}
                    </Text>
                    <Badge size="xs" variant="light" color={inForce ? 'teal' : 'gray'}>
                      {inForce ? t('overrides.inForce') : t('overrides.ahead')}
                    </Badge>
                  </Group>
                  <Text size="xs">{when}</Text>
                  {o.reason && (
                    <Text size="xs" c="dimmed">
                      {o.reason}
                    </Text>
                  )}
                </Box>
                {canEdit && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    loading={ending.fetching && endingId === o.id}
                    onClick={() => void end(o)}
                    aria-label={`${inForce ? t('overrides.endNow') : t('overrides.cancel')}: ${name}`}
                  >
                    {inForce ? t('overrides.endNow') : t('overrides.cancel')}
                  </Button>
                )}
              </Group>
            </Box>
          );
        })}
      </Box>
      <Text size="xs" c="dimmed">
        {t('zoneNote', { zone: timeZone })}
      </Text>
    </ToolSection>
  );
}
