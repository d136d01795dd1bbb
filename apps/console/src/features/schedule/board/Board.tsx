import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useDroppable } from '@dnd-kit/core';
import { DateTime } from 'luxon';
import { safeColour } from './colour';
import { assigneeView, type BoardOverride, type BoardSlot, type Candidate } from './model';
import { SlotBlock } from './SlotBlock';
import { formatDayHeader, formatMoment, formatSpan, fraction, luxonLocale, todayIn, type BoardRange } from './time';
import classes from './board.module.css';

export interface RowDropData {
  readonly type: 'row';
  readonly level: number;
}

/** A palette entry carried by keyboard: where it would land. */
export interface Carrying {
  readonly candidate: Candidate;
  readonly level: number;
  readonly at: DateTime;
}

/** Resize in progress (pixels the edge moved), drawn before the server answers. */
export interface ResizePreview {
  readonly slotId: string;
  readonly edge: 'start' | 'end';
  readonly dx: number;
}

interface BoardProps {
  readonly range: BoardRange;
  readonly slots: readonly BoardSlot[];
  readonly overrides: readonly BoardOverride[];
  readonly canEdit: boolean;
  readonly strip: ReactNode;
  readonly trackRef: Ref<HTMLDivElement>;
  readonly trackWidth: number;
  readonly carrying: Carrying | null;
  readonly resize: ResizePreview | null;
  readonly focus: { slotId: string; level: number } | null;
  onOpen(slot: BoardSlot, level: number): void;
  onKey(slot: BoardSlot, level: number, event: KeyboardEvent<HTMLDivElement>): void;
}

