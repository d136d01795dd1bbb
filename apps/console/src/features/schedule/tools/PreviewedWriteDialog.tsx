import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Checkbox, Divider, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ToolSlotFragment } from '../../../gql/graphql';
import { fieldErrors, generalErrors, type FieldError } from '../../../lib/errors';
import { ToolsScheduleDocument } from './documents';
import { SlotList } from './SlotList';
import { formatLocalRange } from './time';
import type { ToolChange, ToolDialogProps } from './types';
import { errorDetails, SLOT_OVERLAP, VERSION_CONFLICT, type ScheduleWrite } from './use-schedule-write';

/** Where a write lands: the slots there now are read to name what is in the way. */
export interface WriteReach {
  readonly hotlineId: string;
  readonly from: string;
  readonly to: string;
}

interface PreviewedWriteDialogProps<I> {
  /** The dialog's own props, as the board gave them. */
  readonly tool: ToolDialogProps;
  readonly title: string;
  /** The clock the preview is shown on when not the board's hotline's (a copy to another hotline). */
  readonly timeZone?: string;
  /** The write's own input; null while the form is incomplete. */
  readonly input: I | null;
  readonly write: ScheduleWrite<I>;
  /** The version to expect when not the board's: read afresh (the target hotline's). */
  readonly version?: () => Promise<number | null>;
  readonly reach: WriteReach | null;
  /** The form; given the server's refusals to show at their fields. */
  children(errors: readonly FieldError[]): ReactNode;
  /** The input fields the form shows errors at (the rest are shown above it). */
  readonly fields: readonly string[];
}

interface Preview {
  readonly key: string;
  readonly change: ToolChange;
  /** The slots in the write's reach before it: what trimmed slots were, what removed ones were. */
  readonly before: readonly ToolSlotFragment[];
}

interface Refusal {
  readonly key: string;
  readonly errors: readonly FieldError[];
  /** SLOT_OVERLAP: the existing slots in the way. */
  readonly inTheWay: readonly ToolSlotFragment[];
}

/**
 * A bulk schedule write with a preview: "Preview" asks the server for a dry run of exactly what "Save"
 * will send (same input, same mode) and shows what it creates and what it would replace; "Save" sends
 * it for real, expecting the version the preview was made on. A version conflict reloads the board and
 * makes the preview again.
 */
