import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { NativeSelect, SimpleGrid } from '@mantine/core';
import type { ApplyPatternInput } from '../../../gql/graphql';
import { errorAt } from '../../../lib/errors';
import { AssigneeLevelsInput, chosenLevels, type AssigneeRef } from './AssigneeLevelsInput';
import { DateField } from './DateInputs';
import { ToolsApplyPatternDocument, ToolsPatternsDocument } from './documents';
import { PreviewedWriteDialog } from './PreviewedWriteDialog';
import { dateOf, isDate, plusDays } from './time';
import type { ToolDialogProps } from './types';
import { useScheduleWrite } from './use-schedule-write';

/** A predefined period (preset or the account's) over a date range, to chosen levels → `applyPattern`. */
export function ApplyPatternDialog(props: ToolDialogProps) {
  const { opened, hotlineId, range } = props;
  const { t } = useTranslation('scheduleTools');
  const [{ data }] = useQuery({ query: ToolsPatternsDocument, pause: !opened });
  const [patternId, setPatternId] = useState('');
  const [from, setFrom] = useState(dateOf(range.from));
  const [to, setTo] = useState(plusDays(dateOf(range.to), -1));
  const [levels, setLevels] = useState<(AssigneeRef | null)[]>([null]);
  const write = useScheduleWrite(ToolsApplyPatternDocument, (d) => d.applyPattern);

  const assignees = chosenLevels(levels);
  const input: ApplyPatternInput | null =
    patternId && isDate(from) && isDate(to) && assignees ? { hotlineId, patternId, from, to, assignees } : null;
  const patterns = [...(data?.presetPatterns ?? []), ...(data?.patterns.edges.map((e) => e.node) ?? [])];
  return (
    <PreviewedWriteDialog
      tool={props}
      title={t('applyPattern.title')}
      input={input}
      write={write}
      reach={input && { hotlineId, from: `${from}T00:00`, to: `${plusDays(to, 8)}T00:00` }}
      fields={['patternId', 'from', 'to', 'assignees']}
    >
      {(errors) => (
        <>
          <NativeSelect
            label={t('applyPattern.pattern')}
            value={patternId}
            onChange={(e) => setPatternId(e.currentTarget.value)}
            data={[
              { value: '', label: t('applyPattern.choosePattern') },
              ...patterns.map((p) => ({ value: p.id, label: p.name })),
            ]}
            error={errorAt(errors, 'patternId')}
          />
          <SimpleGrid cols={2}>
            <DateField label={t('applyPattern.from')} value={from} onChange={setFrom} error={errorAt(errors, 'from')} />
            <DateField label={t('applyPattern.to')} value={to} onChange={setTo} error={errorAt(errors, 'to')} />
          </SimpleGrid>
          <AssigneeLevelsInput value={levels} onChange={setLevels} errorAt={(path) => errorAt(errors, path)} />
        </>
      )}
    </PreviewedWriteDialog>
  );
}
