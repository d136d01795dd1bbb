import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Group, Kbd, Popover, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { BoardPattern } from './model';
import { formatRangeTitle, VIEWS, type BoardRange, type View } from './time';

/** The page header: the hotline picker (switching keeps the range), the zone named, the coverage badge. */
export function BoardHeader({
  hotlineId,
  hotlines,
  zone,
  badge,
  children,
}: {
  hotlineId: string;
  hotlines: readonly { id: string; name: string }[];
  zone: string;
  badge: { week: number; month: number } | null;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('schedule');
  const { t: common } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Rounded down: 99.96 % covered never reads as 100 %. Formatted for the language (23.8% / 23,8 %).
  const percent = (x: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
      Math.floor(x * 1000) / 1000,
    );
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Title order={1} size="h3">
          {t('title')}
        </Title>
        <Select
          size="xs"
          w={240}
          label={common('hotline')}
          data={hotlines.map((h) => ({ value: h.id, label: h.name }))}
          value={hotlineId}
          allowDeselect={false}
          onChange={(id) => id && navigate(`/hotlines/${id}/schedule?${params.toString()}`)}
        />
        <Text size="sm" c="dimmed">
          {t('timesIn', { zone })}
        </Text>
      </Group>
      <Group gap="xs">
        {badge && (
          <Text
            size="sm"
            fw={600}
            px="sm"
            py={4}
            c={badge.week >= 1 ? 'teal.9' : 'orange.9'}
            bg={badge.week >= 1 ? 'teal.0' : 'orange.0'}
            style={{ borderRadius: 16 }}
          >
            {t('badge', { week: percent(badge.week), month: percent(badge.month) })}
          </Text>
        )}
        {children}
      </Group>
    </Group>
  );
}

interface BoardToolbarProps {
  readonly view: View;
  readonly range: BoardRange;
  readonly patterns: readonly BoardPattern[];
  readonly snapPatternId: string | null;
  readonly canEdit: boolean;
  onView(view: View): void;
  onPrevious(): void;
  onNext(): void;
  onToday(): void;
  onSnap(id: string | null): void;
  /** The schedule tools (copy, repeat, overrides…), added by their own components. */
  readonly children?: ReactNode;
}

/** View (day, week, two weeks), previous/next/today, the period drops snap to, the keyboard help, and the tools. */
export function BoardToolbar({
  view,
  range,
  patterns,
  snapPatternId,
  canEdit,
  onView,
  onPrevious,
  onNext,
  onToday,
  onSnap,
  children,
}: BoardToolbarProps) {
  const { t, i18n } = useTranslation('schedule');
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="xs" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label={t('view')}
          value={view}
          onChange={(v) => onView(v as View)}
          data={VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))}
        />
        <Button.Group>
          <Button size="xs" variant="default" onClick={onPrevious} aria-label={t(`previousRange.${view}`)}>
            ‹
          </Button>
          <Button size="xs" variant="default" onClick={onToday}>
            {t('today')}
          </Button>
          <Button size="xs" variant="default" onClick={onNext} aria-label={t(`nextRange.${view}`)}>
            ›
          </Button>
        </Button.Group>
        <Text fw={600} size="sm" aria-live="polite">
          {formatRangeTitle(range, i18n.language)}
        </Text>
      </Group>
      <Group gap="xs" wrap="wrap">
        {canEdit && (
          <Select
            size="xs"
            w={260}
            aria-label={t('snap')}
            placeholder={t('snap')}
            data={[{ value: '', label: t('snapNone') }, ...patterns.map((p) => ({ value: p.id, label: p.name }))]}
            value={snapPatternId ?? ''}
            onChange={(v) => onSnap(v || null)}
            allowDeselect={false}
          />
        )}
        {canEdit && <KeyboardHelp />}
        {children}
      </Group>
    </Group>
  );
}

function KeyboardHelp() {
  const { t } = useTranslation('schedule');
  const rows: [ReactNode, string][] = [
    [
      <>
        <Kbd>←</Kbd> <Kbd>→</Kbd>
      </>,
      t('keys.slotMove'),
    ],
    [
      <>
        <Kbd>Shift</Kbd> + <Kbd>←</Kbd> <Kbd>→</Kbd>
      </>,
      t('keys.slotMoveDay'),
    ],
    [
      <>
        <Kbd>↑</Kbd> <Kbd>↓</Kbd>
      </>,
      t('keys.slotLevel'),
    ],
    [
      <>
        <Kbd>Alt</Kbd> + <Kbd>←</Kbd> <Kbd>→</Kbd>
      </>,
      t('keys.slotEnd'),
    ],
    [
      <>
        <Kbd>Alt</Kbd> + <Kbd>Shift</Kbd> + <Kbd>←</Kbd> <Kbd>→</Kbd>
      </>,
      t('keys.slotStart'),
    ],
    [<Kbd>Enter</Kbd>, t('keys.slotOpen')],
    [<Kbd>Space</Kbd>, t('keys.pick')],
    [
      <>
        <Kbd>←</Kbd> <Kbd>→</Kbd> <Kbd>↑</Kbd> <Kbd>↓</Kbd>
      </>,
      t('keys.pickMove'),
    ],
    [<Kbd>Esc</Kbd>, t('keys.pickCancel')],
  ];
  return (
    <Popover withArrow position="bottom-end" shadow="md">
      <Popover.Target>
        <Button size="xs" variant="default">
          {t('keyboard')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4}>
          <Text fw={700} size="sm">
            {t('keyboardTitle')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2} fz="xs">
            <Table.Tbody>
              {rows.map(([keys, text]) => (
                <Table.Tr key={text}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{keys}</Table.Td>
                  <Table.Td>{text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
