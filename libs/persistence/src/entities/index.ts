import { AccountRow, ApiKeyRow, RevokedLoginTokenRow, UserRow } from './account.entities';
import { AuditEntryRow } from './audit.entities';
import { CalendarFeedTokenRow } from './calendar.entities';
import { CallRow } from './call.entities';
import { CallEntryNumberRow, CallEntryRow } from './call-entry.entities';
import { CallbackIntakeSettingsRow, CallbackRequestRow } from './callback.entities';
import { PersonNumberRow, PersonRow, TeamMemberRow, TeamRow } from './directory.entities';
import { HotlineRow, HotlineSupervisorRow } from './hotline.entities';
import { OverrideAssigneeRow, OverrideRow, ScheduleVersionRow, SlotAssigneeRow, SlotRow } from './schedule.entities';
import { HotlineDocumentRow, NotificationDeliveryRow, VoicemailLinkRow } from './notification.entities';
import { HotlineCallbackSettingsRow, PatternRow, TeamCallbackSettingsRow } from './settings.entities';
import { OneTimeTokenRow, UnverifiedEmailRow } from './one-time-token.entities';
import { ShiftAlertRow, ShiftAlertSettingsRow } from './shift-alert.entities';

export { AccountRow, UserRow, RevokedLoginTokenRow, ApiKeyRow } from './account.entities';
export { AuditEntryRow } from './audit.entities';
export { PersonRow, PersonNumberRow, TeamRow, TeamMemberRow } from './directory.entities';
export { HotlineRow, HotlineSupervisorRow } from './hotline.entities';
export { ScheduleVersionRow, SlotRow, SlotAssigneeRow, OverrideRow, OverrideAssigneeRow } from './schedule.entities';
export { PatternRow, HotlineCallbackSettingsRow, TeamCallbackSettingsRow } from './settings.entities';
export { NotificationDeliveryRow, HotlineDocumentRow, VoicemailLinkRow } from './notification.entities';
export { CallRow } from './call.entities';
export { CallEntryRow, CallEntryNumberRow } from './call-entry.entities';
export { CallbackRequestRow, CallbackIntakeSettingsRow } from './callback.entities';
export { CalendarFeedTokenRow } from './calendar.entities';
export { OneTimeTokenRow, UnverifiedEmailRow } from './one-time-token.entities';
export { ShiftAlertSettingsRow, ShiftAlertRow } from './shift-alert.entities';

/** Every table row type; the domain never sees them. */
export const ENTITIES = [
  AccountRow,
  UserRow,
  ApiKeyRow,
  PersonRow,
  PersonNumberRow,
  TeamRow,
  TeamMemberRow,
  HotlineRow,
  HotlineSupervisorRow,
  ScheduleVersionRow,
  SlotRow,
  SlotAssigneeRow,
  OverrideRow,
  OverrideAssigneeRow,
  AuditEntryRow,
  PatternRow,
  HotlineCallbackSettingsRow,
  TeamCallbackSettingsRow,
  NotificationDeliveryRow,
  HotlineDocumentRow,
  VoicemailLinkRow,
  CallRow,
  CallbackRequestRow,
  CallbackIntakeSettingsRow,
  RevokedLoginTokenRow,
  CalendarFeedTokenRow,
  OneTimeTokenRow,
  UnverifiedEmailRow,
  ShiftAlertSettingsRow,
  ShiftAlertRow,
  CallEntryRow,
  CallEntryNumberRow,
];
