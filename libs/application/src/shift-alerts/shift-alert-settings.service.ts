import {
  Id,
  InstantInput,
  Result,
  ShiftAckOutcome,
  ShiftAlertRecord,
  ShiftAlertSettings,
  ShiftAlertSettingsInput,
  assertId,
  defaultShiftAlertSettings,
  err,
  ok,
  shiftAlertSettings,
} from '@dutyline/domain';
import { Caller, NotFoundRefusal, instantRangeOf, notFound } from '../shared';
import { ShiftAlertPorts } from './ports';

/** A hotline's settings as clients see them. */
export interface ShiftAlertSettingsView {
  readonly settings: ShiftAlertSettings;
  /** Nothing saved: alerts are off. */
  readonly isDefault: boolean;
}

/** What changes: fields left out keep their value; `acknowledge: null` stops asking for one. */
export type ShiftAlertSettingsChange = Omit<ShiftAlertSettingsInput, 'hotlineId'>;

/** What an acknowledgement link shows. */
export type ShiftAckAnswer = ShiftAckOutcome & { readonly hotlineName?: string; readonly language?: string };

/** The longest range `shiftAlerts` lists. */
export const MAX_SHIFT_ALERT_RANGE_DAYS = 93;

export interface ShiftAlertSettingsServiceDeps extends Pick<
  ShiftAlertPorts,
  'hotlines' | 'settings' | 'ledger' | 'clock'
> {
  /** Told after a save, so the hotline's alerts are planned again at once. */
  readonly changed?: (hotline: { accountId: Id; hotlineId: Id }) => Promise<void>;
}

/** F27 for clients: each hotline's settings, the alerts sent, and the acknowledgement link. */
export class ShiftAlertSettingsService {
  constructor(private readonly deps: ShiftAlertSettingsServiceDeps) {}

  async settings(caller: Caller, hotlineId: Id): Promise<Result<ShiftAlertSettingsView, NotFoundRefusal>> {
    const missing = await this.missingHotline(caller, hotlineId);
    if (missing) return err(missing);
    return ok(await this.view(caller.accountId, hotlineId));
  }

  /** Errors name the field (`minutesBefore`, `channels[1]`, `acknowledge.withinMinutes`). */
  async updateSettings(
    caller: Caller,
    hotlineId: Id,
    change: ShiftAlertSettingsChange,
  ): Promise<Result<ShiftAlertSettingsView, NotFoundRefusal>> {
    const missing = await this.missingHotline(caller, hotlineId);
    if (missing) return err(missing);
    const before = (await this.view(caller.accountId, hotlineId)).settings;
    const defined = Object.fromEntries(Object.entries(change ?? {}).filter(([, value]) => value !== undefined));
    const settings = shiftAlertSettings({ ...before, ...defined, hotlineId });
    await this.deps.settings.saveShiftAlertSettings(caller.accountId, settings);
    await this.deps.changed?.({ accountId: caller.accountId, hotlineId });
    return ok({ settings, isDefault: false });
  }

  /** The alerts of a hotline whose duty starts in `[from, to)`, at most `MAX_SHIFT_ALERT_RANGE_DAYS`. */
  async shiftAlerts(
    caller: Caller,
    hotlineId: Id,
    range: { from: InstantInput; to: InstantInput },
  ): Promise<Result<ShiftAlertRecord[], NotFoundRefusal>> {
    const { start, end } = instantRangeOf(range, MAX_SHIFT_ALERT_RANGE_DAYS);
    const missing = await this.missingHotline(caller, hotlineId);
    if (missing) return err(missing);
    return ok(await this.deps.ledger.shiftAlerts(caller.accountId, hotlineId, { from: start, to: end }));
  }

  /** The link in an alert: single-use, expiring; an unknown or expired token is `invalid`. */
  async acknowledge(token: string): Promise<ShiftAckAnswer> {
    const outcome = await this.deps.ledger.acknowledgeShiftAlert(token, this.deps.clock.now());
    if (outcome.status === 'invalid') return outcome;
    const hotline = await this.deps.hotlines.byId(outcome.alert.accountId, outcome.alert.hotlineId);
    return { ...outcome, hotlineName: hotline?.name, language: hotline?.language };
  }

  private async view(accountId: Id, hotlineId: Id): Promise<ShiftAlertSettingsView> {
    const saved = await this.deps.settings.shiftAlertSettings(accountId, hotlineId);
    return saved
      ? { settings: saved, isDefault: false }
      : { settings: defaultShiftAlertSettings(hotlineId), isDefault: true };
  }

  private async missingHotline(caller: Caller, hotlineId: Id): Promise<NotFoundRefusal | undefined> {
    const id = assertId(hotlineId, 'hotlineId');
    return (await this.deps.hotlines.byId(caller.accountId, id)) ? undefined : notFound('hotline', id, 'hotlineId');
  }
}
