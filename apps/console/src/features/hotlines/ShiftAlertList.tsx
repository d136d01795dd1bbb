import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { Box, Stack, Text, Title } from '@mantine/core';
import type { ShiftAlertsQuery } from '../../gql/graphql';
import { fieldErrors } from '../../lib/errors';
import { ShiftAlertsDocument } from './documents';

type ShiftAlert = ShiftAlertsQuery['shiftAlerts'][number];

const DAYS_BACK = 7;
const DAYS_AHEAD = 2;

/** `Mon 7 Dec 18:00` on the hotline's clock. */
const at = (instant: string, zone: string, locale: string): string =>
  DateTime.fromISO(instant).setZone(zone).setLocale(locale).toFormat('ccc d LLL HH:mm');

function status(alert: ShiftAlert, t: TFunction<'hotlines'>, when: (instant: string) => string): string {
  if (alert.acknowledgedAt) return t('alerts.acknowledgedAt', { at: when(alert.acknowledgedAt) });
  if (alert.supervisorsToldAt) return t('alerts.supervisorsToldAt', { at: when(alert.supervisorsToldAt) });
  if (!alert.sentAt) return t('alerts.sending');
  const channels = alert.sentBy.map((c) => t(`alerts.channel.${c}`)).join(', ');
  const sent = t('alerts.sentAt', { at: when(alert.sentAt), channels });
  return alert.acknowledgeBy ? `${sent} · ${t('alerts.awaitingBy', { at: when(alert.acknowledgeBy) })}` : sent;
}

/** The alerts of the last week and the next two days, in the hotline's zone (the server's ledger). */
export function ShiftAlertList({
  hotlineId,
  timeZone,
  personName,
}: {
  readonly hotlineId: string;
  readonly timeZone: string;
  readonly personName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation('hotlines');
  const [range] = useState(() => {
    const now = DateTime.now();
    return { from: now.minus({ days: DAYS_BACK }).toISO()!, to: now.plus({ days: DAYS_AHEAD }).toISO()! };
  });
  const [{ data, error }] = useQuery({
    query: ShiftAlertsDocument,
    variables: { hotlineId, ...range },
    requestPolicy: 'cache-and-network',
  });
  const when = (instant: string) => at(instant, timeZone, i18n.language);
  const alerts = data?.shiftAlerts ?? [];
  return (
    <Stack gap={4}>
      <Title order={3} size="h6" id="shift-alert-list">
        {t('alerts.list')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('alerts.listHint', { zone: timeZone })}
      </Text>
      {error && (
        <Text size="sm" c="red">
          {fieldErrors(error)[0]?.message}
        </Text>
      )}
      {data && alerts.length === 0 && <Text size="sm">{t('alerts.none')}</Text>}
      {alerts.length > 0 && (
        <Box component="ul" aria-labelledby="shift-alert-list" m={0} p={0} style={{ listStyle: 'none' }}>
          {alerts.map((alert) => (
            <Box component="li" key={alert.id} py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <Text size="sm" fw={600}>
                {t('alerts.duty', {
                  name: personName(alert.personId),
                  level: alert.level + 1,
                  start: when(alert.dutyStart),
                  end: when(alert.dutyEnd),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {status(alert, t, when)}
              </Text>
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}
