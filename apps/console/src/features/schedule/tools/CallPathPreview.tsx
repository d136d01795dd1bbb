import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { Alert, Box, Button, Group, Loader, Text, TextInput } from '@mantine/core';
import type { ToolsCallPlanQuery } from '../../../gql/graphql';
import { fieldErrors } from '../../../lib/errors';
import { ON_CALL_CONTEXT, ToolsCallPlanDocument, ToolsDirectoryDocument } from './documents';
import { readableNumber } from './names';
import { dateAndTimeToInstant, formatInstant, instantToDateAndTime } from './time';
import { ToolSection } from './ToolSection';
import type { ScheduleToolProps } from './types';

type CallStep = ToolsCallPlanQuery['callPlan']['steps'][number];

/** A step in words: who (or what), in which role, on which number for how long, or what is said. */
interface StepParts {
  readonly kind: CallStep['kind'];
  readonly title: string;
  readonly role?: string;
  readonly number?: string;
  readonly seconds?: number;
  readonly text?: string;
}

function stepParts(
  step: CallStep,
  teamName: (id: string) => string | undefined,
  t: TFunction<'scheduleTools'>,
): StepParts {
  if (step.kind === 'VOICEMAIL')
    return { kind: step.kind, title: t('callPath.voicemailTitle'), text: step.greeting?.text ?? undefined };
  if (step.kind === 'MESSAGE')
    return { kind: step.kind, title: t('callPath.messageTitle'), text: step.message?.text ?? undefined };
  const team = step.teamId ? teamName(step.teamId) : undefined;
  const level = (step.level ?? 0) + 1;
  const levelRole =
    step.via === 'SUPERVISOR'
      ? t('callPath.supervisor')
      : team
        ? t('callPath.levelInTeam', { level, team })
        : t('callPath.level', { level });
  const role = isGrouped(step) ? `${levelRole}, ${t('callPath.together')}` : levelRole;
  const number = [step.label, step.number ? readableNumber(step.number) : null].filter(Boolean).join(' ');
  return { kind: step.kind, title: step.personName ?? '?', role, number, seconds: step.ringTimeoutSeconds ?? 0 };
}

/** A DIAL of an all-at-once level: it rings with the other steps of its group. */
const isGrouped = (step: CallStep): boolean => step.group !== null && step.group !== undefined;

/** `1. Hugo Durand (level 1), mobile +33 6 78 90 12 04, 20 s`, `6. Voicemail`, … (the step's accessible name). */
function stepText(parts: StepParts, position: number, t: TFunction<'scheduleTools'>): string {
  const n = `${position}.`;
  if (parts.kind === 'VOICEMAIL')
    return parts.text ? t('callPath.voicemailSaying', { n, text: parts.text }) : t('callPath.voicemail', { n });
  if (parts.kind === 'MESSAGE')
    return parts.text ? t('callPath.messageSaying', { n, text: parts.text }) : t('callPath.message', { n });
  return t('callPath.dial', { n, name: parts.title, role: parts.role, number: parts.number, seconds: parts.seconds });
}

/**
 * The call-path preview: pick an instant on the hotline's clock (now by default) and see, in order, who
 * would be rung on which number with which ring timeout, then the supervisors, then the no-answer
 * scenario — the server's `callPlan` for that instant, not a guess made here.
 */
export function CallPathPreview({
  hotlineId,
  timeZone,
  version,
}: Pick<ScheduleToolProps, 'hotlineId' | 'timeZone' | 'version'>) {
  const { t, i18n } = useTranslation('scheduleTools');
  const [at, setAt] = useState<{ date: string; time: string } | null>(null);
  const [{ data: directory }] = useQuery({ query: ToolsDirectoryDocument });
  const instant = at ? dateAndTimeToInstant(at.date, at.time, timeZone) : null;
  const [{ data, error, fetching }, reload] = useQuery({
    query: ToolsCallPlanDocument,
    variables: { hotlineId, at: instant },
    pause: at !== null && instant === null,
    context: ON_CALL_CONTEXT,
  });
  useEffect(() => {
    reload({ requestPolicy: 'network-only' });
  }, [version, reload]);

  const shown = at ?? instantToDateAndTime(DateTime.now(), timeZone);
  const teamName = (id: string) => directory?.teams.edges.find((e) => e.node.id === id)?.node.name;
  const plan = data?.callPlan;

  return (
    <ToolSection title={t('callPath.title')} aside={fetching && <Loader size="xs" aria-label={t('common:loading')} />}>
      <TextInput
        type="datetime-local"
        label={t('callPath.at')}
        value={`${shown.date}T${shown.time}`}
        onChange={(e) => {
          const [date = '', time = ''] = e.currentTarget.value.split('T');
          setAt({ date, time: time.slice(0, 5) });
        }}
      />
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
      {at !== null && instant === null && (
        <Text size="xs" c="red">
          {t('callPath.badInstant')}
        </Text>
      )}
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
              const parts = stepParts(step, teamName, t);
              const supervisor = step.via === 'SUPERVISOR';
              const grouped = isGrouped(step);
              return (
                <Box
                  component="li"
                  role="listitem"
                  key={index}
                  aria-label={stepText(parts, index + 1, t)}
                  py={5}
                  pl={grouped ? 6 : 0}
                  style={{
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    borderLeft: grouped ? '3px solid var(--mantine-color-teal-5)' : undefined,
                  }}
                >
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    <Box
                      aria-hidden
                      w={20}
                      h={20}
                      mt={1}
                      style={{
                        flex: 'none',
                        borderRadius: 10,
                        display: 'grid',
                        placeItems: 'center',
                        fontSize: 11,
                        fontWeight: 700,
                      }}
                      bg={parts.kind !== 'DIAL' ? 'gray.2' : supervisor ? 'orange.1' : 'indigo.1'}
                      c={parts.kind !== 'DIAL' ? 'gray.7' : supervisor ? 'orange.9' : 'indigo.9'}
                    >
                      {index + 1}
                    </Box>
                    <Box style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} lh={1.3}>
                        {parts.title}
                        {parts.role && (
                          <Text span size="xs" fw={400} c="dimmed">
                            {' '}
                            · {parts.role}
                          </Text>
                        )}
                      </Text>
                      {parts.number && (
                        <Text size="xs" lh={1.3}>
                          {parts.number} · {parts.seconds} s
                        </Text>
                      )}
                      {parts.text && (
                        <Text size="xs" c="dimmed" fs="italic" lh={1.3} style={{ overflowWrap: 'anywhere' }}>
                          “{parts.text}”
                        </Text>
                      )}
                    </Box>
                  </Group>
                </Box>
              );
            })}
          </Box>
          {plan.steps.some(isGrouped) && (
            <Text size="xs" c="dimmed">
              {t('callPath.togetherHint')}
            </Text>
          )}
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
