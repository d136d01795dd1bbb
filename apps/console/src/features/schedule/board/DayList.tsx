import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { readableText, safeColour } from './colour';
import { useGapName } from './CoverageStrip';
import { assigneeView, type BoardGap, type BoardSlot } from './model';
import { formatDayHeader, instantMs, type BoardDay, type BoardRange } from './time';

/** Under 768 px: the same schedule as one card per day, slots with their times and levels, gaps in red. */
export function DayList({
  range,
  slots,
  gaps,
}: {
  range: BoardRange;
  slots: readonly BoardSlot[];
  gaps: readonly BoardGap[];
}) {
  const { t, i18n } = useTranslation('schedule');
  const gapName = useGapName();
  const time = (iso: string, day: { startMs: number; endMs: number }) => {
    const dt = DateTime.fromISO(iso).setZone(range.zone);
    const ms = dt.toMillis();
    return ms >= day.startMs && ms <= day.endMs
      ? dt.toFormat('HH:mm')
      : dt.setLocale(i18n.language.startsWith('fr') ? 'fr-FR' : 'en-GB').toFormat('ccc HH:mm');
  };
  // A gap over several days is named in full on the day it starts (or the first day shown); the days
  // after it only say until when, so a week-long gap does not repeat its whole text under every day.
  const gapLine = (gap: BoardGap, day: BoardDay) => {
    const reason = t(`reasons.${gap.reason}`);
    if (instantMs(gap.start) >= day.startMs || day === range.days[0]) return gapName(gap, range.zone);
    if (instantMs(gap.end) >= day.endMs) return t('gapAllDay', { reason });
    return t('gapUntil', { time: time(gap.end, day), reason });
  };
  return (
    <Stack gap="sm" component="section" aria-label={t('dayList')}>
      {range.days.map((day) => {
        const daySlots = slots.filter((s) => instantMs(s.startsAt) < day.endMs && instantMs(s.endsAt) > day.startMs);
        const dayGaps = gaps.filter((g) => instantMs(g.start) < day.endMs && instantMs(g.end) > day.startMs);
        const header = formatDayHeader(day, i18n.language);
        const entries = [
          ...daySlots.map((s) => ({
            at: instantMs(s.startsAt),
            slot: s as BoardSlot | null,
            gap: null as BoardGap | null,
          })),
          ...dayGaps.map((g) => ({ at: instantMs(g.start), slot: null, gap: g })),
        ].sort((a, b) => a.at - b.at);
        return (
          <Paper key={day.date} withBorder p="sm" component="article" aria-label={header}>
            <Title order={3} size="h6" mb={6}>
              {day.hours !== 24 ? t('dayHours', { day: header, hours: day.hours }) : header}
            </Title>
            <Stack gap={6}>
              {entries.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('nothing')}
                </Text>
              )}
              {entries.map(({ slot, gap }) =>
                slot ? (
                  <div key={slot.id}>
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {time(slot.startsAt, day)} – {time(slot.endsAt, day)}
                    </Text>
                    <Group gap={4} mt={2}>
                      {[...slot.assignees]
                        .sort((a, b) => a.level - b.level)
                        .map((a, level) => {
                          const who = assigneeView(a);
                          const colour = safeColour(who.colour);
                          return (
                            <Badge
                              key={level}
                              radius="sm"
                              style={{ background: colour, color: readableText(colour), textTransform: 'none' }}
                              aria-label={t('slotName', {
                                who: who.name,
                                level: level + 1,
                                span: `${time(slot.startsAt, day)} – ${time(slot.endsAt, day)}`,
                              })}
                            >
                              {t('mobileLevel', { n: level + 1 })} {who.name}
                            </Badge>
                          );
                        })}
                    </Group>
                  </div>
                ) : (
                  <Text
                    key={gap!.key + gap!.start}
                    size="sm"
                    c="red.8"
                    fw={600}
                    style={{ background: 'var(--mantine-color-red-0)', borderRadius: 4, padding: '2px 6px' }}
                  >
                    {gapLine(gap!, day)}
                  </Text>
                ),
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