function LevelRow({
  level,
  empty,
  label,
  children,
}: {
  level: number;
  empty: boolean;
  label: string;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({
    id: `row:${level}`,
    data: { type: 'row', level } satisfies RowDropData,
  });
  return (
    <>
      <div className={classes.label}>{label}</div>
      <div
        ref={setNodeRef}
        role="group"
        aria-label={label}
        className={`${classes.track} ${empty ? classes.emptyRow : classes.row} ${isOver ? classes.rowOver : ''}`}
      >
        {children}
      </div>
    </>
  );
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The timeline: one column per day of the hotline's zone (its width proportional to the day's real length, so a
 * 23-hour day is narrower), one row per escalation level plus an empty one to drop a new level onto.
 */
export function Board({
  range,
  slots,
  overrides,
  canEdit,
  strip,
  trackRef,
  trackWidth,
  carrying,
  resize,
  focus,
  onOpen,
  onKey,
}: BoardProps) {
  const { t, i18n } = useTranslation('schedule');
  const language = i18n.language;
  const now = useNow();
  const today = todayIn(range.zone);
  const levelCount = Math.max(1, ...slots.map((s) => s.assignees.length));
  const rows = Array.from({ length: levelCount + 1 }, (_, i) => i);

  const blocks = useMemo(
    () =>
      slots.flatMap((slot) => {
        const start = DateTime.fromISO(slot.startsAt).setZone(range.zone);
        const end = DateTime.fromISO(slot.endsAt).setZone(range.zone);
        const span = formatSpan(start, end, { language, alwaysBothDays: false });
        return [...slot.assignees]
          .sort((a, b) => a.level - b.level)
          .map((a, level) => {
            const who = assigneeView(a);
            return {
              slot,
              level,
              who,
              name: t('slotName', { who: who.name, level: level + 1, span }),
              startMs: start.toMillis(),
              endMs: end.toMillis(),
            };
          });
      }),
    [slots, range.zone, language, t],
  );

  const bands = useMemo(
    () =>
      overrides.flatMap((o) => {
        const start = DateTime.fromISO(o.start).setZone(range.zone);
        const end = DateTime.fromISO(o.end).setZone(range.zone);
        const span = formatSpan(start, end, { language, alwaysBothDays: false });
        return o.assignees.map((a, i) => {
          const who = assigneeView(a);
          return {
            id: `${o.id}:${i}`,
            row: o.level ?? i,
            who,
            name: t('overrideName', { who: who.name, span }),
            startMs: start.toMillis(),
            endMs: end.toMillis(),
          };
        });
      }),
    [overrides, range.zone, language, t],
  );

  // Hour marks in real time from each local midnight: every hour on a day view, 06/12/18 otherwise.
  const ticks = useMemo(
    () =>
      range.days.flatMap((d) =>
        Array.from({ length: d.hours - 1 }, (_, i) => d.start.plus({ hours: i + 1 }))
          .filter((h) => (range.view === 'day' ? true : h.hour % 6 === 0))
          .map((h) => ({ ms: h.toMillis(), label: h.toFormat('HH:mm') })),
      ),
    [range],
  );
  const nowFrac = fraction(range, now);
  const pxToFrac = trackWidth > 0 ? 1 / trackWidth : 0;

  return (
    <div className={classes.grid} role="region" aria-label={t('levels')}>
      <div className={classes.label} style={{ borderTop: 0 }} />
      <div ref={trackRef} className={classes.headerTrack}>
        {range.days.map((day) => {
          const left = fraction(range, day.startMs);
          const width = fraction(range, day.endMs) - left;
          const label = formatDayHeader(day, language);
          const isToday = day.date === today;
          return (
            <div
              key={day.date}
              aria-current={isToday ? 'date' : undefined}
              title={day.hours !== 24 ? t('dayHours', { day: label, hours: day.hours }) : label}
              className={`${classes.dayHeader} ${isToday ? classes.dayHeaderToday : ''} ${day.hours !== 24 ? classes.dayHeaderDst : ''}`}
              style={{
                left: `${left * 100}%`,
                width: `${width * 100}%`,
                justifyContent: range.view === 'day' ? 'flex-start' : undefined,
                paddingTop: range.view === 'day' ? 3 : undefined,
              }}
            >
              {range.view === 'twoWeeks' ? (
                <>
                  <span>
                    {day.hours !== 24
                      ? t('dayHours', {
                          day: day.start.setLocale(luxonLocale(language)).toFormat('ccc'),
                          hours: day.hours,
                        })
                      : day.start.setLocale(luxonLocale(language)).toFormat('ccc')}
                  </span>
                  <span>{day.start.setLocale(luxonLocale(language)).toFormat('d LLL')}</span>
                </>
              ) : (
                <span>{day.hours !== 24 ? t('dayHours', { day: label, hours: day.hours }) : label}</span>
              )}
              {isToday && range.view !== 'twoWeeks' && (
                <span style={{ fontSize: 10, fontWeight: 500 }}>{t('todayMark')}</span>
              )}
            </div>
          );
        })}
        {range.view === 'day' &&
          ticks.map((tick) => (
            <span
              key={tick.ms}
              aria-hidden
              className={classes.tickLabel}
              style={{ left: `${fraction(range, tick.ms) * 100}%` }}
            >
              {tick.label}
            </span>
          ))}
      </div>

      <div className={classes.label}>{t('coverage')}</div>
      <div className={classes.track}>{strip}</div>

      {rows.map((row) => (
        <LevelRow
          key={row}
          level={row}
          empty={row === levelCount}
          label={row === levelCount ? t('newLevel') : t('level', { n: row + 1 })}
        >
          {range.days.map((day) => (
            <div
              key={day.date}
              className={`${classes.dayColumn} ${day.date === today ? classes.dayColumnToday : ''}`}
              style={{
                left: `${fraction(range, day.startMs) * 100}%`,
                width: `${(fraction(range, day.endMs) - fraction(range, day.startMs)) * 100}%`,
              }}
            />
          ))}
          {ticks.map((tick) => (
            <div key={tick.ms} className={classes.tick} style={{ left: `${fraction(range, tick.ms) * 100}%` }} />
          ))}
          {blocks
            .filter((b) => b.level === row && b.endMs > range.startMs && b.startMs < range.endMs)
            .map((b) => {
              let startFrac = fraction(range, b.startMs);
              let endFrac = fraction(range, b.endMs);
              if (resize && resize.slotId === b.slot.id) {
                if (resize.edge === 'start') startFrac = Math.min(endFrac, startFrac + resize.dx * pxToFrac);
                else endFrac = Math.max(startFrac, endFrac + resize.dx * pxToFrac);
              }
              const left = clip(startFrac);
              return (
                <SlotBlock
                  key={`${b.slot.id}:${b.level}`}
                  slot={b.slot}
                  level={b.level}
                  who={b.who}
                  name={b.name}
                  left={left}
                  width={clip(endFrac) - left}
                  canEdit={canEdit}
                  focus={!!focus && focus.slotId === b.slot.id && focus.level === b.level}
                  onOpen={onOpen}
                  onKey={onKey}
                />
              );
            })}
          {bands
            .filter((b) => b.row === row && b.endMs > range.startMs && b.startMs < range.endMs)
            .map((b) => {
              const left = clip(fraction(range, b.startMs));
              const colour = safeColour(b.who.colour);
              return (
                <div
                  key={b.id}
                  role="img"
                  aria-label={b.name}
                  title={b.name}
                  className={classes.override}
                  style={{
                    left: `${left * 100}%`,
                    width: `${(clip(fraction(range, b.endMs)) - left) * 100}%`,
                    borderColor: colour,
                    background: `repeating-linear-gradient(45deg, ${colour}55 0 6px, transparent 6px 12px)`,
                  }}
                >
                  {b.who.name}
                </div>
              );
            })}
          {carrying && carrying.level === row && (
            <div
              aria-hidden
              className={classes.ghost}
              style={{
                left: `${clip(fraction(range, carrying.at.toMillis())) * 100}%`,
                width: `${(clip(fraction(range, carrying.at.plus({ hours: 8 }).toMillis())) - clip(fraction(range, carrying.at.toMillis()))) * 100}%`,
              }}
            >
              {carrying.candidate.name} · {formatMoment(carrying.at, language)}
            </div>
          )}
        </LevelRow>
      ))}
      {nowFrac >= 0 && nowFrac <= 1 && (
        <div
          className={classes.nowLine}
          style={{ left: `calc(96px + (100% - 96px) * ${nowFrac})` }}
          role="img"
          aria-label={`${t('now')} ${formatMoment(DateTime.fromMillis(now, { zone: range.zone }), language)}`}
        >
          <div className={classes.nowDot} />
        </div>
      )}
    </div>
  );
}
