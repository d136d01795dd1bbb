import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { Button, Popover, Select, Stack, Text } from '@mantine/core';
import type { BoardGap, Candidate } from './model';
import { formatSpan, fraction, instantMs, windowOccurrences, type BoardRange, type Window } from './time';
import classes from './board.module.css';

interface CoverageStripProps {
  readonly range: BoardRange;
  readonly gaps: readonly BoardGap[];
  readonly serviceHours: { always: boolean; windows: readonly Window[] } | undefined;
  readonly candidates: readonly Candidate[];
  readonly canEdit: boolean;
  onFill(gap: BoardGap, who: Candidate): Promise<boolean>;
}

/** The accessible name of a gap: `Gap Tue 8 Dec 08:00 – 18:00, nobody scheduled`. */
export function useGapName() {
  const { t, i18n } = useTranslation('schedule');
  return (gap: BoardGap, zone: string) =>
    t('gapName', {
      span: formatSpan(DateTime.fromISO(gap.start).setZone(zone), DateTime.fromISO(gap.end).setZone(zone), {
        language: i18n.language,
        alwaysBothDays: false,
      }),
      reason: t(`reasons.${gap.reason}`),
    });
}

function GapButton({
  gap,
  range,
  name,
  candidates,
  canEdit,
  onFill,
}: {
  gap: BoardGap;
  range: BoardRange;
  name: string;
  candidates: readonly Candidate[];
  canEdit: boolean;
  onFill: CoverageStripProps['onFill'];
}) {
  const { t } = useTranslation('schedule');
  const [opened, setOpened] = useState(false);
  const [who, setWho] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const left = Math.max(0, fraction(range, instantMs(gap.start)));
  const right = Math.min(1, fraction(range, instantMs(gap.end)));
  const button = (
    <button
      type="button"
      aria-label={name}
      title={name}
      className={classes.gap}
      style={{ left: `${left * 100}%`, width: `${(right - left) * 100}%` }}
      onClick={() => canEdit && setOpened((o) => !o)}
    />
  );
  if (!canEdit) return button;
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position="bottom" shadow="md">
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <Select
            label={t('fillWith')}
            searchable
            data={candidates.map((c) => ({ value: `${c.kind}:${c.id}`, label: c.name }))}
            value={who}
            onChange={setWho}
            comboboxProps={{ withinPortal: false }}
          />
          <Button
            size="xs"
            disabled={!who}
            loading={saving}
            onClick={async () => {
              const chosen = candidates.find((c) => `${c.kind}:${c.id}` === who);
              if (!chosen) return;
              setSaving(true);
              const ok = await onFill(gap, chosen);
              setSaving(false);
              if (ok) setOpened(false);
            }}
          >
            {t('fill')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Service hours over the range (outside greyed) and the gaps hatched red, each a button that offers to fill it. */
export function CoverageStrip({ range, gaps, serviceHours, candidates, canEdit, onFill }: CoverageStripProps) {
  const { t } = useTranslation('schedule');
  const gapName = useGapName();
  const outside = useMemo(() => {
    if (!serviceHours || serviceHours.always) return [];
    const open = windowOccurrences(serviceHours.windows, {
      firstDate: range.days[0].start,
      dayCountToScan: range.days.length + 1,
      zone: range.zone,
    }).filter((o) => o.endMs > range.startMs && o.startMs < range.endMs);
    const closed: { from: number; to: number }[] = [];
    let cursor = range.startMs;
    for (const o of open) {
      if (o.startMs > cursor) closed.push({ from: cursor, to: Math.min(o.startMs, range.endMs) });
      cursor = Math.max(cursor, o.endMs);
    }
    if (cursor < range.endMs) closed.push({ from: cursor, to: range.endMs });
    return closed;
  }, [serviceHours, range]);
  return (
    <div className={classes.strip} role="group" aria-label={t('coverageStrip')}>
      {outside.map((o) => (
        <div
          key={o.from}
          className={classes.outside}
          title={t('outsideService')}
          style={{
            left: `${fraction(range, o.from) * 100}%`,
            width: `${(fraction(range, o.to) - fraction(range, o.from)) * 100}%`,
          }}
        />
      ))}
      {gaps.map((gap) => (
        <GapButton
          key={gap.key + gap.start}
          gap={gap}
          range={range}
          name={gapName(gap, range.zone)}
          candidates={candidates}
          canEdit={canEdit}
          onFill={onFill}
        />
      ))}
    </div>
  );
}
