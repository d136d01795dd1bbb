import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { Alert, Badge, Box, Button, Group, Loader, SimpleGrid, Text } from '@mantine/core';
import type { ToolsCallPlanQuery } from '../../../gql/graphql';
import { fieldErrors } from '../../../lib/errors';
import { DateField, TimeField } from './DateInputs';
import { ToolsCallPlanDocument, ToolsDirectoryDocument } from './documents';
import { readableNumber } from './names';
import { dateAndTimeToInstant, formatInstant, instantToDateAndTime } from './time';
import { ToolSection } from './ToolSection';
import type { ScheduleToolProps } from './types';

type CallStep = ToolsCallPlanQuery['callPlan']['steps'][number];

/** `1. Hugo Durand (level 1), mobile +33 6 78 90 12 04, 20 s`, `4. Voicemail`, … (the step's accessible name). */
export function stepText(step: CallStep, position: number, teamName: (id: string) => string | undefined, t: TFunction<'scheduleTools'>): string {
  const n = `${position}.`;
  if (step.kind === 'VOICEMAIL') return step.greeting?.text ? t('callPath.voicemailSaying', { n, text: step.greeting.text }) : t('callPath.voicemail', { n });
  if (step.kind === 'MESSAGE') return step.message?.text ? t('callPath.messageSaying', { n, text: step.message.text }) : t('callPath.message', { n });
  const role =
    step.via === 'SUPERVISOR'
      ? t('callPath.supervisor')
      : step.teamId && teamName(step.teamId)
        ? t('callPath.levelInTeam', { level: (step.level ?? 0) + 1, team: teamName(step.teamId) })
        : t('callPath.level', { level: (step.level ?? 0) + 1 });
  const number = [step.label, step.number ? readableNumber(step.number) : null].filter(Boolean).join(' ');
  return t('callPath.dial', { n, name: step.personName ?? '?', role, number, seconds: step.ringTimeoutSeconds ?? 0 });
}

/**
 * The call-path preview: pick an instant on the hotline's clock (now by default) and see, in order, who
 * would be rung on which number with which ring timeout, then the supervisors, then the no-answer
 * scenario — the server's `callPlan` for that instant, not a guess made here.
 */
export function CallPathPreview({ hotlineId, timeZone, version }: Pick<ScheduleToolProps, 'hotlineId' | 'timeZone' | 'version'>) {
  const { t, i18n } = useTranslation('scheduleTools');
  const [at, setAt] = useState<{ date: string; time: string } | null>(null);
  const [{ data: directory }] = useQuery({ query: ToolsDirectoryDocument });
  const instant = at ? dateAndTimeToInstant(at.date, at.time, timeZone) : null;
  const [{ data, error, fetching }, reload] = useQuery({ query: ToolsCallPlanDocument, variables: { hotlineId, at: instant }, pause: at !== null && instant === null });
  useEffect(() => {
    reload({ requestPolicy: 'network-only' });
  }, [version, reload]);

  const shown = at ?? instantToDateAndTime(DateTime.now(), timeZone);
  const teamName = (id: string) => directory?.teams.edges.find((e) => e.node.id === id)?.node.name;
  const plan = data?.callPlan;
  const badge = (step: CallStep) =>
    step.kind !== 'DIAL' ? { text: t('callPath.scenario'), color: 'gray' } : step.via === 'SUPERVISOR' ? { text: t('callPath.supervisorBadge'), color: 'orange' } : { text: t('callPath.levelBadge', { level: (step.level ?? 0) + 1 }), color: 'indigo' };

  return (
    <ToolSection title={t('callPath.title')} aside={fetching && <Loader size="xs" aria-label={t('common:loading')} />}>
      <SimpleGrid cols={2} spacing="xs">
        <DateField label={t('callPath.date')} value={shown.date} onChange={(date) => setAt({ ...shown, date })} />
        <TimeField label={t('callPath.time')} value={shown.time} onChange={(time) => setAt({ ...shown, time })} />
      </SimpleGrid>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {at === null ? t('callPath.now', { zone: timeZone }) : t('zoneNote', { zone: timeZone })}
        </Text>
        {at !== null && (
          <Button size="compact-xs" variant="subtle" onClick={() => setAt(null)}>
            {t('callPath.backToNow')}
          </Button>
        )}
      </Group>
      {at !== null && instant === null && <Text size="xs" c="red">{t('callPath.badInstant')}</Text>}
      {error && <Alert color="red">{fieldErrors(error)[0]?.message}</Alert>}
      {plan && (
        <>
          <Text size="xs">
            {t('callPath.callAt', { at: formatInstant(plan.at, timeZone, i18n.language), zone: timeZone })}
            {plan.overrideIds.length > 0 && ` · ${t('callPath.overridesInForce', { count: plan.overrideIds.length })}`}
          </Text>
          {plan.greeting?.text && (
            <Text size="xs" c="dimmed" fs="italic">
              {t('callPath.greeting', { text: plan.greeting.text })}
            </Text>
          )}
          <Box component="ol" role="list" aria-label={t('callPath.list')} m={0} p={0} style={{ listStyle: 'none' }}>
            {plan.steps.map((step, index) => {
              const name = stepText(step, index + 1, teamName, t);
              const b = badge(step);
              return (
                <Box component="li" role="listitem" key={index} aria-label={name} py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="xs" variant="light" color={b.color} style={{ flex: 'none', marginTop: 2 }}>
                      {b.text}
                    </Badge>
                    <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {name}
                    </Text>
                  </Group>
                </Box>
              );
            })}
          </Box>
          {plan.requireAnswerConfirmation && (
            <Text size="xs" c="dimmed">
              {t('callPath.pressOne')}
            </Text>
          )}
        </>
      )}
    </ToolSection>
  );
}
