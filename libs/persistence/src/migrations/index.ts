import { InitialSchema1795320498610 } from './1795320498610-initial-schema';
import { PatternsAndCallbackSettings1795321620995 } from './1795321620995-patterns-and-callback-settings';
import { Notifications1795330000000 } from './1795330000000-notifications';
import { Calls1795340000000 } from './1795340000000-calls';
import { CallbackRequests1795356000000 } from './1795356000000-callback-requests';
import { LoginSessions1795370000000 } from './1795370000000-login-sessions';
import { AccountDisabled1795380000000 } from './1795380000000-account-disabled';
import { OneTimeTokens1795390000000 } from './1795390000000-one-time-tokens';
import { CalendarFeeds1795400000000 } from './1795400000000-calendar-feeds';
import { ChangeLog1795520000000 } from './1795520000000-change-log';
import { ShiftAlerts1795547127000 } from './1795547127000-shift-alerts';
import { LevelStrategies1795573519000 } from './1795573519000-level-strategies';
import { PersonCallCap1795590000000 } from './1795590000000-person-call-cap';
import { CallEntries1795610000000 } from './1795610000000-call-entries';
import { CallStatisticsColumns1795630000000 } from './1795630000000-call-statistics-columns';

/** Every migration, oldest first. A new one goes at the end and never edits an earlier one. */
export const MIGRATIONS = [
  InitialSchema1795320498610,
  PatternsAndCallbackSettings1795321620995,
  Notifications1795330000000,
  Calls1795340000000,
  CallbackRequests1795356000000,
  LoginSessions1795370000000,
  AccountDisabled1795380000000,
  OneTimeTokens1795390000000,
  CalendarFeeds1795400000000,
  ChangeLog1795520000000,
  ShiftAlerts1795547127000,
  LevelStrategies1795573519000,
  PersonCallCap1795590000000,
  CallEntries1795610000000,
  CallStatisticsColumns1795630000000,
];
