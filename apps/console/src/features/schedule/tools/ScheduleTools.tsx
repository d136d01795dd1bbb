import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Divider, Group, Menu, Stack, Text } from '@mantine/core';
import { CallPathPreview } from './CallPathPreview';
import { OnCallNow } from './OnCallNow';
import { OverridesList } from './OverridesList';
import { TakeLineButton } from './TakeLineButton';
import type { ScheduleToolProps } from './types';

// The dialogs load when first opened: the board shows sooner.
const ApplyPatternDialog = lazy(() => import('./ApplyPatternDialog').then((m) => ({ default: m.ApplyPatternDialog })));
const CopyDayDialog = lazy(() => import('./CopyDayDialog').then((m) => ({ default: m.CopyDayDialog })));
const CopyToHotlineDialog = lazy(() =>
  import('./CopyToHotlineDialog').then((m) => ({ default: m.CopyToHotlineDialog })),
);
const CopyWeekDialog = lazy(() => import('./CopyWeekDialog').then((m) => ({ default: m.CopyWeekDialog })));
const RepeatWeekDialog = lazy(() => import('./RepeatWeekDialog').then((m) => ({ default: m.RepeatWeekDialog })));
const ReplaceDialog = lazy(() => import('./ReplaceDialog').then((m) => ({ default: m.ReplaceDialog })));

type Dialog = 'applyPattern' | 'copyDay' | 'copyWeek' | 'repeatWeek' | 'copyToHotline' | 'replace';

/**
 * The tools in the board's toolbar: "Take the line", "Replace someone…" and the menu of copies and
 * periods (each a dialog with a preview). A member sees them disabled with the read-only notice.
 */
export function ScheduleToolbarTools(props: ScheduleToolProps) {
  const { t } = useTranslation('scheduleTools');
  const [open, setOpen] = useState<Dialog | null>(null);
  const close = () => setOpen(null);
  const dialogProps = { ...props, onClose: close };
  return (
    <Group gap="xs" wrap="wrap" align="flex-start">
      <TakeLineButton
        hotlineId={props.hotlineId}
        timeZone={props.timeZone}
        canEdit={props.canEdit}
        onChanged={props.onChanged}
      />
      <Button variant="default" onClick={() => setOpen('replace')} disabled={!props.canEdit}>
        {t('replace.open')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" disabled={!props.canEdit} rightSection={<span aria-hidden>▾</span>}>
            {t('menu.open')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setOpen('applyPattern')}>{t('applyPattern.open')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setOpen('copyDay')}>{t('copyDay.open')}</Menu.Item>
          <Menu.Item onClick={() => setOpen('copyWeek')}>{t('copyWeek.open')}</Menu.Item>
          <Menu.Item onClick={() => setOpen('repeatWeek')}>{t('repeatWeek.open')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setOpen('copyToHotline')}>{t('copyToHotline.open')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {props.canEdit && (
        <Suspense fallback={null}>
          {/* Mounted while open only: each opening starts from the board's range and version of the moment. */}
          {open === 'applyPattern' && <ApplyPatternDialog opened {...dialogProps} />}
          {open === 'copyDay' && <CopyDayDialog opened {...dialogProps} />}
          {open === 'copyWeek' && <CopyWeekDialog opened {...dialogProps} />}
          {open === 'repeatWeek' && <RepeatWeekDialog opened {...dialogProps} />}
          {open === 'copyToHotline' && <CopyToHotlineDialog opened {...dialogProps} />}
          {open === 'replace' && <ReplaceDialog opened {...dialogProps} />}
        </Suspense>
      )}
    </Group>
  );
}

/** The side area's tools: who is on duty now, the call-path preview, the overrides in force or ahead. */
export function ScheduleSideTools(props: ScheduleToolProps) {
  const { t } = useTranslation('scheduleTools');
  return (
    <Stack gap="md">
      <OnCallNow hotlineId={props.hotlineId} timeZone={props.timeZone} version={props.version} />
      <Divider />
      <CallPathPreview hotlineId={props.hotlineId} timeZone={props.timeZone} version={props.version} />
      <Divider />
      <OverridesList {...props} />
      {!props.canEdit && (
        <Text size="xs" c="dimmed">
          {t('common:readOnly')}
        </Text>
      )}
    </Stack>
  );
}

/** The phone header's "Take the line" (the same component, compact). */
export function MobileTakeLine(props: Pick<ScheduleToolProps, 'hotlineId' | 'timeZone' | 'canEdit' | 'onChanged'>) {
  return <TakeLineButton {...props} compact />;
}