export function PreviewedWriteDialog<I>({
  tool,
  title,
  timeZone = tool.timeZone,
  input,
  write,
  version: readVersion,
  reach,
  children,
  fields,
}: PreviewedWriteDialogProps<I>) {
  const { opened, onClose, onChanged } = tool;
  const boardVersion = tool.version;
  const { t, i18n } = useTranslation('scheduleTools');
  const client = useClient();
  const phone = useMediaQuery('(max-width: 48em)');
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [changedNotice, setChangedNotice] = useState<string | null>(null);
  /** The newest version this dialog has heard of (the board's prop may lag after a conflict). */
  const newestVersion = useRef<number | null>(boardVersion ?? null);
  if (boardVersion !== undefined && boardVersion > (newestVersion.current ?? -1)) newestVersion.current = boardVersion;

  const mode = replace ? ('REPLACE' as const) : ('REJECT' as const);
  const keyOf = (m: string) => JSON.stringify([input, m]);
  const key = keyOf(mode);
  const current = preview?.key === key ? preview : null;
  const refused = refusal?.key === key ? refusal : null;

  useEffect(() => {
    if (!opened) {
      setPreview(null);
      setRefusal(null);
      setChangedNotice(null);
    }
  }, [opened]);

  async function slotsInReach(): Promise<readonly ToolSlotFragment[]> {
    if (!reach) return [];
    const answer = await client
      .query(
        ToolsScheduleDocument,
        { hotlineId: reach.hotlineId, from: reach.from, to: reach.to },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    return answer.data?.schedule.slots ?? [];
  }

  async function expectedVersion(): Promise<number | null> {
    if (readVersion) return readVersion();
    if (newestVersion.current !== null) return newestVersion.current;
    if (!reach) return null;
    const answer = await client
      .query(
        ToolsScheduleDocument,
        { hotlineId: reach.hotlineId, from: reach.from, to: reach.to },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    return answer.data?.schedule.version ?? null;
  }

  function conflicted(currentVersion: number | undefined, message: string) {
    if (currentVersion !== undefined && currentVersion > (newestVersion.current ?? -1))
      newestVersion.current = currentVersion;
    setChangedNotice(message);
    onChanged();
  }

  async function runPreview(withMode: 'REJECT' | 'REPLACE' = mode, retried = false): Promise<void> {
    if (input === null) return;
    const previewKey = keyOf(withMode);
    setBusy('preview');
    try {
      const expected = await expectedVersion();
      if (expected === null) {
        setRefusal({ key: previewKey, errors: [{ message: t('preview.noVersion') }], inTheWay: [] });
        return;
      }
      const [answer, before] = await Promise.all([
        write({ ...input, mode: withMode, dryRun: true, expectedVersion: expected }),
        slotsInReach(),
      ]);
      const conflict = errorDetails<{ currentVersion?: number }>(answer.error, VERSION_CONFLICT);
      if (conflict && !retried) {
        conflicted(conflict.currentVersion, t('preview.changedBeforePreview'));
        await runPreview(withMode, true);
        return;
      }
      if (answer.change) {
        setPreview({ key: previewKey, change: answer.change, before });
        setRefusal(null);
        return;
      }
      const overlap = errorDetails<{ conflictingSlotIds?: string[] }>(answer.error, SLOT_OVERLAP);
      const ids = new Set(overlap?.conflictingSlotIds ?? []);
      setPreview(null);
      setRefusal({ key: previewKey, errors: fieldErrors(answer.error), inTheWay: before.filter((s) => ids.has(s.id)) });
    } finally {
      setBusy(null);
    }
  }

  async function save(): Promise<void> {
    if (input === null || !current) return;
    setBusy('save');
    try {
      const answer = await write({ ...input, mode, dryRun: false, expectedVersion: current.change.version });
      const conflict = errorDetails<{ currentVersion?: number }>(answer.error, VERSION_CONFLICT);
      if (conflict) {
        conflicted(conflict.currentVersion, t('preview.changedBeforeSave'));
        setPreview(null);
        await runPreview(mode, true);
        return;
      }
      if (answer.change) {
        const c = answer.change;
        notifications.show({
          color: 'green',
          message: t('preview.saved', { added: c.added.length, replaced: c.removedIds.length + c.updated.length }),
        });
        onChanged();
        onClose();
        return;
      }
      setPreview(null);
      setRefusal({ key, errors: fieldErrors(answer.error), inTheWay: [] });
    } finally {
      setBusy(null);
    }
  }

  const errors = refused?.errors ?? [];
  const overlap = errors.find((e) => e.code === SLOT_OVERLAP);
  const general = generalErrors(errors, fields).filter((e) => e.code !== SLOT_OVERLAP);
  const change = current?.change;
  const removed = change?.removed ?? [];
  const wasOf = (slot: ToolSlotFragment) => {
    const before = current?.before.find((s) => s.id === slot.id);
    return before ? t('preview.was', { range: formatLocalRange(before, timeZone, i18n.language) }) : undefined;
  };
  const nothing = change && change.added.length + change.updated.length + change.removedIds.length === 0;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{title}</Text>}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="sm">
        {changedNotice && (
          <Alert
            color="yellow"
            role="alert"
            onClose={() => setChangedNotice(null)}
            withCloseButton
            closeButtonLabel={t('close')}
          >
            {changedNotice}
          </Alert>
        )}
        {general.map((e) => (
          <Alert key={e.message} color="red" role="alert">
            {e.message}
          </Alert>
        ))}
        {children(errors)}
        <Checkbox
          label={t('preview.replace')}
          description={t('preview.replaceHint')}
          checked={replace}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            setReplace(next);
            if (preview || refusal) void runPreview(next ? 'REPLACE' : 'REJECT');
          }}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('preview.zone', { zone: timeZone })}
          </Text>
          <Button
            variant="outline"
            onClick={() => void runPreview()}
            loading={busy === 'preview'}
            disabled={input === null}
          >
            {t('preview.preview')}
          </Button>
        </Group>
        <Stack
          gap="xs"
          role="region"
          aria-label={t('preview.region')}
          aria-live="polite"
          aria-busy={busy === 'preview'}
        >
          {overlap && (
            <Alert color="orange" role="alert" title={t('preview.overlapTitle')}>
              <Stack gap={4}>
                <Text size="sm">{overlap.message}</Text>
                {refused!.inTheWay.length > 0 && (
                  <SlotList label={t('preview.inTheWay')} slots={refused!.inTheWay} timeZone={timeZone} />
                )}
                <Text size="sm">{t('preview.overlapHint')}</Text>
              </Stack>
            </Alert>
          )}
          {change && (
            <>
              <Divider />
              {nothing && <Text size="sm">{t('preview.nothing')}</Text>}
              {change.added.length > 0 && (
                <>
                  <Title order={3} size="h5">
                    {t('preview.toCreate', { count: change.added.length })}
                  </Title>
                  <SlotList label={t('preview.toCreateList')} slots={change.added} timeZone={timeZone} />
                </>
              )}
              {removed.length + change.updated.length > 0 ? (
                <>
                  <Title order={3} size="h5" c="orange.8">
                    {t('preview.toReplace', { count: removed.length + change.updated.length })}
                  </Title>
                  {removed.length > 0 && (
                    <>
                      <Text size="xs" fw={600} c="dimmed" aria-hidden>
                        {t('preview.toRemoveList')}
                      </Text>
                      <SlotList label={t('preview.toRemoveList')} slots={removed} timeZone={timeZone} struck />
                    </>
                  )}
                  {change.updated.length > 0 && (
                    <>
                      <Text size="xs" fw={600} c="dimmed" aria-hidden>
                        {t('preview.toTrimList')}
                      </Text>
                      <SlotList
                        label={t('preview.toTrimList')}
                        slots={change.updated}
                        timeZone={timeZone}
                        note={wasOf}
                      />
                    </>
                  )}
                </>
              ) : (
                !nothing && (
                  <Text size="sm" c="dimmed">
                    {t('preview.replacesNothing')}
                  </Text>
                )
              )}
            </>
          )}
        </Stack>
        {/* Kept in sight while a long preview scrolls. */}
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          mb="-md"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 1 }}
        >
          <Group justify="flex-end">
            {!current && !refused && (
              <Text size="xs" c="dimmed" mr="auto">
                {t('preview.previewFirst')}
              </Text>
            )}
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button
              onClick={() => void save()}
              loading={busy === 'save'}
              disabled={!current || !!nothing || busy === 'preview'}
            >
              {t('save')}
            </Button>
          </Group>
        </Box>
      </Stack>
    </Modal>
  );
}
