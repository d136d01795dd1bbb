import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '@mantine/core';
import type { RepeatWeekInput } from '../../../gql/graphql';
import { errorAt } from '../../../lib/errors';
import { ToolsRepeatWeekDocument } from './documents';
import { PreviewedWriteDialog } from './PreviewedWriteDialog';
import { dateOf, mondayOf, plusDays } from './time';
import type { ToolDialogProps } from './types';
import { useScheduleWrite } from './use-schedule-write';
import { WeekField } from './WeekField';

/** The week of one Monday repeated over the N weeks after it → `repeatWeek`. */
export function RepeatWeekDialog(props: ToolDialogProps) {
  const { hotlineId, range } = props;
  const { t } = useTranslation('scheduleTools');
  const [week, setWeek] = useState(mondayOf(dateOf(range.from)));
  const [times, setTimes] = useState<number | string>(1);
  const write = useScheduleWrite(ToolsRepeatWeekDocument, (d) => d.repeatWeek);
  const count = typeof times === 'number' ? times : Number.parseInt(times, 10);
  const input: RepeatWeekInput | null =
    week && Number.isInteger(count) && count > 0 ? { hotlineId, week, times: count } : null;
  return (
    <PreviewedWriteDialog
      tool={props}
      title={t('repeatWeek.title')}
      input={input}
      write={write}
      reach={
        input && {
          hotlineId,
          from: `${plusDays(week, 7)}T00:00`,
          to: `${plusDays(week, 7 * Math.min(count, 52) + 14)}T00:00`,
        }
      }
      fields={['week', 'times']}
    >
      {(errors) => (
        <>
          <WeekField label={t('repeatWeek.week')} value={week} onChange={setWeek} error={errorAt(errors, 'week')} />
          <NumberInput
            label={t('repeatWeek.times')}
            description={t('repeatWeek.timesHint')}
            min={1}
            max={52}
            value={times}
            onChange={setTimes}
            error={errorAt(errors, 'times')}
            allowDecimal={false}
          />
        </>
      )}
    </PreviewedWriteDialog>
  );
}
