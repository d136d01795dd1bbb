import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyDayInput } from '../../../gql/graphql';
import { errorAt } from '../../../lib/errors';
import { DateField, DateListInput } from './DateInputs';
import { ToolsCopyDayDocument } from './documents';
import { PreviewedWriteDialog } from './PreviewedWriteDialog';
import { dateOf, isDate, plusDays } from './time';
import type { ToolDialogProps } from './types';
import { useScheduleWrite } from './use-schedule-write';

/** The slots starting on one day, copied to other dates (same wall-clock times) → `copyDay`. */
export function CopyDayDialog(props: ToolDialogProps) {
  const { hotlineId, range } = props;
  const { t } = useTranslation('scheduleTools');
  const [day, setDay] = useState(dateOf(range.from));
  const [targets, setTargets] = useState<string[]>([]);
  const write = useScheduleWrite(ToolsCopyDayDocument, (d) => d.copyDay);
  const input: CopyDayInput | null = isDate(day) && targets.length > 0 ? { hotlineId, day, targets } : null;
  return (
    <PreviewedWriteDialog
      tool={props}
      title={t('copyDay.title')}
      input={input}
      write={write}
      reach={
        input && { hotlineId, from: `${targets[0]}T00:00`, to: `${plusDays(targets[targets.length - 1], 8)}T00:00` }
      }
      fields={['day', 'targets']}
    >
      {(errors) => (
        <>
          <DateField label={t('copyDay.day')} value={day} onChange={setDay} error={errorAt(errors, 'day')} />
          <DateListInput
            label={t('copyDay.targets')}
            values={targets}
            onChange={setTargets}
            error={errorAt(errors, 'targets')}
            errorOf={(i) => errorAt(errors, `targets[${i}]`)}
          />
        </>
      )}
    </PreviewedWriteDialog>
  );
}
