import { AccountRow, ApiKeyRow, RevokedLoginTokenRow, UserRow } from './account.entities';
import { AuditEntryRow } from './audit.entities';
import { CalendarFeedTokenRow } from './calendar.entities';
import { CallRow } from './call.entities';
import { CallbackIntakeSettingsRow, CallbackRequestRow } from './callback.entities';
import { PersonNumberRow, PersonRow, TeamMemberRow, TeamRow } from './directory.entities';
import { HotlineRow, HotlineSupervisorRow } from './hotline.entities';
import { OverrideAssigneeRow, OverrideRow, ScheduleVersionRow, SlotAssigneeRow, SlotRow } from './schedule.entities';
import { HotlineDocumentRow, NotificationDeliveryRow, VoicemailLinkRow } from './notification.entities';
import { HotlineCallbackSettingsRow, PatternRow, TeamCallbackSettingsRow } from './settings.entities';
import { OneTimeTokenRow, UnverifiedEmailRow } from './one-time-token.entities';

export * from './account.entities';
export * from './audit.entities';
export * from './directory.entities';
export * from './hotline.entities';
export * from './schedule.entities';
export * from './settings.entities';
export * from './notification.entities';
export * from './call.entities';
export * from './callback.entities';
export * from './calendar.entities';
export * from './one-time-token.entities';

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
];
