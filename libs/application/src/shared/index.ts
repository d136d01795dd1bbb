export { type Caller, systemCaller } from './caller';
export {
  inUse,
  notFound,
  numberTaken,
  type InUseRefusal,
  type NotFoundRefusal,
  type NumberTakenRefusal,
} from './refusals';
export { AuditRecorder, type AuditChange } from './audit-recorder';
export { allItems } from './pages';
export {
  dateOf,
  instantOf,
  instantRangeOf,
  localDateTimeOf,
  localRangeOf,
  type DateInput,
  type LocalDateTimeInput,
  type RangeFields,
} from './time-inputs';
export { readDirectory, type DirectoryNames } from './directory-reader';
export { silentCallLogger, type CallLogger, type LogContext, type NotificationSettingsStore } from './ports';
export { errorContext } from './error-context';
export {
  DEFAULT_NOTIFICATION_SETTINGS,
  notificationSettings,
  notificationSettingsInput,
  type NotificationSettings,
  type NotificationSettingsInput,
  type RecipientChoice,
} from './notification-settings';
