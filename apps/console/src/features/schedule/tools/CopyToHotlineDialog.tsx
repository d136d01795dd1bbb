import { useState } from 'react';
import { DateTime } from 'luxon';
import { useClient, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { NativeSelect, SimpleGrid, Text } from '@mantine/core';
import type { CopyToHotlineInput } from '../../../gql/graphql';
import { errorAt } from '../../../lib/errors';
import { DateField } from './DateInputs';
import { ToolsCopyToHotlineDocument, ToolsHotlinesDocument, ToolsScheduleDocument } from './documents';
import { PreviewedWriteDialog } from './PreviewedWriteDialog';
import { dateOf, isDate, plusDays } from './time';
import type { ToolDialogProps } from './types';
import { useScheduleWrite } from './use-schedule-write';

/**
 * The slots starting in a date range copied to another hotline of the account, same wall-clock times on
 * its clock → `copyToHotline`. The version expected is the TARGET's, read just before each preview.
 */
export function CopyToHotlineDialog(props: ToolDialogProps) {
  const { opened, hotlineId, range } = props;
  const { t } = useTranslation('scheduleTools');
  const client = useClient();
  const [{ data }] = useQuery({ query: ToolsHotlinesDocument, pause: !opened });
  const [targetHotlineId, setTarget] = useState('');
  const [from, setFrom] = useState(dateOf(range.from));
  const [to, setTo] = useState(plusDays(dateOf(range.to), -1));
  const [targetFrom, setTargetFrom] = useState('');
  const write = useScheduleWrite(ToolsCopyToHotlineDocument, (d) => d.copyToHotline);

  const others = (data?.hotlines.edges ?? []).map((e) => e.node).filter((h) => h.id !== hotlineId);
  const target = others.find((h) => h.id === targetHotlineId);
  const landing = isDate(targetFrom) ? targetFrom : from;
  const input: CopyToHotlineInput | null =
    target && isDate(from) && isDate(to)
      ? {
          sourceHotlineId: hotlineId,
          targetHotlineId: target.id,
          from,
          to,
          ...(isDate(targetFrom) ? { targetFrom } : {}),
        }
      : null;
  const span =
    isDate(from) && isDate(to) ? Math.max(0, DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days) : 0;
  const reach = input && {
    hotlineId: targetHotlineId,
    from: `${landing}T00:00`,
    to: `${plusDays(landing, span + 8)}T00:00`,
  };

  /** The target's schedule version now (the preview is made on it, the save expects it). */
  async function targetVersion(): Promise<number | null> {
    if (!reach) return null;
    const answer = await client
      .query(
        ToolsScheduleDocument,
        { hotlineId: reach.hotlineId, from: reach.from, to: reach.from.replace('T00:00', 'T00:01') },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    return answer.data?.schedule.version ?? null;
  }

  return (
    <PreviewedWriteDialog
      tool={props}
      title={t('copyToHotline.title')}
      timeZone={target?.timeZone ?? 'UTC'}
      input={input}
      write={write}
      version={targetVersion}
      reach={reach}
      fields={['targetHotlineId', 'from', 'to', 'targetFrom']}
    >
      {(errors) => (
        <>
          <NativeSelect
            label={t('copyToHotline.target')}
            value={targetHotlineId}
            onChange={(e) => setTarget(e.currentTarget.value)}
            data={[
              { value: '', label: others.length ? t('copyToHotline.chooseTarget') : t('copyToHotline.noOther') },
              ...others.map((h) => ({ value: h.id, label: `${h.name} (${h.timeZone})` })),
            ]}
            error={errorAt(errors, 'targetHotlineId')}
          />
          <SimpleGrid cols={2}>
            <DateField
              label={t('copyToHotline.from')}
              value={from}
              onChange={setFrom}
              error={errorAt(errors, 'from')}
            />
            <DateField label={t('copyToHotline.to')} value={to} onChange={setTo} error={errorAt(errors, 'to')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('copyToHotline.toHint')}
          </Text>
          <DateField
            label={t('copyToHotline.targetFrom')}
            description={t('copyToHotline.targetFromHint')}
            value={targetFrom}
            onChange={setTargetFrom}
            error={errorAt(errors, 'targetFrom')}
          />
        </>
      )}
    </PreviewedWriteDialog>
  );
}
