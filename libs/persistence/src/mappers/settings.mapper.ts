import {
  CallbackPolicyInput,
  CallbackServiceRef,
  CallbackSettings,
  PatternWindowInput,
  StoredPattern,
  callbackPolicy,
  onCallPattern,
} from '@dutyline/domain';
import { HotlineCallbackSettingsRow, PatternRow } from '../entities';
import { sortKey } from '../support/sort-key';

/** Windows are stored as JSON in the shape `onCallPattern()` takes, so reading validates them again. */
export function patternToRow(p: StoredPattern): PatternRow {
  const windows: PatternWindowInput[] = p.windows.map((w) => ({
    days: w.days.names,
    start: w.start.toString(),
    end: w.end.toString(),
    endDayOffset: w.endDayOffset,
  }));
  return {
    accountId: p.accountId,
    id: p.id,
    name: p.name,
    sortName: sortKey(p.name),
    windows: JSON.stringify(windows),
  };
}

export function patternFromRow(row: PatternRow): StoredPattern {
  const pattern = onCallPattern({ name: row.name, windows: JSON.parse(row.windows) as PatternWindowInput[] });
  return { ...pattern, id: row.id, accountId: row.accountId };
}

/** Both settings tables share this shape; `serviceId` is the hotline's or the team's id. */
export type CallbackSettingsRow = HotlineCallbackSettingsRow;

export const callbackSettingsToRow = (s: CallbackSettings): CallbackSettingsRow => ({
  accountId: s.accountId,
  serviceId: s.service.id,
  policy: JSON.stringify(s.policy),
  updatedAt: s.updatedAt,
});

export const callbackSettingsFromRow = (
  kind: CallbackServiceRef['kind'],
  row: CallbackSettingsRow,
): CallbackSettings => ({
  accountId: row.accountId,
  service: { kind, id: row.serviceId },
  policy: callbackPolicy(JSON.parse(row.policy) as CallbackPolicyInput),
  updatedAt: row.updatedAt,
});
