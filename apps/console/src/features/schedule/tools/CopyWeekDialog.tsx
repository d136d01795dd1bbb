import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyWeekInput } from '../../../gql/graphql';
import { errorAt } from '../../../lib/errors';
import { DateListInput } from './DateInputs';
import { ToolsCopyWeekDocument } from './documents';
import { PreviewedWriteDialog } from './PreviewedWriteDialog';
import { dateOf, mondayOf, plusDays } from './time';
import type { ToolDialogProps } from './types';
import { useScheduleWrite } from './use-schedule-write';
import { WeekField, useWeekName } from './WeekField';

/** The week of one Monday copied to the weeks of other Mondays → `copyWeek`. */
export function CopyWeekDialog(props: ToolDialogProps) {
  const { hotlineId, range } = props;
  const { t } = useTranslation('scheduleTools');
  const weekName = useWeekName();
  const [week, setWeek] = useState(mondayOf(dateOf(range.from)));
  const [targets, setTargets] = useState<string[]>([]);
  const write = useScheduleWrite(ToolsCopyWeekDocument, (d) => d.copyWeek);
  const input: CopyWeekInput | null = week && targets.length > 0 ? { hotlineId, week, targets } : null;
  return (
    <PreviewedWriteDialog
      tool={props}
      title={t('copyWeek.title')}
      input={input}
      write={write}
      reach={
        input && { hotlineId, from: `${targets[0]}T00:00`, to: `${plusDays(targets[targets.length - 1], 14)}T00:00` }
      }
      fields={['week', 'targets']}
    >
      {(errors) => (
        <>
          <WeekField label={t('copyWeek.week')} value={week} onChange={setWeek} error={errorAt(errors, 'week')} />
          <DateListInput
            label={t('copyWeek.targets')}
            description={t('copyWeek.targetsHint')}
            values={targets}
            onChange={setTargets}
            snap={mondayOf}
            format={weekName}
            error={errorAt(errors, 'targets')}
            errorOf={(i) => errorAt(errors, `targets[${i}]`)}
          />
        </>
      )}
    </PreviewedWriteDialog>
  );
}
