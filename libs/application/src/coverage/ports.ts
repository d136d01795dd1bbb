import { HotlineRepository, PersonRepository, ScheduleRepository, TeamRepository } from '@dutyline/domain';
import { NotificationSettingsStore } from '../shared';

// The coverage queries run over the domain's ports; their failure contracts are the domain's.

export interface CoverageQueriesDeps {
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  /** Who a voicemail is e-mailed to; without it no problem is reported (the gap checks need none). */
  readonly notificationSettings?: Pick<NotificationSettingsStore, 'notificationSettings'>;
}
