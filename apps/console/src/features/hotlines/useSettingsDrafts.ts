import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { fieldErrors, type FieldError } from '../../lib/errors';
import type {
  CallEntryFieldsFragment,
  HotlineSettingsFieldsFragment,
  ShiftAlertSettingsFieldsFragment,
} from '../../gql/graphql';
import { callEntryDraft, callEntryInput, type CallEntryDraft } from './call-entry-draft';
import { UpdateCallEntryDocument, UpdateHotlineDocument, UpdateShiftAlertSettingsDocument } from './documents';
import { hotlineDraft, updateInput, type HotlineDraft } from './draft';
import { shiftAlertDraft, shiftAlertInput, type ShiftAlertDraft } from './shift-alert-draft';

export interface SettingsSources {
  readonly hotline: HotlineSettingsFieldsFragment;
  readonly alertSettings: ShiftAlertSettingsFieldsFragment;
  readonly entry: CallEntryFieldsFragment;
}

/** One part of the page as edited, and as last saved. */
function usePart<T>(initial: () => T) {
  const [draft, setDraft] = useState<T>(initial);
  const [saved, setSaved] = useState<T>(draft);
  const change = (patch: Partial<T>) => setDraft((current) => ({ ...current, ...patch }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  return { draft, saved, setDraft, setSaved, change, dirty };
}

/**
 * The settings page's three parts (the hotline, its shift-start alerts, its call entry), saved by one Save:
 * only the changed parts are sent, each part saved stays saved when another is refused. The call entry's
 * refusals are kept apart: its paths (`front.…`, `rules[0].…`) belong to its own section.
 */
export function useSettingsDrafts({ hotline, alertSettings, entry }: SettingsSources) {
  const { t } = useTranslation('hotlines');
  const line = usePart<HotlineDraft>(() => hotlineDraft(hotline));
  const alerts = usePart<ShiftAlertDraft>(() => shiftAlertDraft(alertSettings));
  const callEntry = usePart<CallEntryDraft>(() => callEntryDraft(entry));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [entryErrors, setEntryErrors] = useState<FieldError[]>([]);
  const [updated, updateHotline] = useMutation(UpdateHotlineDocument);
  const [alertsUpdated, updateAlerts] = useMutation(UpdateShiftAlertSettingsDocument);
  const [entryUpdated, updateCallEntry] = useMutation(UpdateCallEntryDocument);

  async function save(event: FormEvent) {
    event.preventDefault();
    const { draft } = line;
    // Nothing changed: the hotline is sent anyway, so Save still confirms (or names what is wrong).
    const hotlineSaving =
      line.dirty || (!alerts.dirty && !callEntry.dirty)
        ? updateHotline({ input: updateInput(hotline.id, draft) })
        : Promise.resolve(undefined);
    const [hotlineAnswer, alertsAnswer, entryAnswer] = await Promise.all([
      hotlineSaving,
      alerts.dirty ? updateAlerts({ input: shiftAlertInput(hotline.id, alerts.draft) }) : undefined,
      // After the hotline: a number it gives up may become one of the entry's extra numbers.
      callEntry.dirty
        ? hotlineSaving.then(() => updateCallEntry({ input: callEntryInput(hotline.id, callEntry.draft) }))
        : undefined,
    ]);
    if (hotlineAnswer && !hotlineAnswer.error) line.setSaved(draft);
    if (alertsAnswer && !alertsAnswer.error) alerts.setSaved(alerts.draft);
    if (entryAnswer && !entryAnswer.error) callEntry.setSaved(callEntry.draft);
    const refused = [...fieldErrors(hotlineAnswer?.error), ...fieldErrors(alertsAnswer?.error)];
    const entryRefused = fieldErrors(entryAnswer?.error);
    setErrors(refused);
    setEntryErrors(entryRefused);
    if (refused.length === 0 && entryRefused.length === 0)
      notifications.show({ color: 'green', message: t('settings.saved', { name: draft.name.trim() }) });
  }

  function revert() {
    line.setDraft(line.saved);
    alerts.setDraft(alerts.saved);
    callEntry.setDraft(callEntry.saved);
    setErrors([]);
    setEntryErrors([]);
  }

  return {
    line,
    alerts,
    callEntry,
    errors,
    setErrors,
    entryErrors,
    dirty: line.dirty || alerts.dirty || callEntry.dirty,
    saving: updated.fetching || alertsUpdated.fetching || entryUpdated.fetching,
    save,
    revert,
  };
}
