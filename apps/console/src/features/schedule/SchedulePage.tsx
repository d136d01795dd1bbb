import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Center, Loader, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMe } from '../../app/me';
import { BoardWorkspace } from './board/BoardWorkspace';
import { BoardHeader, BoardToolbar } from './board/BoardToolbar';
import { DayList } from './board/DayList';
import { useBoardRange, useScheduleBoard } from './board/useScheduleBoard';
import { MobileTakeLine, ScheduleSideTools, ScheduleToolbarTools } from './tools';

/** The schedule board of one hotline, in the hotline's time zone (route /hotlines/:hotlineId/schedule). */
export function SchedulePage() {
  const { hotlineId = '' } = useParams();
  const { t } = useTranslation('schedule');
  const { t: common } = useTranslation();
  const { canEdit } = useMe();
  const phone = useMediaQuery('(max-width: 767px)');
  const [zone, setZone] = useState<string>();
  const { view, range, walls, setView, previous, next, today } = useBoardRange(zone);
  const board = useScheduleBoard(hotlineId, range, walls);
  const [snapPatternId, setSnapPatternId] = useState<string | null>(null);
  if (board.hotline && board.hotline.timeZone !== zone) setZone(board.hotline.timeZone);

  if (board.hotlineMissing) return <Alert color="red">{t('noHotline')}</Alert>;
  if (!board.hotline || !range)
    return (
      <Center p="xl">
        <Loader aria-label={common('loading')} />
      </Center>
    );
  // What the schedule tools get from the page: { hotlineId, timeZone, version, canEdit, onChanged }.
  const toolProps = {
    hotlineId,
    timeZone: range.zone,
    range: { from: range.fromWall, to: range.toWall },
    version: board.version,
    canEdit,
    onChanged: board.refresh,
  };

  const header = (
    <BoardHeader hotlineId={hotlineId} hotlines={board.hotlines} zone={range.zone} badge={board.badge}>
      {/* tools: mobile header ("take the line" one tap away) */}
      {phone && <MobileTakeLine {...toolProps} />}
    </BoardHeader>
  );
  const toolbar = (
    <BoardToolbar
      view={view}
      range={range}
      patterns={board.patterns}
      snapPatternId={snapPatternId}
      canEdit={canEdit && !phone}
      onView={setView}
      onPrevious={previous}
      onNext={next}
      onToday={today}
      onSnap={setSnapPatternId}
    >
      {/* tools */}
      {!phone && <ScheduleToolbarTools {...toolProps} />}
    </BoardToolbar>
  );
  return (
    <Stack gap="sm">
      {header}
      {!canEdit && <Alert color="gray">{common('readOnly')}</Alert>}
      {board.scheduleError && <Alert color="red">{t('loadError', { message: board.scheduleError.message })}</Alert>}
      {toolbar}
      {phone ? (
        <DayList range={range} slots={board.slots} gaps={board.gaps} />
      ) : (
        <BoardWorkspace
          board={board}
          range={range}
          canEdit={canEdit}
          snapPattern={board.patterns.find((p) => p.id === snapPatternId) ?? null}
          side={<ScheduleSideTools {...toolProps} />}
        />
      )}
    </Stack>
  );
}
